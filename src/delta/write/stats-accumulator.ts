/**
 * Min/max/null-count of one leaf column over the batches of one data file, in typed-array loops.
 * Bounds are exact except where the protocol lets them be loose: strings are truncated (max gets
 * a strictly greater prefix) and timestamps go to ms (min floored, max ceiled).
 */
import type * as arrow from 'apache-arrow';
import type { DataType } from '../../common/types/data-type.js';
import { compareDecimalRows, formatDecimal, readDecimalWords } from './decimal-text.js';
import { ceilToMillis, floorToMillis, formatDays, formatMicros } from './temporal-format.js';

/** A JSON value already rendered as text (numbers keep full precision: longs, decimals). */
export type RawJson = { readonly raw: string };

const decoder = new TextDecoder();

export const STRING_PREFIX_LENGTH = 32;

function compareBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): number {
  const n = Math.min(aEnd - aStart, bEnd - bStart);
  for (let i = 0; i < n; i++) {
    const x = a[aStart + i] ?? 0;
    const y = b[bStart + i] ?? 0;
    if (x !== y) return x - y;
  }
  return aEnd - aStart - (bEnd - bStart);
}

/** Smallest string above every string that starts with `prefix`: bump the last bumpable code point. */
export function upperBoundOfPrefix(codePoints: number[]): string | undefined {
  for (let i = codePoints.length - 1; i >= 0; i--) {
    let c = (codePoints[i] ?? 0) + 1;
    if (c === 0xd800) c = 0xe000; // skip surrogates
    if (c <= 0x10ffff) return String.fromCodePoint(...codePoints.slice(0, i), c);
  }
  return undefined;
}

export function truncateMin(text: string): string {
  const cps = Array.from(text);
  return cps.length <= STRING_PREFIX_LENGTH ? text : cps.slice(0, STRING_PREFIX_LENGTH).join('');
}

/** A string ≥ `text` of at most 32 code points, or undefined when none exists. */
export function truncateMax(text: string): string | undefined {
  const cps = Array.from(text, (c) => c.codePointAt(0) ?? 0);
  if (cps.length <= STRING_PREFIX_LENGTH) return text;
  return upperBoundOfPrefix(cps.slice(0, STRING_PREFIX_LENGTH));
}

export class LeafStats {
  nullCount = 0;
  private minNum = Infinity;
  private maxNum = -Infinity;
  private minBig: bigint | undefined;
  private maxBig: bigint | undefined;
  private minBytes: Uint8Array | undefined;
  private maxBytes: Uint8Array | undefined;
  /** NaN or ±Infinity seen: JSON cannot hold them and NaN breaks ordering, so no bounds. */
  private noBounds = false;

  constructor(
    readonly type: DataType,
    readonly withBounds: boolean,
  ) {}

  /** `valid(i)` is false for null leaves (including rows under a null parent). */
  update(data: arrow.Data, valid: Uint8Array | undefined): void {
    const n = data.length;
    for (let i = 0; i < n; i++) if (valid !== undefined && valid[i] === 0) this.nullCount++;
    if (!this.withBounds || this.noBounds) return;
    const values = data.values as unknown;
    const ok = (i: number): boolean => valid === undefined || valid[i] === 1;
    switch (this.type.kind) {
      case 'byte':
      case 'short':
      case 'int':
      case 'date':
      case 'float':
      case 'double': {
        const v = values as Float64Array;
        let lo = this.minNum;
        let hi = this.maxNum;
        for (let i = 0; i < n; i++) {
          if (!ok(i)) continue;
          const x = v[i] ?? 0;
          if (x < lo) lo = x;
          if (x > hi) hi = x;
          if (x !== x || x === Infinity || x === -Infinity) this.noBounds = true;
        }
        this.minNum = lo;
        this.maxNum = hi;
        return;
      }
      case 'long':
      case 'timestamp':
      case 'timestamp_ntz': {
        // Compare 64-bit values as (signed high word, unsigned low word) pairs: no BigInt per row.
        const v = values as BigInt64Array;
        const w = new Int32Array(v.buffer, v.byteOffset, v.length * 2);
        let lo = -1;
        let hi = -1;
        let loH = 0;
        let loL = 0;
        let hiH = 0;
        let hiL = 0;
        for (let i = 0; i < n; i++) {
          if (!ok(i)) continue;
          const h = w[2 * i + 1] ?? 0;
          const l = (w[2 * i] ?? 0) >>> 0;
          if (lo < 0 || h < loH || (h === loH && l < loL)) {
            lo = i;
            loH = h;
            loL = l;
          }
          if (hi < 0 || h > hiH || (h === hiH && l > hiL)) {
            hi = i;
            hiH = h;
            hiL = l;
          }
        }
        if (lo < 0) return;
        const a = v[lo] ?? 0n;
        const b = v[hi] ?? 0n;
        if (this.minBig === undefined || a < this.minBig) this.minBig = a;
        if (this.maxBig === undefined || b > this.maxBig) this.maxBig = b;
        return;
      }
      case 'decimal': {
        const w = values as Uint32Array;
        let lo = -1;
        let hi = -1;
        for (let i = 0; i < n; i++) {
          if (!ok(i)) continue;
          if (lo < 0 || compareDecimalRows(w, i, lo) < 0) lo = i;
          if (hi < 0 || compareDecimalRows(w, i, hi) > 0) hi = i;
        }
        if (lo < 0) return;
        const a = readDecimalWords(w, lo);
        const b = readDecimalWords(w, hi);
        if (this.minBig === undefined || a < this.minBig) this.minBig = a;
        if (this.maxBig === undefined || b > this.maxBig) this.maxBig = b;
        return;
      }
      case 'string': {
        const offsets = data.valueOffsets as Int32Array;
        const bytes = values as Uint8Array;
        let lo = -1;
        let hi = -1;
        for (let i = 0; i < n; i++) {
          if (!ok(i)) continue;
          const s = offsets[i] ?? 0;
          const e = offsets[i + 1] ?? 0;
          if (lo < 0 || compareBytes(bytes, s, e, bytes, offsets[lo] ?? 0, offsets[lo + 1] ?? 0) < 0) lo = i;
          if (hi < 0 || compareBytes(bytes, s, e, bytes, offsets[hi] ?? 0, offsets[hi + 1] ?? 0) > 0) hi = i;
        }
        if (lo < 0) return;
        const loBytes = bytes.subarray(offsets[lo] ?? 0, offsets[lo + 1] ?? 0);
        const hiBytes = bytes.subarray(offsets[hi] ?? 0, offsets[hi + 1] ?? 0);
        const m = this.minBytes;
        if (m === undefined || compareBytes(loBytes, 0, loBytes.length, m, 0, m.length) < 0) this.minBytes = loBytes.slice();
        const x = this.maxBytes;
        if (x === undefined || compareBytes(hiBytes, 0, hiBytes.length, x, 0, x.length) > 0) this.maxBytes = hiBytes.slice();
        return;
      }
      default:
        return;
    }
  }

  /** [min, max] as JSON-ready values, or undefined when no bound can be given. */
  bounds(): [string | number | RawJson, string | number | RawJson] | undefined {
    if (!this.withBounds || this.noBounds) return undefined;
    const t = this.type;
    switch (t.kind) {
      case 'byte':
      case 'short':
      case 'int':
      case 'float':
      case 'double':
        return this.minNum <= this.maxNum ? [this.minNum, this.maxNum] : undefined;
      case 'date':
        return this.minNum <= this.maxNum ? [formatDays(this.minNum), formatDays(this.maxNum)] : undefined;
      case 'long':
        return this.minBig === undefined || this.maxBig === undefined ? undefined : [{ raw: String(this.minBig) }, { raw: String(this.maxBig) }];
      case 'timestamp':
      case 'timestamp_ntz': {
        if (this.minBig === undefined || this.maxBig === undefined) return undefined;
        const style = t.kind === 'timestamp' ? 'stats-utc' : 'stats-ntz';
        return [formatMicros(floorToMillis(this.minBig), style), formatMicros(ceilToMillis(this.maxBig), style)];
      }
      case 'decimal':
        if (this.minBig === undefined || this.maxBig === undefined) return undefined;
        return [{ raw: formatDecimal(this.minBig, t.scale) }, { raw: formatDecimal(this.maxBig, t.scale) }];
      case 'string': {
        if (this.minBytes === undefined || this.maxBytes === undefined) return undefined;
        const max = truncateMax(decoder.decode(this.maxBytes));
        return max === undefined ? undefined : [truncateMin(decoder.decode(this.minBytes)), max];
      }
      default:
        return undefined;
    }
  }
}
