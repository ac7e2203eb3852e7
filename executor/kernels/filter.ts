/** Boolean column → selection vector of the rows that are TRUE (NULL and FALSE drop out). */
import type * as arrow from 'apache-arrow';

export function selectTrue(mask: arrow.Data): Int32Array {
  const n = mask.length;
  const bits = mask.values as Uint8Array;
  const bm = mask.nullBitmap;
  const hasNulls = !!bm && bm.length > 0 && mask.nullCount > 0;
  const off = mask.offset;
  const out = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const j = off + i;
    if (!((bits[j >> 3]! >> (j & 7)) & 1)) continue;
    if (hasNulls && !((bm[j >> 3]! >> (j & 7)) & 1)) continue;
    out[k++] = i;
  }
  return out.subarray(0, k);
}

/** Per row: 1 = TRUE, 0 = FALSE, 2 = NULL. */
export function boolStates(mask: arrow.Data): Uint8Array {
  const n = mask.length;
  const out = new Uint8Array(n);
  const bits = mask.values as Uint8Array;
  const bm = mask.nullBitmap;
  const hasNulls = !!bm && bm.length > 0 && mask.nullCount > 0;
  const off = mask.offset;
  for (let i = 0; i < n; i++) {
    const j = off + i;
    if (hasNulls && !((bm[j >> 3]! >> (j & 7)) & 1)) out[i] = 2;
    else out[i] = (bits[j >> 3]! >> (j & 7)) & 1;
  }
  return out;
}

/** 0..n-1 as a selection. */
export function identitySelection(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
