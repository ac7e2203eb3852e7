/**
 * Z-order of rows over several columns: each column's rank is scaled to `bits` bits (21 for up
 * to 3 columns, fewer for more, so a key fits 63 bits), and rows are ordered by the interleaving
 * of those bits. The comparison finds the column whose differing bit is most significant
 * (x < y && x < (x ^ y) tells which of two XORs has the lower top bit) instead of building keys.
 */
import type * as arrow from 'apache-arrow';
import { columnRanks, locateRows, type RowLocator } from './column-ranks.js';

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

const lessMsb = (x: number, y: number): boolean => x < y && x < (x ^ y) >>> 0;

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
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const k = coords.length;
  order.sort((a, b) => {
    let msd = 0;
    let msdXor = ((coords[0] as Uint32Array)[a] ?? 0) ^ ((coords[0] as Uint32Array)[b] ?? 0);
    for (let d = 1; d < k; d++) {
      const col = coords[d] as Uint32Array;
      const x = ((col[a] ?? 0) ^ (col[b] ?? 0)) >>> 0;
      if (lessMsb(msdXor >>> 0, x)) {
        msd = d;
        msdXor = x;
      }
    }
    const col = coords[msd] as Uint32Array;
    return (col[a] ?? 0) - (col[b] ?? 0) || a - b;
  });
  return { order, locator };
}
