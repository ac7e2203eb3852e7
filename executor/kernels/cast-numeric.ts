/**
 * Typed-array fast paths for casts between byte/short/int/long/float/double. Integral
 * narrowing range-checks (ANSI: ARITHMETIC_OVERFLOW, TRY: NULL, legacy: wrap); fractional to
 * integral truncates toward zero (legacy saturates as Java does, NaN → 0).
 */
import type * as arrow from 'apache-arrow';
import type { DataType } from '../../src/common/types/data-type.js';
import { castOverflow } from './cast-errors.js';
import { formatDouble } from './cast-format.js';
import type { CastMode } from './cast-value.js';
import { mutableValidity } from './fn/columnar.js';
import { alignedValidity, clearBit, getBit } from './make-data-bitmap.js';
import { makeFixedData, type FixedWidthArray } from './make-data.js';

const CTORS = {
  byte: Int8Array,
  short: Int16Array,
  int: Int32Array,
  float: Float32Array,
  double: Float64Array,
} as const;
type SmallKind = keyof typeof CTORS;
const RANGE: Record<string, [number, number]> = { byte: [-128, 127], short: [-32768, 32767], int: [-2147483648, 2147483647] };
const isSmall = (k: string): k is SmallKind => k in CTORS;
const isFrac = (k: string): boolean => k === 'float' || k === 'double';
const LONG_LIMIT = 2 ** 63;

/** Cast a numeric column, or undefined when this is not a primitive numeric pair. */
export function castNumericColumn(data: arrow.Data, from: DataType, to: DataType, mode: CastMode): arrow.Data | undefined {
  const fk = from.kind;
  const tk = to.kind;
  if (!(isSmall(fk) || fk === 'long') || !(isSmall(tk) || tk === 'long')) return undefined;
  const n = data.length;
  const base = alignedValidity(data);
  let valid = base;
  const bad = (i: number, shown: string): void => {
    if (mode === 'ansi') throw castOverflow(shown, from, to);
    if (valid === base) valid = mutableValidity(base, n);
    clearBit(valid!, i);
  };
  const live = (i: number): boolean => !base || getBit(base, i);

  if (tk === 'long') {
    const out = new BigInt64Array(n);
    if (fk === 'long') return data;
    const src = data.values as Exclude<FixedWidthArray, BigInt64Array>;
    for (let i = 0; i < n; i++) {
      const x = src[i]!;
      if (isFrac(fk)) {
        const t = Math.trunc(x);
        if (Number.isNaN(x) || t < -LONG_LIMIT || t >= LONG_LIMIT) {
          if (mode === 'legacy') out[i] = Number.isNaN(x) ? 0n : t < 0 ? -(2n ** 63n) : 2n ** 63n - 1n;
          else if (live(i)) bad(i, formatDouble(x));
          continue;
        }
        out[i] = BigInt(t);
      } else out[i] = BigInt(x);
    }
    return makeFixedData(to, out, valid, n);
  }
  const out = new CTORS[tk](n);
  const range = RANGE[tk];
  if (fk === 'long') {
    const src = data.values as BigInt64Array;
    for (let i = 0; i < n; i++) {
      const x = src[i]!;
      if (range && (x < BigInt(range[0]) || x > BigInt(range[1]))) {
        if (mode === 'legacy') out[i] = Number(BigInt.asIntN(32, x));
        else if (live(i)) bad(i, String(x));
        continue;
      }
      out[i] = Number(x);
    }
    return makeFixedData(to, out, valid, n);
  }
  const src = data.values as Exclude<FixedWidthArray, BigInt64Array>;
  const frac = isFrac(fk);
  for (let i = 0; i < n; i++) {
    const x = src[i]!;
    if (!range) {
      out[i] = x;
      continue;
    }
    const t = frac ? Math.trunc(x) : x;
    if (Number.isNaN(t) || t < range[0] || t > range[1]) {
      if (mode === 'legacy') {
        // Java: fractional → int saturates (NaN → 0), then narrows by wrapping like integral casts.
        const asInt = frac ? (Number.isNaN(t) ? 0 : Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, t))) : t;
        out[i] = asInt;
      } else if (live(i)) bad(i, frac ? formatDouble(x) : String(x));
      continue;
    }
    out[i] = t;
  }
  return makeFixedData(to, out, valid, n);
}
