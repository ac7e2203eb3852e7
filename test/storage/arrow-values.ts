/** Test helpers: plain JS values of a decoded column, in the shapes the footer stats use. */
import * as arrow from 'apache-arrow';

/** 128-bit little-endian two's complement words → bigint. */
export function decimalWordsToBigInt(words: Uint32Array, index: number): bigint {
  let v = 0n;
  for (let w = 3; w >= 0; w--) v = (v << 32n) | BigInt(words[index * 4 + w] ?? 0);
  return BigInt.asIntN(128, v);
}

/** Values with null for nulls: numbers, bigints (Int64/Timestamp/Decimal), strings, booleans, Uint8Array. */
export function columnValues(vector: arrow.Vector): unknown[] {
  const out: unknown[] = [];
  for (const data of vector.data) {
    for (let i = 0; i < data.length; i++) {
      if (!data.getValid(i)) {
        out.push(null);
        continue;
      }
      const type = data.type;
      if (arrow.DataType.isDecimal(type)) out.push(decimalWordsToBigInt(data.values as Uint32Array, data.offset + i));
      else if (arrow.DataType.isTimestamp(type) || (arrow.DataType.isInt(type) && type.bitWidth === 64)) {
        out.push((data.values as BigInt64Array | BigUint64Array)[data.offset + i]);
      } else if (arrow.DataType.isDate(type) && type.unit === arrow.DateUnit.DAY) out.push((data.values as Int32Array)[data.offset + i]);
      else out.push(arrow.makeVector(data).get(i));
    }
  }
  return out;
}

const utf8 = new TextEncoder();

/** Parquet's order for stats: numbers/bigints numerically, strings and bytes as unsigned bytes. */
export function compareStat(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(utf8.encode(a), utf8.encode(b));
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.compare(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  throw new Error(`cannot compare ${typeof a} with ${typeof b}`);
}

export function summarize(values: readonly unknown[]): { min: unknown; max: unknown; nulls: number } {
  let min: unknown;
  let max: unknown;
  let nulls = 0;
  for (const v of values) {
    if (v === null || v === undefined) {
      nulls++;
      continue;
    }
    if (min === undefined || compareStat(v, min) < 0) min = v;
    if (max === undefined || compareStat(v, max) > 0) max = v;
  }
  return { min, max, nulls };
}
