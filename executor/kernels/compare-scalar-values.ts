/**
 * Spark's total order on JS values of one type (planner/expr/scalar-value.ts forms): NaN is
 * the largest double and equals itself, -0.0 = 0.0, strings and binaries compare as UTF-8 /
 * raw bytes, arrays and structs element-wise. Used for nested types and non-hot paths
 * (sorting inside array_sort, min/max of strings across groups).
 */
import { isMapValue, type ScalarValue } from '../../planner/expr/scalar-value.js';

export function compareDoubles(x: number, y: number): number {
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  const xn = Number.isNaN(x);
  const yn = Number.isNaN(y);
  return xn && yn ? 0 : xn ? 1 : -1;
}

/** Unsigned byte order of a[as, ae) vs b[bs, be). */
export function compareBytes(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): number {
  const la = ae - as;
  const lb = be - bs;
  const n = la < lb ? la : lb;
  for (let k = 0; k < n; k++) {
    const d = a[as + k]! - b[bs + k]!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return la === lb ? 0 : la < lb ? -1 : 1;
}

/**
 * UTF-8 byte order of two JS strings, which is code point order. UTF-16 unit order agrees except
 * where a surrogate (a code point >= U+10000) meets a unit in U+E000..U+FFFF: fix that case up.
 */
export function compareStrings(x: string, y: string): number {
  if (x === y) return 0;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = x.charCodeAt(i);
    const b = y.charCodeAt(i);
    if (a === b) continue;
    const sa = a >= 0xd800 && a <= 0xdfff;
    const sb = b >= 0xd800 && b <= 0xdfff;
    if (sa !== sb && (sa ? b >= 0xe000 : a >= 0xe000)) return sa ? 1 : -1;
    return a < b ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

/** Compare two non-null values of the same SQL type; NULLs inside nested values sort first. */
export function compareValues(x: ScalarValue, y: ScalarValue): number {
  if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
  if (typeof x === 'number' && typeof y === 'number') return compareDoubles(x, y);
  if (typeof x === 'bigint' && typeof y === 'bigint') return x < y ? -1 : x > y ? 1 : 0;
  if (typeof x === 'string' && typeof y === 'string') return compareStrings(x, y);
  if (typeof x === 'boolean' && typeof y === 'boolean') return x === y ? 0 : x ? 1 : -1;
  if (x instanceof Uint8Array && y instanceof Uint8Array) return compareBytes(x, 0, x.length, y, 0, y.length);
  if (Array.isArray(x) && Array.isArray(y)) {
    const xs = x as readonly ScalarValue[];
    const ys = y as readonly ScalarValue[];
    const n = Math.min(xs.length, ys.length);
    for (let i = 0; i < n; i++) {
      const c = compareValues(xs[i]!, ys[i]!);
      if (c !== 0) return c;
    }
    return xs.length === ys.length ? 0 : xs.length < ys.length ? -1 : 1;
  }
  if (isMapValue(x) && isMapValue(y)) return compareValues(x.keys, y.keys) || compareValues(x.values, y.values);
  // Mixed number/bigint (e.g. a long beside an int inside a folded literal).
  if ((typeof x === 'number' || typeof x === 'bigint') && (typeof y === 'number' || typeof y === 'bigint')) {
    return compareDoubles(Number(x), Number(y));
  }
  return 0;
}

/** Equality in Spark's sense (NaN = NaN, -0.0 = 0.0), for hashing-free membership tests. */
export function valuesEqual(x: ScalarValue, y: ScalarValue): boolean {
  return compareValues(x, y) === 0;
}
