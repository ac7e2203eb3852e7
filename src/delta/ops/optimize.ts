/**
 * OPTIMIZE [WHERE partition-predicate] [ZORDER BY (c, ...)]: rewrite small files of each
 * partition into files near the target size (`delta.targetFileSize`, else Spark's 1 GB), in
 * one commit with dataChange=false. With ZORDER BY, each partition's rows are written along
 * the Z-curve of the listed columns, so every output file covers a narrow range of each.
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../common/errors.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { Action, AddAction } from '../actions/action-types.js';
import type { DeltaFile } from '../delta-file.js';
import type { PartitionScalar } from '../partition-value.js';
import { readDeltaFile } from '../scan/read-delta-file.js';
import { loadSnapshot, type Snapshot } from '../snapshot.js';
import { commitActions } from '../write/commit-actions.js';
import { DataFileWriter } from '../write/data-file-writer.js';
import { removeFile } from '../write/remove-file.js';
import { statsConfigFrom } from '../write/stats-collector.js';
import { fileSizeStats, percentile, type FileSizeStats } from './file-size-stats.js';
import { planOptimize, type OptimizeBin } from './optimize-plan.js';
import { writeZOrdered } from './write-zordered.js';

/** Spark's spark.databricks.delta.optimize.maxFileSize default. */
export const DEFAULT_OPTIMIZE_FILE_SIZE = 1024 * 1024 * 1024;

export interface OptimizeOptions {
  /** Compiled WHERE over partition values (logical names); only matching partitions are optimized. */
  readonly partitionFilter?: ((partitionValues: Readonly<Record<string, PartitionScalar>>) => boolean) | undefined;
  /** The WHERE text for the history's `predicate` parameter. */
  readonly predicateText?: readonly string[] | undefined;
  readonly zOrderBy?: readonly string[] | undefined;
  /** Bytes; default `delta.targetFileSize`, else 1 GB. */
  readonly targetFileSize?: number | undefined;
}

export interface ZOrderStats {
  readonly strategyName: string;
  readonly inputCubeFiles: { readonly num: number; readonly size: number };
  readonly inputOtherFiles: { readonly num: number; readonly size: number };
  readonly inputNumCubes: number;
  readonly mergedFiles: { readonly num: number; readonly size: number };
  readonly numOutputCubes: number;
}

export interface OptimizeMetrics {
  readonly numFilesAdded: number;
  readonly numFilesRemoved: number;
  readonly filesAdded: FileSizeStats;
  readonly filesRemoved: FileSizeStats;
  readonly partitionsOptimized: number;
  readonly zOrderStats: ZOrderStats | undefined;
  readonly numBatches: number;
  readonly totalConsideredFiles: number;
  readonly totalFilesSkipped: number;
  readonly preserveInsertionOrder: boolean;
}

export interface OptimizeResult {
  /** The OPTIMIZE commit, or undefined when there was nothing to rewrite (no commit is made). */
  readonly version: number | undefined;
  readonly metrics: OptimizeMetrics;
}

function targetSize(snapshot: Snapshot, given: number | undefined): number {
  const configured = snapshot.metadata.configuration['delta.targetFileSize'];
  const size = given ?? (configured !== undefined && configured !== null ? Number(configured) : DEFAULT_OPTIMIZE_FILE_SIZE);
  if (!Number.isFinite(size) || size <= 0) throw new DeltaSqlError('INVALID_ARGUMENT', `invalid target file size ${String(given ?? configured)}: expected a positive number of bytes`);
  return size;
}

/** Spark's checks: every Z-order column exists and is a data column. */
function zOrderColumns(snapshot: Snapshot, columns: readonly string[]): string[] {
  return columns.map((name) => {
    const f = snapshot.schema.find((x) => x.name === name) ?? snapshot.schema.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (f === undefined) throw new DeltaSqlError('UNKNOWN_COLUMN', `Z-Ordering column ${name} does not exist in data schema.`);
    if (snapshot.partitionColumns.some((p) => p.toLowerCase() === f.name.toLowerCase())) {
      throw new DeltaSqlError('ANALYSIS_ERROR', `${f.name} is a partition column. Z-Ordering can only be performed on data columns`);
    }
    return f.name;
  });
}

async function readBin(store: ObjectStore, snapshot: Snapshot, files: readonly DeltaFile[]): Promise<arrow.RecordBatch[]> {
  const out: arrow.RecordBatch[] = [];
  for (const f of files) for await (const b of readDeltaFile(store, snapshot, f)) out.push(b);
  return out;
}

export async function optimize(store: ObjectStore, options: OptimizeOptions = {}): Promise<OptimizeResult> {
  const snapshot = await loadSnapshot(store);
  const target = targetSize(snapshot, options.targetFileSize);
  const zOrder = zOrderColumns(snapshot, options.zOrderBy ?? []);
  const filter = options.partitionFilter;
  const files = filter === undefined ? snapshot.files() : snapshot.files().filter((f) => filter(f.typedPartitionValues));
  const plan = planOptimize(files, target, zOrder.length > 0);

  const writers: DataFileWriter[] = [];
  const newWriter = (fileSize: number): DataFileWriter => {
    const w = new DataFileWriter(store, {
      schema: snapshot.schema,
      partitionColumns: snapshot.partitionColumns,
      mode: snapshot.columnMappingMode,
      stats: statsConfigFrom(snapshot.metadata.configuration),
      targetFileSize: fileSize,
      dataChange: false,
    });
    writers.push(w);
    return w;
  };
  // A failed OPTIMIZE leaves no new files behind.
  const cleanUp = async (): Promise<void> => {
    await Promise.all(writers.flatMap((w) => w.writtenPaths).map((p) => store.delete(p).catch(() => undefined)));
  };
  const now = Date.now();
  const removed: DeltaFile[] = [];
  const adds: AddAction[] = [];
  try {
    const packer = newWriter(target);
    for (const bin of plan.bins) {
      if (zOrder.length > 0) {
        // Z-ordering needs the whole partition at once; compaction streams file by file.
        const batches = await readBin(store, snapshot, bin.files);
        adds.push(...(await writeZOrdered(() => newWriter(Number.MAX_SAFE_INTEGER), batches, zOrder, target, binBytes(bin))));
      } else {
        for (const f of bin.files) for await (const b of readDeltaFile(store, snapshot, f)) await packer.write(b);
      }
      removed.push(...bin.files);
    }
    adds.push(...(await packer.close()));
  } catch (error) {
    await cleanUp();
    throw error;
  }

  const addedSizes = adds.map((a) => a.size);
  const removedSizes = removed.map((f) => f.size);
  const partitions = new Set(plan.bins.map((b) => b.partitionKey)).size;
  const metrics: OptimizeMetrics = {
    numFilesAdded: adds.length,
    numFilesRemoved: removed.length,
    filesAdded: fileSizeStats(addedSizes),
    filesRemoved: fileSizeStats(removedSizes),
    partitionsOptimized: partitions,
    zOrderStats:
      zOrder.length === 0
        ? undefined
        : {
            strategyName: 'all',
            inputCubeFiles: { num: 0, size: 0 },
            inputOtherFiles: { num: removed.length, size: removedSizes.reduce((s, x) => s + x, 0) },
            inputNumCubes: 0,
            mergedFiles: { num: removed.length, size: removedSizes.reduce((s, x) => s + x, 0) },
            numOutputCubes: partitions,
          },
    numBatches: plan.bins.length,
    totalConsideredFiles: plan.consideredFiles,
    totalFilesSkipped: plan.consideredFiles - removed.length,
    preserveInsertionOrder: false,
  };
  if (removed.length === 0) return { version: undefined, metrics };

  const actions: Action[] = [...removed.map((f) => removeFile(f, now, false)), ...adds];
  const commitMetrics = {
    numRemovedFiles: removed.length,
    numRemovedBytes: metrics.filesRemoved.totalSize,
    p25FileSize: percentile(addedSizes, 0.25),
    numDeletionVectorsRemoved: removed.filter((f) => f.deletionVector !== undefined).length,
    minFileSize: metrics.filesAdded.min ?? 0,
    numAddedFiles: adds.length,
    maxFileSize: metrics.filesAdded.max ?? 0,
    p75FileSize: percentile(addedSizes, 0.75),
    p50FileSize: percentile(addedSizes, 0.5),
    numAddedBytes: metrics.filesAdded.totalSize,
  };
  try {
    const result = await commitActions(
      store,
      snapshot,
      actions,
      { name: 'OPTIMIZE', parameters: { predicate: [...(options.predicateText ?? [])], zOrderBy: zOrder, auto: false }, metrics: commitMetrics },
      { files: removed.map((f) => f.path) },
    );
    return { version: result.version, metrics };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

function binBytes(bin: OptimizeBin): number {
  return bin.files.reduce((s, f) => s + f.size, 0);
}
