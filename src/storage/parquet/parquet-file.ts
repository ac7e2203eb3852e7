/**
 * Reads a Parquet file into Arrow RecordBatches with parquet-wasm, one row group per
 * wasm call (the wasm heap never shrinks, so a whole large file is never decoded at once).
 *
 * Fetching: small files are fetched whole once; larger ones by byte ranges of just the
 * column chunks a read needs (nearby ranges merged), repacked per row group into a small
 * Parquet file (row-group-file.ts). An optional ColumnChunkCache serves decoded columns
 * without fetching or decoding; only missing columns are read.
 *
 * parquet-wasm under Node ESM: the package's `node` export is a CommonJS build that
 * instantiates its wasm synchronously on import, so a plain named import works (no init call).
 *
 * What arrives after the wasm → IPC → apache-arrow round trip (callers cast to the table schema):
 * - DECIMAL (INT32, INT64 or FIXED_LEN_BYTE_ARRAY) → Decimal(precision, scale), 128-bit unscaled
 *   little-endian words in `data.values` (Uint32Array, 4 per value); the scale is on the type.
 * - INT64 TIMESTAMP(MILLIS|MICROS|NANOS) → Timestamp of that unit; isAdjustedToUTC=true gives
 *   timezone 'UTC' (Delta timestamp), false gives no timezone (timestamp_ntz). Values are raw
 *   BigInt64 in the file's unit: MILLIS files are not widened to µs.
 * - INT96 (legacy Spark timestamps) → Timestamp(NANOSECOND) with no timezone, UTC-based.
 * - DATE → Date32 (days). Legacy TIMESTAMP_MICROS converted type → Timestamp(µs, 'UTC').
 * - Nested LIST → List (element field named as in the file, often 'element'), MAP → Map
 *   (entries struct 'key_value' with 'key'/'value'), groups → Struct.
 * - Dictionary-encoded string pages decode to plain Utf8, unless the file carries an
 *   `ARROW:schema` saying the column was a Dictionary (files written by arrow, including ours).
 * - INT32 with INTEGER(8|16) → Int8/Int16; unannotated INT32/INT64 → Int32/Int64.
 */
import * as arrow from 'apache-arrow';
import type { ParquetFile as WasmParquetFile } from 'parquet-wasm';
import { parquetWasm } from './parquet-wasm.js';
import { DeltaSqlError } from '../../common/errors.js';
import { ColumnChunkCache } from '../cache/column-chunk-cache.js';
import type { ObjectStore } from '../object-store.js';
import { fetchRowGroupFile } from './fetch-row-group.js';
import { parseParquetFooter, readParquetFooterBytes } from './parquet-footer.js';
import type { ParquetMetadata } from './parquet-metadata.js';
import { RowGroupFileBuilder } from './row-group-file.js';

/** Rows per RecordBatch handed out (the engine's batch unit is up to ~64K rows). */
const BATCH_ROWS = 65_536;
/** In 'auto' mode, files up to this size are fetched whole: one request beats several. */
const WHOLE_FILE_BELOW = 1024 * 1024;
/** Default largest gap between two chunk ranges still fetched as one request; object stores pay more per request. */
const MAX_GAP = 64 * 1024;
const MAX_GAP_REMOTE = 1024 * 1024;

/** 'whole': fetch the file once; 'ranges': fetch column chunks; 'auto': whole when small. */
export type ParquetFetchMode = 'auto' | 'whole' | 'ranges';

export interface ParquetOpenOptions {
  /** The file size, when known (saves a head request). */
  readonly size?: number;
  /** Default 'auto'. */
  readonly fetch?: ParquetFetchMode;
  /** Largest gap (bytes) between chunk ranges merged into one request; default 64 KiB, 1 MiB on S3. */
  readonly maxGap?: number;
}

export interface ReadRowGroupsOptions {
  /** Top-level column names, returned in this order; nested columns come whole. Default: all. */
  readonly columns?: readonly string[];
  /** Row-group indexes, read in this order. Default: all. */
  readonly rowGroups?: readonly number[];
  /** Decoded column chunks: hits are served without fetching or decoding; misses are added. */
  readonly cache?: ColumnChunkCache;
}

function wasmError(path: string, error: unknown): DeltaSqlError {
  if (error instanceof DeltaSqlError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new DeltaSqlError('CORRUPT_DATA', `cannot decode Parquet file ${path}: ${text}`, { cause: error });
}

/** The Arrow schema parquet-wasm derives, computed from the footer alone (no data pages needed). */
function arrowSchemaFromFooter(footer: Uint8Array, path: string): arrow.Schema {
  const magic = [0x50, 0x41, 0x52, 0x31];
  const file = new Uint8Array(footer.length + 12);
  file.set(magic, 0);
  file.set(footer, 4);
  new DataView(file.buffer).setUint32(footer.length + 4, footer.length, true);
  file.set(magic, footer.length + 8);
  try {
    return arrow.tableFromIPC(parquetWasm().readSchema(file).intoIPCStream()).schema;
  } catch (error) {
    throw wasmError(path, error);
  }
}

/** Decoded columns of one row group: field and batch Data per column name. */
type DecodedColumns = Map<string, { readonly field: arrow.Field; readonly chunks: readonly arrow.Data[] }>;

export class ParquetFile {
  private bytes: Promise<Uint8Array> | undefined;
  private wasmFile: Promise<WasmParquetFile> | undefined;
  private builder: RowGroupFileBuilder | undefined;
  /** Whether reads fetch column-chunk ranges (else the whole file, once). */
  readonly rangeReads: boolean;
  private readonly maxGap: number;

  private constructor(
    private readonly store: ObjectStore,
    readonly path: string,
    readonly size: number,
    readonly metadata: ParquetMetadata,
    readonly arrowSchema: arrow.Schema,
    private readonly footer: Uint8Array,
    options: ParquetOpenOptions,
  ) {
    const mode = options.fetch ?? 'auto';
    this.rangeReads = mode === 'ranges' || (mode === 'auto' && size > WHOLE_FILE_BELOW);
    this.maxGap = options.maxGap ?? (store.root.startsWith('s3://') ? MAX_GAP_REMOTE : MAX_GAP);
  }

  /** Reads the footer (by byte ranges) and derives the Arrow schema; data bytes are fetched on first read. */
  static async open(store: ObjectStore, path: string, options: ParquetOpenOptions = {}): Promise<ParquetFile> {
    const { footer, size } = await readParquetFooterBytes(store, path, options.size);
    const metadata = parseParquetFooter(footer, path);
    return new ParquetFile(store, path, size, metadata, arrowSchemaFromFooter(footer, path), footer, options);
  }

  /** The key of this file in a ColumnChunkCache. */
  get cacheKey(): string {
    return ColumnChunkCache.fileKey(this.store.root, this.path, this.size);
  }

  /** The whole file's bytes, fetched once. */
  private fileBytes(): Promise<Uint8Array> {
    this.bytes ??= this.store.get(this.path).then((bytes) => {
      if (bytes.length !== this.size) {
        throw new DeltaSqlError('CORRUPT_DATA', `Parquet file ${this.path} changed size while reading (${this.size} → ${bytes.length} bytes)`);
      }
      return bytes;
    });
    return this.bytes;
  }

  private wasm(): Promise<WasmParquetFile> {
    this.wasmFile ??= this.fileBytes().then(async (bytes) => {
      try {
        return await parquetWasm().ParquetFile.fromFile(new Blob([bytes]));
      } catch (error) {
        throw wasmError(this.path, error);
      }
    });
    return this.wasmFile;
  }

  async *readRowGroups(options: ReadRowGroupsOptions = {}): AsyncIterable<arrow.RecordBatch> {
    const groupCount = this.metadata.rowGroups.length;
    const groups = options.rowGroups ?? Array.from({ length: groupCount }, (_, i) => i);
    for (const g of groups) {
      if (!Number.isInteger(g) || g < 0 || g >= groupCount) {
        throw new DeltaSqlError('INVALID_ARGUMENT', `row group ${g} does not exist in ${this.path} (it has ${groupCount})`);
      }
    }
    const requested = options.columns === undefined ? undefined : [...new Set(options.columns)];
    for (const name of requested ?? []) {
      if (this.arrowSchema.fields.every((f) => f.name !== name)) {
        throw new DeltaSqlError('UNKNOWN_COLUMN', `column '${name}' is not in Parquet file ${this.path}`);
      }
    }
    if (requested !== undefined && requested.length === 0) {
      // No columns (COUNT(*)): row counts come from the footer, no data is read.
      for (const g of groups) yield* emptyBatches(this.metadata.rowGroups[g]?.numRows ?? 0);
      return;
    }
    const columns = requested ?? this.arrowSchema.fields.map((f) => f.name);
    const nonEmpty = groups.filter((g) => (this.metadata.rowGroups[g]?.numRows ?? 0) > 0);
    const cache = options.cache;
    // Fetch one row group ahead while the current one decodes.
    let next = nonEmpty.length > 0 ? this.startRowGroup(nonEmpty[0] as number, columns, cache) : undefined;
    for (let i = 0; i < nonEmpty.length; i++) {
      const current = next as Promise<DecodedColumns>;
      next = i + 1 < nonEmpty.length ? this.startRowGroup(nonEmpty[i + 1] as number, columns, cache) : undefined;
      yield* assemble(await current, columns, this.arrowSchema.metadata);
    }
  }

  /** Begins reading row group `g`; the promise is pre-handled so an abandoned prefetch never goes unhandled. */
  private startRowGroup(g: number, columns: readonly string[], cache: ColumnChunkCache | undefined): Promise<DecodedColumns> {
    const promise = this.readRowGroup(g, columns, cache);
    promise.catch(() => undefined);
    return promise;
  }

  private async readRowGroup(g: number, columns: readonly string[], cache: ColumnChunkCache | undefined): Promise<DecodedColumns> {
    const out: DecodedColumns = new Map();
    const fileKey = cache === undefined ? '' : this.cacheKey;
    const missing: string[] = [];
    for (const name of columns) {
      const hit = cache?.get(fileKey, g, name);
      if (hit === undefined) missing.push(name);
      else out.set(name, hit);
    }
    if (missing.length === 0) return out;
    const table = await this.decode(g, missing);
    table.schema.fields.forEach((field, i) => {
      let chunks: readonly arrow.Data[] = table.batches.map((b) => b.data.children[i] as arrow.Data);
      // Cached copies own their buffers; use them so the batch's shared IPC buffer can be freed.
      const cached = cache?.set(fileKey, g, field.name, field, chunks);
      if (cached !== undefined) chunks = cached.chunks;
      out.set(field.name, { field, chunks });
    });
    return out;
  }

  /** Decode `columns` of row group `g` with parquet-wasm. */
  private async decode(g: number, columns: readonly string[]): Promise<arrow.Table> {
    let file: WasmParquetFile;
    let rowGroups: number[];
    let ownFile = false;
    if (this.rangeReads) {
      this.builder ??= new RowGroupFileBuilder(this.footer, this.metadata, this.path);
      const bytes = await fetchRowGroupFile({
        store: this.store, path: this.path, size: this.size, metadata: this.metadata, builder: this.builder, rowGroup: g, columns, maxGap: this.maxGap,
      });
      try {
        file = await parquetWasm().ParquetFile.fromFile(new Blob([bytes]));
      } catch (error) {
        throw wasmError(this.path, error);
      }
      rowGroups = [0];
      ownFile = true;
    } else {
      file = await this.wasm();
      rowGroups = [g];
    }
    try {
      const wasmTable = await file.read({ rowGroups, batchSize: BATCH_ROWS, columns: [...columns] });
      return arrow.tableFromIPC(wasmTable.intoIPCStream());
    } catch (error) {
      throw wasmError(this.path, error);
    } finally {
      if (ownFile) file.free();
    }
  }

  /** Release the wasm reader and the cached bytes; later reads fetch again. */
  async close(): Promise<void> {
    const file = this.wasmFile;
    this.wasmFile = undefined;
    this.bytes = undefined;
    if (file !== undefined) (await file.catch(() => undefined))?.free();
  }
}

/** RecordBatches of the requested columns, in the requested order, batch by batch. */
function* assemble(decoded: DecodedColumns, columns: readonly string[], metadata: Map<string, string>): Iterable<arrow.RecordBatch> {
  const parts = columns.map((name) => {
    const part = decoded.get(name);
    if (part === undefined) throw new DeltaSqlError('INTERNAL', `column ${name} was not decoded`);
    return part;
  });
  const schema = new arrow.Schema(parts.map((p) => p.field), metadata);
  const batchCount = parts[0]?.chunks.length ?? 0;
  for (let b = 0; b < batchCount; b++) {
    const children = parts.map((p) => p.chunks[b]);
    const length = children[0]?.length ?? 0;
    if (children.some((c) => c === undefined || c.length !== length)) {
      throw new DeltaSqlError('INTERNAL', 'decoded columns of one row group disagree on batch boundaries');
    }
    const data = arrow.makeData({ type: new arrow.Struct(schema.fields), length, nullCount: 0, children: children as arrow.Data[] });
    yield new arrow.RecordBatch(schema, data);
  }
}

function* emptyBatches(rows: number): Iterable<arrow.RecordBatch> {
  for (let start = 0; start < rows; start += BATCH_ROWS) {
    const length = Math.min(BATCH_ROWS, rows - start);
    const data = arrow.makeData({ type: new arrow.Struct([]), length, nullCount: 0, children: [] });
    yield new arrow.RecordBatch(new arrow.Schema([]), data);
  }
}
