/** Growable per-group state arrays for grouped accumulators (capacity doubles; new groups start at `fill`). */

type Growable = Float64Array | Uint8Array | BigInt64Array | Int32Array;

export function grow<T extends Growable>(arr: T, needed: number, fill?: number | bigint): T {
  if (needed <= arr.length) return arr;
  let cap = Math.max(16, arr.length * 2);
  while (cap < needed) cap *= 2;
  const next = new (arr.constructor as new (n: number) => T)(cap);
  next.set(arr as never);
  if (fill !== undefined) (next as unknown as { fill(v: number | bigint, s: number): void }).fill(fill, arr.length);
  return next;
}

/** A per-group "has a value" flag set, growable. */
export class SeenFlags {
  flags = new Uint8Array(16);
  ensure(n: number): void {
    this.flags = grow(this.flags, n);
  }
  /** A validity bitmap for the first `n` groups. */
  bitmap(n: number): Uint8Array {
    const out = new Uint8Array(((n + 63) >> 6) << 3);
    for (let g = 0; g < n; g++) if (this.flags[g]) out[g >> 3]! |= 1 << (g & 7);
    return out;
  }
}
