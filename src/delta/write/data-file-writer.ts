/**
 * Arrow batches (already in the table's logical schema) → Parquet data files + `add` actions.
 * One open buffer per partition; a buffer becomes a file when its estimated encoded size reaches
 * the target file size (estimate = Arrow bytes × the compression ratio seen so far).
 */
import { randomUUID } from 'node:crypto';
import * as arrow from 'apache-arrow';
import type { StructField } from '../../common/types/data-type.js';
import type { ObjectStore } from '../../storage/object-store.js';
import { writeParquet, type ParquetCompression } from '../../storage/parquet/write-parquet.js';
import type { AddAction } from '../actions/action-types.js';
import { physicalName, type ColumnMappingMode } from '../column-mapping.js';
import { partitionDirectory, toLogPath } from './partition-path.js';
import { splitByPartition } from './partition-split.js';
import { physicalDataSchema, retype } from './physical-schema.js';
import { StatsCollector, type StatsConfig } from './stats-collector.js';
import { takeRows } from './take-rows.js';

export const DEFAULT_ROW_GROUP_SIZE = 262144;
/** Without `delta.targetFileSize`, files are cut at about this many encoded bytes. */
export const DEFAULT_TARGET_FILE_SIZE = 128 * 1024 * 1024;
/**
 * A file is also cut when its buffered Arrow data reaches this size, whatever the target: encoding
 * copies the whole buffer into wasm memory, so this bounds memory (and keeps the encoder fast).
 */
export const MAX_BUFFERED_ARROW_BYTES = 64 * 1024 * 1024;

export interface DataFileWriterOptions {
  readonly schema: readonly StructField[];
  readonly partitionColumns: readonly string[];
  readonly mode: ColumnMappingMode;
  readonly stats: StatsConfig;
  readonly compression?: 'zstd' | 'snappy' | undefined;
  readonly rowGroupSize?: number | undefined;
  readonly targetFileSize?: number | undefined;
  readonly dataChange?: boolean | undefined;
}

interface OpenFile {
  readonly dir: string;
  readonly partitionValues: Record<string, string | null>;
  batches: arrow.RecordBatch[];
  arrowBytes: number;
  stats: StatsCollector;
}

export class DataFileWriter {
  private readonly partIndex: number[];
  private readonly dataIndex: number[];
  private readonly dataFields: StructField[];
  private readonly physicalSchema: arrow.Schema;
  private readonly open = new Map<string, OpenFile>();
  private readonly adds: AddAction[] = [];
  /** Every file put so far (committed or not): what a failed write leaves unreferenced. */
  readonly writtenPaths: string[] = [];
  private fileCount = 0;
  private ratio = 1;
  private readonly codec: ParquetCompression;
  private readonly target: number;

  constructor(
    private readonly store: ObjectStore,
    private readonly options: DataFileWriterOptions,
  ) {
    const lower = options.partitionColumns.map((c) => c.toLowerCase());
    this.partIndex = lower.map((c) => options.schema.findIndex((f) => f.name.toLowerCase() === c));
    this.dataIndex = options.schema.map((_, i) => i).filter((i) => !this.partIndex.includes(i));
    this.dataFields = this.dataIndex.map((i) => options.schema[i] as StructField);
    this.physicalSchema = physicalDataSchema(this.dataFields, options.mode);
    this.codec = options.compression ?? 'zstd';
    this.target = options.targetFileSize ?? DEFAULT_TARGET_FILE_SIZE;
  }

  /** Buffer a batch (logical schema, table column order); writes files as buffers fill up. */
  async write(batch: arrow.RecordBatch): Promise<void> {
    if (batch.numRows === 0) return;
    const types = this.partIndex.map((i) => (this.options.schema[i] as StructField).type);
    for (const group of splitByPartition(batch, this.partIndex, types)) {
      const rows = group.rows === undefined ? batch : takeRows(batch, group.rows);
      const dataBatch = this.dataOnly(rows);
      const key = JSON.stringify(group.values);
      let file = this.open.get(key);
      if (file === undefined) {
        const pairs = this.partIndex.map((i, k) => [physicalName(this.options.schema[i] as StructField, this.options.mode), group.values[k] ?? null] as const);
        file = { dir: partitionDirectory(pairs), partitionValues: Object.fromEntries(pairs), batches: [], arrowBytes: 0, stats: this.newStats() };
        this.open.set(key, file);
      }
      file.batches.push(dataBatch);
      file.stats.update(dataBatch);
      file.arrowBytes += dataBatch.data.byteLength;
      if (file.arrowBytes * this.ratio >= this.target || file.arrowBytes >= MAX_BUFFERED_ARROW_BYTES) {
        this.open.delete(key);
        await this.flush(file);
      }
    }
  }

  /** Write every open buffer and return the `add` actions of all files written. */
  async close(): Promise<AddAction[]> {
    const files = [...this.open.values()];
    this.open.clear();
    for (const f of files) await this.flush(f);
    return this.adds;
  }

  private newStats(): StatsCollector {
    return new StatsCollector(this.dataFields, this.options.mode, this.options.stats);
  }

  private dataOnly(batch: arrow.RecordBatch): arrow.RecordBatch {
    const children = this.dataIndex.map((i, k) => retype(batch.data.children[i] as arrow.Data, (this.physicalSchema.fields[k] as arrow.Field).type));
    const type = new arrow.Struct(this.physicalSchema.fields);
    const data = arrow.makeData({ type, length: batch.numRows, nullCount: 0, children });
    return new arrow.RecordBatch(this.physicalSchema, data);
  }

  private async flush(file: OpenFile): Promise<void> {
    if (file.batches.length === 0) return;
    const table = new arrow.Table(this.physicalSchema, file.batches);
    const bytes = writeParquet(table, { compression: this.codec, rowGroupSize: this.options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE });
    if (file.arrowBytes > 0) this.ratio = Math.max(bytes.length / file.arrowBytes, 0.01);
    const name = `part-${String(this.fileCount++).padStart(5, '0')}-${randomUUID()}.c000.${this.codec}.parquet`;
    const relative = `${file.dir}${name}`;
    this.writtenPaths.push(relative);
    await this.store.put(relative, bytes);
    this.adds.push({
      kind: 'add',
      path: toLogPath(relative),
      partitionValues: file.partitionValues,
      size: bytes.length,
      modificationTime: Date.now(),
      dataChange: this.options.dataChange ?? true,
      stats: file.stats.toJson(),
      statsParsed: undefined,
      tags: undefined,
      deletionVector: undefined,
      baseRowId: undefined,
      defaultRowCommitVersion: undefined,
      clusteringProvider: undefined,
    });
  }
}
