/**
 * Encodes an Arrow table as a Parquet file with parquet-wasm (arrow-rs inside), with
 * column-chunk and page statistics on. Arrow → Parquet mapping as arrow-rs writes it:
 * Timestamp(µs, 'UTC') → INT64 TIMESTAMP(MICROS, isAdjustedToUTC=true), no zone →
 * isAdjustedToUTC=false; Decimal128(p ≤ 9) → INT32, p ≤ 18 → INT64, else FIXED_LEN_BYTE_ARRAY;
 * Int8/Int16 → INT32 with INTEGER(8|16); Date32 → INT32 DATE; lists/maps/structs as the
 * standard three-level/group layouts. The Arrow schema is also stored in the footer
 * (`ARROW:schema`), so our reader gets the exact Arrow types back.
 * Timestamp(SECOND) and Date64 are refused: arrow-rs writes them as bare INT64 that other
 * readers (Spark) would see as plain longs; cast to µs timestamps / Date32 first.
 */
import * as arrow from 'apache-arrow';
import type { Compression } from 'parquet-wasm';
import { parquetWasm } from './parquet-wasm.js';
import { DeltaSqlError } from '../../common/errors.js';

export type ParquetCompression = 'zstd' | 'snappy' | 'uncompressed';

export interface WriteParquetOptions {
  /** Default 'snappy', the codec every Delta reader handles. */
  readonly compression?: ParquetCompression;
  /** Maximum rows per row group (arrow-rs default: 1Mi). */
  readonly rowGroupSize?: number;
}

function codec(compression: ParquetCompression): Compression {
  const { Compression: codes } = parquetWasm();
  return compression === 'zstd' ? codes.ZSTD : compression === 'snappy' ? codes.SNAPPY : codes.UNCOMPRESSED;
}

/** Throws for types whose Parquet encoding would lose their meaning for other readers. */
function checkWritable(field: arrow.Field, path: string): void {
  const type: arrow.DataType = field.type;
  const where = path === '' ? field.name : `${path}.${field.name}`;
  if (arrow.DataType.isTimestamp(type) && type.unit === arrow.TimeUnit.SECOND) {
    throw new DeltaSqlError('INVALID_ARGUMENT', `column ${where}: Timestamp(SECOND) has no Parquet timestamp type; cast to microseconds`);
  }
  if (arrow.DataType.isDate(type) && type.unit === arrow.DateUnit.MILLISECOND) {
    throw new DeltaSqlError('INVALID_ARGUMENT', `column ${where}: Date64 has no Parquet date type; cast to Date32`);
  }
  for (const child of type.children ?? []) checkWritable(child, where);
}

export function writeParquet(table: arrow.Table, options: WriteParquetOptions = {}): Uint8Array {
  for (const field of table.schema.fields) checkWritable(field, '');
  const compression = options.compression ?? 'snappy';
  if (options.rowGroupSize !== undefined && (!Number.isInteger(options.rowGroupSize) || options.rowGroupSize < 1)) {
    throw new DeltaSqlError('INVALID_ARGUMENT', `rowGroupSize must be a positive integer, got ${options.rowGroupSize}`);
  }
  const pq = parquetWasm();
  let builder = new pq.WriterPropertiesBuilder()
    .setCompression(codec(compression))
    .setStatisticsEnabled(pq.EnabledStatistics.Page)
    .setCreatedBy('deltasql');
  if (options.rowGroupSize !== undefined) builder = builder.setMaxRowGroupSize(options.rowGroupSize);
  const properties = builder.build();
  try {
    // Table.fromIPCStream copies into wasm memory; writeParquet consumes the table and properties.
    const wasmTable = pq.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'));
    return pq.writeParquet(wasmTable, properties);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new DeltaSqlError('IO', `cannot encode Parquet: ${text}`, { cause: error });
  }
}
