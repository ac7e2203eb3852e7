/**
 * Typed fast paths for the commonest text casts: integral/date → string through a byte builder,
 * and string → integral by scanning UTF-8 bytes. Input the byte scanner does not accept goes
 * through castValue, so errors and edge cases stay identical to the general path.
 */
import type * as arrow from 'apache-arrow';
import type { DataType } from '../../src/common/types/data-type.js';
import { castValue, type CastMode } from './cast-value.js';
import { formatDate } from './cast-format.js';
import { alignedValidity, clearBit, getBit } from './make-data-bitmap.js';
import { makeFixedData } from './make-data.js';
import { StringColumnBuilder } from './make-data-string-builder.js';
import { mutableValidity } from './fn/columnar.js';

const decoder = new TextDecoder();
const RANGES: Record<string, [number, number]> = { byte: [-128, 127], short: [-32768, 32767], int: [-2147483648, 2147483647] };

/** Integral or date column → string column, or undefined for other source types. */
export function castToStringFast(data: arrow.Data, from: DataType): arrow.Data | undefined {
  const k = from.kind;
  if (k !== 'byte' && k !== 'short' && k !== 'int' && k !== 'long' && k !== 'date') return undefined;
  const n = data.length;
  const valid = alignedValidity(data);
  const v = data.values as ArrayLike<number | bigint>;
  const b = new StringColumnBuilder(n, { kind: 'string' }, n * (k === 'date' ? 10 : 6));
  for (let i = 0; i < n; i++) {
    if (valid && !getBit(valid, i)) b.appendNull();
    else b.appendString(k === 'date' ? formatDate(v[i] as number) : String(v[i]));
  }
  return b.finish();
}

/** string → byte/short/int (numbers) or long (bigint), or undefined for other targets. */
export function castStringToIntegralFast(data: arrow.Data, to: DataType, mode: CastMode, zone: string): arrow.Data | undefined {
  const k = to.kind;
  if (k !== 'byte' && k !== 'short' && k !== 'int' && k !== 'long') return undefined;
  const n = data.length;
  const off = data.valueOffsets as Int32Array;
  const bytes = data.values as Uint8Array;
  const base = alignedValidity(data);
  let valid = base;
  const range = RANGES[k];
  const out = k === 'long' ? new BigInt64Array(n) : k === 'int' ? new Int32Array(n) : k === 'short' ? new Int16Array(n) : new Int8Array(n);
  for (let i = 0; i < n; i++) {
    if (base && !getBit(base, i)) continue;
    let p = off[i]!;
    let e = off[i + 1]!;
    while (p < e && bytes[p]! <= 32) p++;
    while (e > p && bytes[e - 1]! <= 32) e--;
    let neg = false;
    if (p < e && (bytes[p] === 45 || bytes[p] === 43)) neg = bytes[p++] === 45;
    let x = 0;
    let digits = 0;
    // Up to 15 digits stay exact as a double; longer text takes the general path.
    while (p < e && digits < 16 && bytes[p]! >= 48 && bytes[p]! <= 57) {
      x = x * 10 + (bytes[p++]! - 48);
      digits++;
    }
    const simple = digits > 0 && digits < 16 && p === e;
    if (simple && (!range || ((neg ? -x : x) >= range[0] && (neg ? -x : x) <= range[1]))) {
      const r = neg ? -x : x;
      if (out instanceof BigInt64Array) out[i] = BigInt(r);
      else out[i] = r;
      continue;
    }
    const text = decoder.decode(bytes.subarray(off[i]!, off[i + 1]!));
    const r = castValue(text, { kind: 'string' }, to, mode, zone);
    if (r === null) {
      if (valid === base) valid = mutableValidity(base, n);
      clearBit(valid!, i);
    } else if (out instanceof BigInt64Array) out[i] = r as bigint;
    else out[i] = r as number;
  }
  return makeFixedData(to, out, valid, n);
}
