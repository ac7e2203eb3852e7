/**
 * Turns a column chunk's Thrift Statistics into JS values (see ParquetColumnStats for the
 * mapping). Prefers min_value/max_value; the deprecated min/max were compared as signed
 * bytes by old writers, so they are used only for signed numeric and boolean columns.
 */
import type { ParquetColumnStats, ParquetLeafColumn } from './parquet-metadata.js';
import { fieldBinary, fieldBool, fieldI64Number, type ThriftStruct } from './thrift-compact.js';

const utf8 = new TextDecoder();

function isDecimal(leaf: ParquetLeafColumn): boolean {
  return leaf.logicalType?.type === 'DECIMAL' || leaf.convertedType === 'DECIMAL';
}

function isUnsigned(leaf: ParquetLeafColumn): boolean {
  const c = leaf.convertedType;
  if (c === 'UINT_8' || c === 'UINT_16' || c === 'UINT_32' || c === 'UINT_64') return true;
  return leaf.logicalType?.type === 'INTEGER' && !leaf.logicalType.isSigned;
}

function isStringLike(leaf: ParquetLeafColumn): boolean {
  const t = leaf.logicalType?.type;
  if (t === 'STRING' || t === 'ENUM' || t === 'JSON') return true;
  const c = leaf.convertedType;
  return c === 'UTF8' || c === 'ENUM' || c === 'JSON';
}

/** Big-endian two's complement bytes → bigint (decimals in BYTE_ARRAY / FIXED_LEN_BYTE_ARRAY). */
export function decodeBigEndianSigned(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  return (bytes[0] as number) & 0x80 ? value - (1n << BigInt(bytes.length * 8)) : value;
}

/** One plain-encoded statistic value, or undefined when it cannot be trusted or decoded. */
export function decodeStatValue(bytes: Uint8Array, leaf: ParquetLeafColumn): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (leaf.physicalType) {
    case 'BOOLEAN':
      return bytes.length >= 1 ? bytes[0] !== 0 : undefined;
    case 'INT32': {
      if (bytes.length < 4) return undefined;
      if (isDecimal(leaf)) return BigInt(view.getInt32(0, true));
      return isUnsigned(leaf) ? view.getUint32(0, true) : view.getInt32(0, true);
    }
    case 'INT64': {
      if (bytes.length < 8) return undefined;
      return isUnsigned(leaf) && !isDecimal(leaf) ? view.getBigUint64(0, true) : view.getBigInt64(0, true);
    }
    case 'FLOAT': {
      if (bytes.length < 4) return undefined;
      const v = view.getFloat32(0, true);
      return Number.isNaN(v) ? undefined : v;
    }
    case 'DOUBLE': {
      if (bytes.length < 8) return undefined;
      const v = view.getFloat64(0, true);
      return Number.isNaN(v) ? undefined : v;
    }
    case 'INT96':
      return undefined;
    case 'BYTE_ARRAY':
    case 'FIXED_LEN_BYTE_ARRAY':
      if (isDecimal(leaf)) return decodeBigEndianSigned(bytes);
      if (leaf.convertedType === 'INTERVAL') return undefined;
      return leaf.physicalType === 'BYTE_ARRAY' && isStringLike(leaf) ? utf8.decode(bytes) : bytes.slice();
  }
}

function deprecatedIsSafe(leaf: ParquetLeafColumn): boolean {
  switch (leaf.physicalType) {
    case 'BOOLEAN':
    case 'FLOAT':
    case 'DOUBLE':
      return true;
    case 'INT32':
    case 'INT64':
      return !isUnsigned(leaf);
    default:
      return false;
  }
}

/** `typeDefinedOrder`: whether the file declares min_value/max_value ordering for this column. */
export function decodeStatistics(stats: ThriftStruct, leaf: ParquetLeafColumn, typeDefinedOrder: boolean): ParquetColumnStats {
  let minBytes: Uint8Array | undefined;
  let maxBytes: Uint8Array | undefined;
  const minValue = fieldBinary(stats, 6);
  const maxValue = fieldBinary(stats, 5);
  if (typeDefinedOrder && (minValue !== undefined || maxValue !== undefined)) {
    minBytes = minValue;
    maxBytes = maxValue;
  } else if (deprecatedIsSafe(leaf)) {
    minBytes = fieldBinary(stats, 2);
    maxBytes = fieldBinary(stats, 1);
  }
  const min = minBytes === undefined ? undefined : decodeStatValue(minBytes, leaf);
  const max = maxBytes === undefined ? undefined : decodeStatValue(maxBytes, leaf);
  const nullCount = fieldI64Number(stats, 3);
  const distinctCount = fieldI64Number(stats, 4);
  const maxExact = fieldBool(stats, 7);
  const minExact = fieldBool(stats, 8);
  // A float bound of ±0 may stand for either zero (format spec): widen to be safe.
  const isFloat = leaf.physicalType === 'FLOAT' || leaf.physicalType === 'DOUBLE';
  return {
    ...(min !== undefined ? { min: isFloat && min === 0 ? -0 : min } : {}),
    ...(max !== undefined ? { max: isFloat && max === 0 ? 0 : max } : {}),
    ...(nullCount !== undefined ? { nullCount } : {}),
    ...(distinctCount !== undefined ? { distinctCount } : {}),
    ...(minExact !== undefined ? { minExact } : {}),
    ...(maxExact !== undefined ? { maxExact } : {}),
  };
}
