/**
 * Reads a Parquet file into Arrow RecordBatches with parquet-wasm, one row group per
 * wasm call (the wasm heap never shrinks, so a whole large file is never decoded at once).
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
import { ParquetFile as WasmParquetFile, readSchema } from 'parquet-wasm';
import { DeltaSqlError } from '../../common/errors.js';
import type { ObjectStore } from '../object-store.js';
import { parseParquetFooter, readParquetFooterBytes } from './parquet-footer.js';
import type { ParquetMetadata } from './parquet-metadata.js';

/** Rows per RecordBatch handed out (the engine's batch unit is up to ~64K rows). */
const BATCH_ROWS = 65_536;

export interface ReadRowGroupsOptions {
  /** Top-level column names, returned in this order; nested columns come whole. Default: all. */
  readonly columns?: readonly string[];
  /** Row-group indexes, read in this order. Default: all. */
  readonly rowGroups?: readonly number[];
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
    return arrow.tableFromIPC(readSchema(file).intoIPCStream()).schema;
  } catch (error) {
    throw wasmError(path, error);
  }
}

export class ParquetFile {
  private bytes: Promise<Uint8Array> | undefined;
  private wasmFile: Promise<WasmParquetFile> | undefined;

  private constructor(
    private readonly store: ObjectStore,
    readonly path: string,
    readonly size: number,
    readonly metadata: ParquetMetadata,
    readonly arrowSchema: arrow.Schema,
  ) {}

  /** Reads the footer (by byte ranges) and derives the Arrow schema; data bytes are fetched on first read. */
  static async open(store: ObjectStore, path: string, options: { readonly size?: number } = {}): Promise<ParquetFile> {
    const { footer, size } = await readParquetFooterBytes(store, path, options.size);
    const metadata = parseParquetFooter(footer, path);
    return new ParquetFile(store, path, size, metadata, arrowSchemaFromFooter(footer, path));
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
        return await WasmParquetFile.fromFile(new Blob([bytes]));
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
    const columns = options.columns === undefined ? undefined : [...new Set(options.columns)];
    for (const name of columns ?? []) {
      if (this.arrowSchema.fields.every((f) => f.name !== name)) {
        throw new DeltaSqlError('UNKNOWN_COLUMN', `column '${name}' is not in Parquet file ${this.path}`);
      }
    }
    if (columns !== undefined && columns.length === 0) {
      // No columns (COUNT(*)): row counts come from the footer, no data is read.
      for (const g of groups) yield* emptyBatches(this.metadata.rowGroups[g]?.numRows ?? 0);
      return;
    }
    const file = await this.wasm();
    for (const g of groups) {
      if ((this.metadata.rowGroups[g]?.numRows ?? 0) === 0) continue;
      let table: arrow.Table;
      try {
        const wasmTable = await file.read({ rowGroups: [g], batchSize: BATCH_ROWS, ...(columns ? { columns } : {}) });
        table = arrow.tableFromIPC(wasmTable.intoIPCStream());
      } catch (error) {
        throw wasmError(this.path, error);
      }
      for (const batch of table.batches) yield columns === undefined ? batch : inOrder(batch, columns);
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

/** parquet-wasm returns file order; callers get the order they asked for. */
function inOrder(batch: arrow.RecordBatch, columns: readonly string[]): arrow.RecordBatch {
  const names = batch.schema.fields.map((f) => f.name);
  if (names.length === columns.length && names.every((n, i) => n === columns[i])) return batch;
  // selectAt, not select: select keeps the batch's own order.
  return batch.selectAt(columns.map((c) => names.indexOf(c)));
}

function* emptyBatches(rows: number): Iterable<arrow.RecordBatch> {
  for (let start = 0; start < rows; start += BATCH_ROWS) {
    const length = Math.min(BATCH_ROWS, rows - start);
    const data = arrow.makeData({ type: new arrow.Struct([]), length, nullCount: 0, children: [] });
    yield new arrow.RecordBatch(new arrow.Schema([]), data);
  }
}
