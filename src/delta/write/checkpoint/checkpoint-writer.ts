/**
 * Classic single-file checkpoints (PROTOCOL.md "Checkpoints"): the reconciled state of one
 * version (protocol, metadata, txns, live files, unexpired tombstones, domain metadata) as
 * Parquet at `_delta_log/<v>.checkpoint.parquet`, then `_last_checkpoint`. The checkpoint goes in
 * with putIfAbsent before the hint is updated, so a crash between the two is harmless: readers
 * find checkpoints by listing, and `_last_checkpoint` is only a hint.
 */
import * as arrow from 'apache-arrow';
import type { ObjectStore } from '../../../storage/object-store.js';
import { writeParquet } from '../../../storage/parquet/write-parquet.js';
import type { DeletionVectorDescriptor, StringMap } from '../../actions/action-types.js';
import { LOG_DIR } from '../../log/log-file-name.js';
import type { Snapshot } from '../../snapshot.js';
import { CHECKPOINT_COLUMNS, checkpointSchema, checkpointTypeOf, type CheckpointColumn } from './checkpoint-schema.js';
import { statsParsedType, statsParsedValue } from './stats-parsed.js';
import { deletedFileRetentionMs } from './retention.js';

export interface CheckpointResult {
  readonly version: number;
  readonly path: string;
  /** Rows (actions) in the checkpoint. */
  readonly size: number;
  readonly sizeInBytes: number;
  readonly numOfAddFiles: number;
}

export function checkpointFileName(version: number): string {
  return `${String(version).padStart(20, '0')}.checkpoint.parquet`;
}

const map = (m: StringMap | undefined): Map<string, string | null> | null => (m === undefined ? null : new Map(Object.entries(m)));
const long = (n: number | undefined): bigint | null => (n === undefined ? null : BigInt(n));

function dv(d: DeletionVectorDescriptor | undefined): Record<string, unknown> | null {
  if (d === undefined) return null;
  return {
    storageType: d.storageType,
    pathOrInlineDv: d.pathOrInlineDv,
    offset: d.offset ?? null,
    sizeInBytes: d.sizeInBytes,
    cardinality: BigInt(d.cardinality),
    maxRowIndex: long(d.maxRowIndex),
  };
}

type Row = Partial<Record<CheckpointColumn, Record<string, unknown>>>;

/** The stats_parsed struct of a snapshot's table (data columns only). */
export function snapshotStatsParsedType(snapshot: Snapshot): arrow.Struct | undefined {
  const parts = new Set(snapshot.partitionColumns);
  return statsParsedType(snapshot.schema.filter((f) => !parts.has(f.name)), snapshot.columnMappingMode);
}

/** The checkpoint rows of a snapshot; tombstones older than the retention are dropped. */
export function checkpointRows(snapshot: Snapshot, now: number): Row[] {
  const rows: Row[] = [];
  const parts = new Set(snapshot.partitionColumns);
  const dataFields = snapshot.schema.filter((f) => !parts.has(f.name));
  const parsedType = snapshotStatsParsedType(snapshot);
  const withBounds = parsedType?.children.some((c) => c.name === 'minValues') === true;
  const p = snapshot.protocol;
  rows.push({
    protocol: {
      minReaderVersion: p.minReaderVersion,
      minWriterVersion: p.minWriterVersion,
      readerFeatures: p.readerFeatures === undefined ? null : [...p.readerFeatures],
      writerFeatures: p.writerFeatures === undefined ? null : [...p.writerFeatures],
    },
  });
  const m = snapshot.metadata;
  rows.push({
    metaData: {
      id: m.id,
      name: m.name ?? null,
      description: m.description ?? null,
      format: { provider: m.format.provider, options: map(m.format.options) },
      schemaString: m.schemaString,
      partitionColumns: [...m.partitionColumns],
      configuration: map(m.configuration),
      createdTime: long(m.createdTime),
    },
  });
  for (const t of snapshot.txns.values()) rows.push({ txn: { appId: t.appId, version: BigInt(t.version), lastUpdated: long(t.lastUpdated) } });
  for (const d of snapshot.domainMetadata.values()) rows.push({ domainMetadata: { domain: d.domain, configuration: d.configuration, removed: d.removed } });
  for (const file of snapshot.files()) {
    const a = file.add;
    rows.push({
      add: {
        path: a.path,
        partitionValues: map(a.partitionValues),
        size: BigInt(a.size),
        modificationTime: BigInt(a.modificationTime),
        dataChange: false,
        stats: a.stats ?? null,
        tags: map(a.tags),
        deletionVector: dv(a.deletionVector),
        baseRowId: long(a.baseRowId),
        defaultRowCommitVersion: long(a.defaultRowCommitVersion),
        clusteringProvider: a.clusteringProvider ?? null,
        ...(parsedType === undefined ? {} : { stats_parsed: statsParsedValue(a.stats, dataFields, snapshot.columnMappingMode, withBounds) }),
      },
    });
  }
  const cutoff = now - deletedFileRetentionMs(m.configuration);
  for (const r of snapshot.tombstones) {
    if ((r.deletionTimestamp ?? 0) <= cutoff) continue;
    rows.push({
      remove: {
        path: r.path,
        deletionTimestamp: long(r.deletionTimestamp),
        dataChange: false,
        extendedFileMetadata: r.extendedFileMetadata ?? null,
        partitionValues: map(r.partitionValues),
        size: long(r.size),
        tags: map(r.tags),
        deletionVector: dv(r.deletionVector),
        baseRowId: long(r.baseRowId),
        defaultRowCommitVersion: long(r.defaultRowCommitVersion),
      },
    });
  }
  return rows;
}

export function checkpointTable(rows: readonly Row[], statsParsed?: arrow.Struct): arrow.Table {
  const columns = CHECKPOINT_COLUMNS.map((name) => arrow.vectorFromArray(rows.map((r) => r[name] ?? null), checkpointTypeOf(name, statsParsed)));
  const schema = checkpointSchema(statsParsed);
  const data = arrow.makeData({
    type: new arrow.Struct(schema.fields),
    length: rows.length,
    nullCount: 0,
    children: columns.map((c) => c.data[0] as arrow.Data),
  });
  return new arrow.Table(schema, [new arrow.RecordBatch(schema, data)]);
}

/** Write the checkpoint of `snapshot` and point `_last_checkpoint` at it. */
export async function writeCheckpoint(store: ObjectStore, snapshot: Snapshot, now: number = Date.now()): Promise<CheckpointResult> {
  const rows = checkpointRows(snapshot, now);
  const bytes = writeParquet(checkpointTable(rows, snapshotStatsParsedType(snapshot)), { compression: 'snappy' });
  const path = `${LOG_DIR}${checkpointFileName(snapshot.version)}`;
  const numOfAddFiles = snapshot.fileCount;
  // Someone else may have checkpointed this version already: theirs is as good as ours, and
  // its writer updates the hint to describe its own file.
  if (await store.putIfAbsent(path, bytes)) {
    const hint = { version: snapshot.version, size: rows.length, sizeInBytes: bytes.length, numOfAddFiles };
    await store.put(`${LOG_DIR}_last_checkpoint`, new TextEncoder().encode(JSON.stringify(hint)));
  }
  return { version: snapshot.version, path, size: rows.length, sizeInBytes: bytes.length, numOfAddFiles };
}
