/**
 * A read-only chained hash index over the rows of one materialised input (hash join build side,
 * IN-subquery values): bucket heads plus a `next` chain, rows kept in insertion order per bucket.
 */
export class HashIndex {
  private constructor(
    /** First row per bucket (-1: none); bucket = hash & mask. */
    readonly heads: Int32Array,
    readonly next: Int32Array,
    readonly hashes: Uint32Array,
    readonly mask: number,
  ) {}

  /** Index the rows whose `include` flag is set (all rows when omitted). */
  static build(hashes: Uint32Array, include?: Uint8Array): HashIndex {
    const n = hashes.length;
    let cap = 16;
    while (cap < n * 2) cap <<= 1;
    const heads = new Int32Array(cap).fill(-1);
    const next = new Int32Array(n).fill(-1);
    const tails = new Int32Array(cap).fill(-1);
    const mask = cap - 1;
    for (let i = 0; i < n; i++) {
      if (include && !include[i]) continue;
      const b = hashes[i]! & mask;
      const t = tails[b]!;
      if (t < 0) heads[b] = i;
      else next[t] = i;
      tails[b] = i;
    }
    return new HashIndex(heads, next, hashes, mask);
  }

  /** First row in the bucket of `hash` (-1 if none); walk with `next`, checking `hashes[row] === hash`. */
  first(hash: number): number {
    return this.heads[hash & this.mask]!;
  }
}
