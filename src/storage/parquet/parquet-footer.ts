/**
 * Reads a Parquet file's footer (FileMetaData) with byte-range reads of the tail only,
 * so row-group statistics are available without fetching the data.
 */
import { DeltaSqlError, unsupported } from '../../common/errors.js';
import type { ObjectStore } from '../object-store.js';
import type { ParquetColumnChunk, ParquetLeafColumn, ParquetMetadata, ParquetRowGroup } from './parquet-metadata.js';
import { decodeSchemaElement, leafColumns } from './parquet-schema.js';
import { decodeStatistics } from './parquet-stats.js';
import {
  decodeThriftStruct,
  fieldI32,
  fieldI64Number,
  fieldList,
  fieldString,
  fieldStruct,
  fieldStructList,
  unionMember,
  type ThriftStruct,
} from './thrift-compact.js';

/** First guess at the tail size: most footers fit, so one read usually suffices. */
const TAIL_GUESS = 64 * 1024;
const CODECS = ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'LZO', 'BROTLI', 'LZ4', 'ZSTD', 'LZ4_RAW'];

function corrupt(path: string, message: string, cause?: unknown): DeltaSqlError {
  return new DeltaSqlError('CORRUPT_DATA', `invalid Parquet file ${path}: ${message}`, cause === undefined ? {} : { cause });
}

function magicAt(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}

/**
 * The footer length and trailing magic from the last 8 bytes of a file.
 * Throws CORRUPT_DATA for non-Parquet data, UNSUPPORTED for encrypted footers.
 */
export function footerLength(tail8: Uint8Array, fileSize: number, path: string): number {
  const magic = magicAt(tail8, tail8.length - 4);
  if (magic === 'PARE') unsupported(`encrypted Parquet footer (${path})`);
  if (magic !== 'PAR1') throw corrupt(path, 'missing PAR1 magic at the end (not a Parquet file)');
  const view = new DataView(tail8.buffer, tail8.byteOffset, tail8.byteLength);
  const length = view.getUint32(tail8.length - 8, true);
  if (length + 12 > fileSize) throw corrupt(path, `footer length ${length} exceeds the file size ${fileSize}`);
  return length;
}

/** Metadata of a Parquet file, read from its tail by byte ranges. `size` saves a head request. */
export async function readParquetFooter(store: ObjectStore, path: string, size?: number): Promise<ParquetMetadata> {
  const { footer } = await readParquetFooterBytes(store, path, size);
  return parseParquetFooter(footer, path);
}

/** The raw Thrift footer bytes (one tail read, a second only for footers over 64 KiB) and the file size. */
export async function readParquetFooterBytes(
  store: ObjectStore,
  path: string,
  size?: number,
): Promise<{ readonly footer: Uint8Array; readonly size: number }> {
  let fileSize = size;
  if (fileSize === undefined) {
    const meta = await store.head(path);
    if (meta === undefined) throw new DeltaSqlError('FILE_NOT_FOUND', `file not found: ${path} (in ${store.root})`);
    fileSize = meta.size;
  }
  if (fileSize < 12) throw corrupt(path, `${fileSize} bytes is too small for a Parquet file`);
  const tailStart = Math.max(0, fileSize - TAIL_GUESS);
  const tail = await store.get(path, { start: tailStart, end: fileSize });
  if (tail.length !== fileSize - tailStart) throw corrupt(path, 'file is shorter than its stated size');
  const length = footerLength(tail.subarray(tail.length - 8), fileSize, path);
  const footerStart = fileSize - 8 - length;
  const footer =
    footerStart >= tailStart
      ? tail.subarray(footerStart - tailStart, tail.length - 8)
      : await store.get(path, { start: footerStart, end: fileSize - 8 });
  if (footer.length !== length) throw corrupt(path, 'footer is truncated');
  return { footer, size: fileSize };
}

/** Metadata from a whole Parquet file already in memory. */
export function parseParquetFile(bytes: Uint8Array, path: string): ParquetMetadata {
  if (bytes.length < 12 || magicAt(bytes, 0) !== 'PAR1') throw corrupt(path, 'missing PAR1 magic at the start (not a Parquet file)');
  const length = footerLength(bytes.subarray(bytes.length - 8), bytes.length, path);
  return parseParquetFooter(bytes.subarray(bytes.length - 8 - length, bytes.length - 8), path);
}

/** Decode the Thrift FileMetaData bytes (without the length and magic). */
export function parseParquetFooter(footer: Uint8Array, path: string): ParquetMetadata {
  try {
    return decodeFileMetadata(decodeThriftStruct(footer));
  } catch (error) {
    if (error instanceof DeltaSqlError && error.code !== 'CORRUPT_DATA') throw error;
    throw corrupt(path, error instanceof Error ? error.message : String(error), error);
  }
}

function decodeFileMetadata(file: ThriftStruct): ParquetMetadata {
  const schema = (fieldStructList(file, 2) ?? []).map(decodeSchemaElement);
  const leaves = leafColumns(schema);
  // column_orders: one union per leaf; member 1 is TypeDefinedOrder.
  const orders = fieldStructList(file, 7);
  const typeDefined = leaves.map((_, i) => {
    if (orders === undefined) return true;
    const order = orders[i];
    return order !== undefined && unionMember(order)?.[0] === 1;
  });
  const keyValueMetadata: Record<string, string> = {};
  for (const kv of fieldStructList(file, 5) ?? []) {
    const key = fieldString(kv, 1);
    if (key !== undefined) keyValueMetadata[key] = fieldString(kv, 2) ?? '';
  }
  const rowGroups = (fieldStructList(file, 4) ?? []).map((rg) => decodeRowGroup(rg, leaves, typeDefined));
  const createdBy = fieldString(file, 6);
  return {
    version: fieldI32(file, 1) ?? 1,
    numRows: fieldI64Number(file, 3) ?? 0,
    ...(createdBy !== undefined ? { createdBy } : {}),
    keyValueMetadata,
    schema,
    leafColumns: leaves,
    rowGroups,
  };
}

function decodeRowGroup(rg: ThriftStruct, leaves: readonly ParquetLeafColumn[], typeDefined: readonly boolean[]): ParquetRowGroup {
  const chunks = fieldStructList(rg, 1) ?? [];
  if (chunks.length !== leaves.length) {
    throw new DeltaSqlError('CORRUPT_DATA', `row group has ${chunks.length} column chunks for ${leaves.length} leaf columns`);
  }
  const columns = chunks.map((chunk, i) => decodeColumnChunk(chunk, leaves[i] as ParquetLeafColumn, typeDefined[i] ?? false));
  const totalCompressedSize = fieldI64Number(rg, 6);
  const fileOffset = fieldI64Number(rg, 5);
  return {
    numRows: fieldI64Number(rg, 3) ?? 0,
    totalByteSize: fieldI64Number(rg, 2) ?? 0,
    ...(totalCompressedSize !== undefined ? { totalCompressedSize } : {}),
    ...(fileOffset !== undefined ? { fileOffset } : {}),
    columns,
  };
}

function decodeColumnChunk(chunk: ThriftStruct, leaf: ParquetLeafColumn, typeDefined: boolean): ParquetColumnChunk {
  const meta = fieldStruct(chunk, 3);
  if (meta === undefined) {
    // Encrypted column metadata: we know the column but not its layout or stats.
    return { path: leaf.path, physicalType: leaf.physicalType, codec: 'UNKNOWN', numValues: 0, totalCompressedSize: 0, totalUncompressedSize: 0, dataPageOffset: 0 };
  }
  const path = (fieldList(meta, 3) ?? []).map((p) => (p instanceof Uint8Array ? new TextDecoder().decode(p) : String(p)));
  const samePath = path.length === leaf.path.length && path.every((p, i) => p === leaf.path[i]);
  if (path.length > 0 && !samePath) {
    throw new DeltaSqlError('CORRUPT_DATA', `column chunk ${path.join('.')} does not match schema leaf ${leaf.path.join('.')}`);
  }
  const statsStruct = fieldStruct(meta, 12);
  const dictionaryPageOffset = fieldI64Number(meta, 11);
  return {
    path: leaf.path,
    physicalType: leaf.physicalType,
    codec: CODECS[fieldI32(meta, 4) ?? -1] ?? 'UNKNOWN',
    numValues: fieldI64Number(meta, 5) ?? 0,
    totalUncompressedSize: fieldI64Number(meta, 6) ?? 0,
    totalCompressedSize: fieldI64Number(meta, 7) ?? 0,
    dataPageOffset: fieldI64Number(meta, 9) ?? 0,
    ...(dictionaryPageOffset !== undefined ? { dictionaryPageOffset } : {}),
    ...(statsStruct !== undefined ? { stats: decodeStatistics(statsStruct, leaf, typeDefined) } : {}),
  };
}
