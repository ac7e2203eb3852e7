/**
 * Z-order of rows over several columns: each column's rank is scaled to `bits` bits (21 for up
 * to 3 columns, fewer for more, so a key fits 63 bits), the bits are interleaved (first column
 * most significant at each level) into a 64-bit key held as two uint32 halves, and rows are
 * ordered by a stable LSD radix sort of those keys (16-bit digits).
 */
import type * as arrow from 'apache-arrow';
import { columnRanks, locateRows, type RowLocator } from './column-ranks.js';
import { radixOrder } from './radix-order.js';

export function bitsPerColumn(columns: number): number {
  return Math.max(1, Math.min(21, Math.floor(63 / Math.max(1, columns))));
}

/** Scale ranks in [0, n) to [0, 2^bits). */
function normalize(ranks: Uint32Array, bits: number): Uint32Array {
  const n = ranks.length;
  const scale = 2 ** bits / Math.max(1, n);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.min(2 ** bits - 1, Math.floor((ranks[i] ?? 0) * scale));
  return out;
}

/** Interleaved keys: bit (bits-1-level)*k + c from the top belongs to column c at `level`. */
function interleave(coords: readonly Uint32Array[], bits: number, n: number): { hi: Uint32Array; lo: Uint32Array } {
  const k = coords.length;
  const total = k * bits;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let c = 0; c < k; c++) {
    const col = coords[c] as Uint32Array;
    for (let b = bits - 1; b >= 0; b--) {
      const pos = total - 1 - ((bits - 1 - b) * k + c);
      const word = pos >= 32 ? hi : lo;
      const mask = (1 << (pos & 31)) >>> 0;
      for (let i = 0; i < n; i++) if (((col[i] ?? 0) >>> b) & 1) word[i] = ((word[i] ?? 0) | mask) >>> 0;
    }
  }
  return { hi, lo };
}

/**
 * The row order (global row indexes) that sorts `columns` (each a list of chunks, all with the
 * same lengths) along the Z-curve.
 */
export function zOrderPermutation(columns: readonly (readonly arrow.Data[])[], names: readonly string[]): { order: Uint32Array; locator: RowLocator } {
  const lengths = (columns[0] ?? []).map((d) => d.length);
  const locator = locateRows(lengths);
  const n = locator.chunk.length;
  const bits = bitsPerColumn(columns.length);
  const coords = columns.map((chunks, c) => normalize(columnRanks(chunks, locator, names[c] ?? ''), bits));
  const { hi, lo } = interleave(coords, bits, n);
  return { order: radixOrder(hi, lo, coords.length * bits), locator };
}
