/**
 * Stable LSD radix sort of row positions for fixed-width keys (integers, dates, timestamps,
 * floats, booleans): each key becomes order-preserving unsigned words (doubles: -0.0 = 0.0,
 * NaN greatest, as Spark orders them), sorted 16 bits per pass from the last key to the first.
 */
import * as arrow from 'apache-arrow';
import type { SortSpec } from './sort-indices.js';

interface Words {
  readonly hi: Uint32Array | null;
  readonly lo: Uint32Array;
  /** Per row 0/1 rank of NULL vs non-NULL, or null when there are no NULLs. */
  readonly nulls: Uint8Array | null;
}

function validRows(d: arrow.Data, n: number): Uint8Array | null {
  const bm = d.nullBitmap;
  if (!bm || bm.length === 0 || d.nullCount === 0) return null;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const j = d.offset + i;
    out[i] = (bm[j >> 3]! >> (j & 7)) & 1;
  }
  return out;
}

function keyWords(d: arrow.Data, spec: SortSpec, n: number): Words | undefined {
  const valid = validRows(d, n);
  const lo = new Uint32Array(n);
  let hi: Uint32Array | null = null;
  const v = d.values as unknown;
  switch (d.typeId) {
    case arrow.Type.Int:
    case arrow.Type.Date:
    case arrow.Type.Timestamp:
    case arrow.Type.Duration:
      if (v instanceof BigInt64Array) {
        const w = new Int32Array(v.buffer, v.byteOffset, n * 2);
        hi = new Uint32Array(n);
        for (let i = 0; i < n; i++) {
          hi[i] = (w[2 * i + 1]! ^ 0x80000000) >>> 0;
          lo[i] = w[2 * i]! >>> 0;
        }
      } else if (v instanceof Int32Array || v instanceof Int16Array || v instanceof Int8Array) {
        for (let i = 0; i < n; i++) lo[i] = (v[i]! ^ 0x80000000) >>> 0;
      } else if (v instanceof Uint8Array || v instanceof Uint16Array || v instanceof Uint32Array) {
        for (let i = 0; i < n; i++) lo[i] = v[i]!;
      } else return undefined;
      break;
    case arrow.Type.Float: {
      const f = new Float64Array(n);
      const src = v as Float64Array | Float32Array;
      for (let i = 0; i < n; i++) {
        const x = src[i]!;
        f[i] = x === 0 ? 0 : x !== x ? NaN : x;
      }
      const w = new Uint32Array(f.buffer);
      hi = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        const h = w[2 * i + 1]!;
        if (h & 0x80000000) {
          hi[i] = ~h >>> 0;
          lo[i] = ~w[2 * i]! >>> 0;
        } else {
          hi[i] = (h | 0x80000000) >>> 0;
          lo[i] = w[2 * i]!;
        }
      }
      break;
    }
    case arrow.Type.Utf8:
    case arrow.Type.Binary: {
      // an 8-byte big-endian prefix: orders like the bytes; equal prefixes are refined later
      const o = d.valueOffsets as Int32Array;
      const b = d.values as Uint8Array;
      hi = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        const s0 = o[i]!;
        const len = o[i + 1]! - s0;
        let h = 0;
        let l = 0;
        for (let k = 0; k < 4; k++) h = (h << 8) | (k < len ? b[s0 + k]! : 0);
        for (let k = 4; k < 8; k++) l = (l << 8) | (k < len ? b[s0 + k]! : 0);
        hi[i] = h >>> 0;
        lo[i] = l >>> 0;
      }
      break;
    }
    case arrow.Type.Bool: {
      const b = v as Uint8Array;
      for (let i = 0; i < n; i++) {
        const j = d.offset + i;
        lo[i] = (b[j >> 3]! >> (j & 7)) & 1;
      }
      break;
    }
    default:
      return undefined;
  }
  if (!spec.ascending) {
    for (let i = 0; i < n; i++) lo[i] = ~lo[i]! >>> 0;
    if (hi) for (let i = 0; i < n; i++) hi[i] = ~hi[i]! >>> 0;
  }
  let nulls: Uint8Array | null = null;
  if (valid) {
    nulls = new Uint8Array(n);
    const nullRank = spec.nullsFirst ? 0 : 1;
    for (let i = 0; i < n; i++) {
      if (valid[i]) nulls[i] = 1 - nullRank;
      else {
        nulls[i] = nullRank;
        lo[i] = 0;
        if (hi) hi[i] = 0;
      }
    }
  }
  return { hi, lo, nulls };
}

/**
 * Sorted row order, or undefined when some key cannot be radix-sorted. String keys sort by an
 * 8-byte prefix; runs of rows with equal prefixes are then ordered by `refine` (stable).
 */
export function radixSortIndices(
  keys: readonly arrow.Data[],
  specs: readonly SortSpec[],
  n: number,
  refine?: (a: number, b: number) => number,
): Int32Array | undefined {
  const prefixed = keys.some((k) => k.typeId === arrow.Type.Utf8 || k.typeId === arrow.Type.Binary);
  if (prefixed && !refine) return undefined;
  const words: Words[] = [];
  for (let k = 0; k < keys.length; k++) {
    const w = keyWords(keys[k]!, specs[k]!, n);
    if (!w) return undefined;
    words.push(w);
  }
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let tmp = new Int32Array(n);
  const counts = new Int32Array(65537);
  /** One stable counting pass on the 16-bit digit `(src[row] >>> shift) & 0xffff`. */
  const pass = (src: Uint32Array | Uint8Array, shift: number): void => {
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[((src[order[k]!]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 1; d <= 65536; d++) if (counts[d] === n) return;
    for (let d = 1; d <= 65536; d++) counts[d]! += counts[d - 1]!;
    for (let k = 0; k < n; k++) {
      const r = order[k]!;
      tmp[counts[(src[r]! >>> shift) & 0xffff]!++] = r;
    }
    const t = order;
    order = tmp;
    tmp = t;
  };
  for (let k = words.length - 1; k >= 0; k--) {
    const { hi, lo, nulls } = words[k]!;
    pass(lo, 0);
    pass(lo, 16);
    if (hi) {
      pass(hi, 0);
      pass(hi, 16);
    }
    if (nulls) pass(nulls, 0);
  }
  if (prefixed && refine) {
    // runs must agree on every key up to the last string key; later keys are refined too
    let last = 0;
    keys.forEach((k, i) => {
      if (k.typeId === arrow.Type.Utf8 || k.typeId === arrow.Type.Binary) last = i;
    });
    refineRuns(order, words.slice(0, last + 1), refine);
  }
  return order;
}

function sameWords(words: readonly Words[], a: number, b: number): boolean {
  for (const w of words) {
    if (w.lo[a] !== w.lo[b] || (w.hi && w.hi[a] !== w.hi[b]) || (w.nulls && w.nulls[a] !== w.nulls[b])) return false;
  }
  return true;
}

/** Sort each run of equal word tuples with the full comparator (ties by position: stable). */
function refineRuns(order: Int32Array, words: readonly Words[], refine: (a: number, b: number) => number): void {
  const n = order.length;
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && sameWords(words, order[start]!, order[i]!)) continue;
    if (i - start > 1) order.subarray(start, i).sort((a, b) => refine(a, b) || a - b);
    start = i;
  }
}
