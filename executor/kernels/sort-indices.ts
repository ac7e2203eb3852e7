/** Stable multi-key sort of row positions. */
import type * as arrow from 'apache-arrow';
import { radixSortIndices } from './radix-sort.js';
import { makeKeyComparator, type RowComparator } from './row-compare.js';

export interface SortSpec {
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

export function rowComparator(keys: readonly arrow.Data[], specs: readonly SortSpec[]): RowComparator {
  const cmps = keys.map((k, i) => makeKeyComparator(k, k, specs[i]!.ascending, specs[i]!.nullsFirst));
  if (cmps.length === 1) return cmps[0]!;
  return (a, b) => {
    for (let k = 0; k < cmps.length; k++) {
      const r = cmps[k]!(a, b);
      if (r !== 0) return r;
    }
    return 0;
  };
}

/** Row order 0..n-1 sorted by the keys; ties keep input order. */
export function sortIndices(keys: readonly arrow.Data[], specs: readonly SortSpec[], n: number): Int32Array {
  if (n >= 512 && keys.length > 0) {
    const radix = radixSortIndices(keys, specs, n, rowComparator(keys, specs));
    if (radix) return radix;
  }
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (keys.length === 0 || n < 2) return idx;
  const cmp = rowComparator(keys, specs);
  idx.sort((a, b) => cmp(a, b) || a - b);
  return idx;
}
