/**
 * Fixed-width casts for the scan: integer widths, floats, dates, timestamps (any unit → µs, floor
 * division like Spark), and decimals as 128-bit little-endian words (rescaled for type widening).
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../common/errors.js';
import type { DataType, DecimalType } from '../../common/types/data-type.js';

type Numeric = ArrayLike<number> | ArrayLike<bigint>;

function cannot(src: arrow.DataType, target: DataType): never {
  throw new DeltaSqlError('SCHEMA_MISMATCH', `cannot read a Parquet column of type ${String(src)} as ${target.kind}`);
}

function floorDiv(v: bigint, d: bigint): bigint {
  const q = v / d;
  return v % d !== 0n && v < 0n ? q - 1n : q;
}

/** Multiplier from the source's time representation to microseconds (negative = divide). */
function microsFactor(src: arrow.Data): bigint | undefined {
  if (src.typeId === arrow.Type.Timestamp) {
    switch ((src.type as arrow.Timestamp).unit) {
      case arrow.TimeUnit.SECOND:
        return 1000000n;
      case arrow.TimeUnit.MILLISECOND:
        return 1000n;
      case arrow.TimeUnit.MICROSECOND:
        return 1n;
      default:
        return -1000n;
    }
  }
  if (src.typeId === arrow.Type.Date) return (src.type as arrow.Date_).unit === arrow.DateUnit.DAY ? 86400000000n : 1000n;
  if (src.typeId === arrow.Type.Int && (src.type as arrow.Int).bitWidth === 64) return 1n;
  return undefined;
}

function toMicros(src: arrow.Data, target: DataType): BigInt64Array {
  const factor = microsFactor(src);
  if (factor === undefined) return cannot(src.type, target);
  const n = src.length;
  const values = src.values as Numeric;
  if (factor === 1n && values instanceof BigInt64Array) return values.subarray(0, n);
  const out = new BigInt64Array(n);
  for (let i = 0; i < n; i++) {
    const v = BigInt(values[i] ?? 0);
    out[i] = factor > 0n ? v * factor : floorDiv(v, -factor);
  }
  return out;
}

function toDays(src: arrow.Data, target: DataType): Int32Array {
  const n = src.length;
  if (src.typeId === arrow.Type.Date && (src.type as arrow.Date_).unit === arrow.DateUnit.DAY) return (src.values as Int32Array).subarray(0, n);
  if (src.typeId !== arrow.Type.Date && src.typeId !== arrow.Type.Timestamp) return cannot(src.type, target);
  const micros = toMicros(src, target);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = Number(floorDiv(micros[i] ?? 0n, 86400000000n));
  return out;
}

function isIntOrFloat(src: arrow.Data): boolean {
  return src.typeId === arrow.Type.Int || src.typeId === arrow.Type.Float;
}

export function castFixedWidth(src: arrow.Data, target: DataType): ArrayBufferView {
  const n = src.length;
  const values = src.values as Numeric;
  switch (target.kind) {
    case 'byte':
    case 'short':
    case 'int': {
      if (src.typeId !== arrow.Type.Int) return cannot(src.type, target);
      const Out = target.kind === 'byte' ? Int8Array : target.kind === 'short' ? Int16Array : Int32Array;
      if (values instanceof Out) return values.subarray(0, n);
      const out = new Out(n);
      for (let i = 0; i < n; i++) out[i] = Number(values[i] ?? 0);
      return out;
    }
    case 'long': {
      if (src.typeId !== arrow.Type.Int) return cannot(src.type, target);
      if (values instanceof BigInt64Array) return values.subarray(0, n);
      if (values instanceof BigUint64Array) return new BigInt64Array(values.buffer, values.byteOffset, n);
      const out = new BigInt64Array(n);
      for (let i = 0; i < n; i++) out[i] = BigInt(values[i] ?? 0);
      return out;
    }
    case 'float':
    case 'double': {
      if (!isIntOrFloat(src)) return cannot(src.type, target);
      const Out = target.kind === 'float' ? Float32Array : Float64Array;
      if (values instanceof Out) return values.subarray(0, n);
      const out = new Out(n);
      for (let i = 0; i < n; i++) out[i] = Number(values[i] ?? 0);
      return out;
    }
    case 'date':
      return toDays(src, target);
    case 'timestamp':
    case 'timestamp_ntz':
      return toMicros(src, target);
    default:
      return cannot(src.type, target);
  }
}

function readWords(words: Uint32Array, at: number): bigint {
  let v = 0n;
  for (let w = 3; w >= 0; w--) v = (v << 32n) | BigInt(words[at + w] ?? 0);
  return v >= 1n << 127n ? v - (1n << 128n) : v;
}

function writeWords(out: Uint32Array, at: number, value: bigint): void {
  let v = BigInt.asUintN(128, value);
  for (let w = 0; w < 4; w++) {
    out[at + w] = Number(v & 0xffffffffn);
    v >>= 32n;
  }
}

/** Decimal (any scale) or integer column → 128-bit unscaled words at the target's scale. */
export function toDecimalWords(src: arrow.Data, target: DecimalType): Uint32Array {
  const n = src.length;
  if (src.typeId === arrow.Type.Decimal) {
    const st = src.type as arrow.Decimal;
    if (st.bitWidth !== 128) return cannot(src.type, target);
    const words = src.values as Uint32Array;
    if (st.scale === target.scale) return words.subarray(0, n * 4);
    const out = new Uint32Array(n * 4);
    const diff = target.scale - st.scale;
    const factor = 10n ** BigInt(Math.abs(diff));
    for (let i = 0; i < n; i++) {
      const v = readWords(words, i * 4);
      writeWords(out, i * 4, diff > 0 ? v * factor : v / factor);
    }
    return out;
  }
  if (src.typeId === arrow.Type.Int) {
    const values = src.values as Numeric;
    const factor = 10n ** BigInt(target.scale);
    const out = new Uint32Array(n * 4);
    for (let i = 0; i < n; i++) writeWords(out, i * 4, BigInt(values[i] ?? 0) * factor);
    return out;
  }
  return cannot(src.type, target);
}

export function decimalWordsOf(value: bigint): Uint32Array {
  const out = new Uint32Array(4);
  writeWords(out, 0, value);
  return out;
}
