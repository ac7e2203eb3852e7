/**
 * Rank of every row of one column across several Arrow chunks (nulls first, then ascending;
 * equal values share a rank): the range normalization Z-ordering interleaves. Works on the
 * typed arrays: numbers, dates and timestamps as float64 keys (order-preserving), strings and
 * binary by their UTF-8 bytes, booleans by bit.
 */
import * as arrow from 'apache-arrow';
import { unsupported } from '../../common/errors.js';
import { alignedValidity, bitAt } from '../arrow/bitmap.js';
import { radixOrder, sortableKeys } from './radix-order.js';

/** Global row → (chunk, local row). */
export interface RowLocator {
  readonly chunk: Int32Array;
  readonly local: Int32Array;
}

export function locateRows(lengths: readonly number[]): RowLocator {
  const n = lengths.reduce((s, x) => s + x, 0);
  const chunk = new Int32Array(n);
  const local = new Int32Array(n);
  let g = 0;
  lengths.forEach((len, c) => {
    for (let i = 0; i < len; i++, g++) {
      chunk[g] = c;
      local[g] = i;
    }
  });
  return { chunk, local };
}

const TWO32 = 4294967296;

/** Order-preserving float64 keys of a fixed-width chunk (int64/decimal may merge neighbours). */
function numericKeys(d: arrow.Data, out: Float64Array, at: number): void {
  const t = d.type;
  const n = d.length;
  if (t.typeId === arrow.Type.Decimal) {
    const w = d.values as Uint32Array;
    for (let i = 0; i < n; i++) {
      const b = i * 4;
      const hi = (w[b + 3] ?? 0) | 0;
      out[at + i] = hi * TWO32 * TWO32 * TWO32 + (w[b + 2] ?? 0) * TWO32 * TWO32 + (w[b + 1] ?? 0) * TWO32 + (w[b] ?? 0);
    }
    return;
  }
  if (t.typeId === arrow.Type.Bool) {
    const bits = d.values as Uint8Array;
    for (let i = 0; i < n; i++) out[at + i] = bitAt(bits, d.offset + i) ? 1 : 0;
    return;
  }
  const v = d.values as ArrayLike<number | bigint>;
  if (v instanceof BigInt64Array || v instanceof BigUint64Array) {
    for (let i = 0; i < n; i++) out[at + i] = Number(v[i] ?? 0n);
    return;
  }
  const f = v as ArrayLike<number>;
  // Spark orders NaN above every number.
  for (let i = 0; i < n; i++) {
    const x = f[i] ?? 0;
    out[at + i] = Number.isNaN(x) ? Number.POSITIVE_INFINITY : x;
  }
}

function isNumericLike(t: arrow.DataType): boolean {
  return [arrow.Type.Int, arrow.Type.Float, arrow.Type.Decimal, arrow.Type.Date, arrow.Type.Timestamp, arrow.Type.Bool, arrow.Type.Time, arrow.Type.Duration].includes(t.typeId);
}

function compareBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): number {
  const n = Math.min(aEnd - aStart, bEnd - bStart);
  for (let i = 0; i < n; i++) {
    const x = a[aStart + i] ?? 0;
    const y = b[bStart + i] ?? 0;
    if (x !== y) return x - y;
  }
  return aEnd - aStart - (bEnd - bStart);
}

/** Numeric ranks by a radix sort of order-preserving 64-bit keys (nulls first). */
function numericRanks(keys: Float64Array, isNull: Uint8Array): Uint32Array {
  const n = keys.length;
  const { hi, lo } = sortableKeys(keys, isNull);
  const order = radixOrder(hi, lo, 64);
  const ranks = new Uint32Array(n);
  for (let k = 1; k < n; k++) {
    const prev = order[k - 1] ?? 0;
    const cur = order[k] ?? 0;
    const tie = isNull[prev] === isNull[cur] && (isNull[cur] === 1 || keys[prev] === keys[cur]);
    ranks[cur] = tie ? (ranks[prev] ?? 0) : k;
  }
  return ranks;
}

/** Rank per global row (0 for the first value, nulls first), computed over all chunks. */
export function columnRanks(chunks: readonly arrow.Data[], loc: RowLocator, column: string): Uint32Array {
  const n = loc.chunk.length;
  const type = chunks[0]?.type;
  const isNull = new Uint8Array(n);
  let g = 0;
  for (const d of chunks) {
    const valid = alignedValidity(d);
    if (valid !== undefined) for (let i = 0; i < d.length; i++) if (!bitAt(valid, i)) isNull[g + i] = 1;
    g += d.length;
  }
  let compare: (a: number, b: number) => number;
  if (type === undefined || isNumericLike(type)) {
    const keys = new Float64Array(n);
    let at = 0;
    for (const d of chunks) {
      numericKeys(d, keys, at);
      at += d.length;
    }
    return numericRanks(keys, isNull);
  } else if (type.typeId === arrow.Type.Utf8 || type.typeId === arrow.Type.Binary) {
    const offsets = chunks.map((d) => d.valueOffsets as Int32Array);
    const values = chunks.map((d) => d.values as Uint8Array);
    compare = (a, b) => {
      const ca = loc.chunk[a] ?? 0;
      const cb = loc.chunk[b] ?? 0;
      const oa = offsets[ca] as Int32Array;
      const ob = offsets[cb] as Int32Array;
      const ia = loc.local[a] ?? 0;
      const ib = loc.local[b] ?? 0;
      return compareBytes(values[ca] as Uint8Array, oa[ia] ?? 0, oa[ia + 1] ?? 0, values[cb] as Uint8Array, ob[ib] ?? 0, ob[ib + 1] ?? 0);
    };
  } else {
    throw unsupported(`ZORDER BY on column ${column} of type ${String(type)}`);
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const na = isNull[a] ?? 0;
    const nb = isNull[b] ?? 0;
    if (na !== nb) return nb - na;
    return na === 1 ? 0 : compare(a, b);
  });
  const ranks = new Uint32Array(n);
  for (let k = 1; k < n; k++) {
    const prev = order[k - 1] ?? 0;
    const cur = order[k] ?? 0;
    const tie = (isNull[prev] === 1 && isNull[cur] === 1) || (isNull[prev] === 0 && isNull[cur] === 0 && compare(prev, cur) === 0);
    ranks[cur] = tie ? (ranks[prev] ?? 0) : k;
  }
  return ranks;
}
