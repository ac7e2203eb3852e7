/**
 * Stable LSD radix sort of row indexes by unsigned 64-bit keys held as two uint32 halves
 * (16-bit digits; only the digits within `totalBits` are sorted). Linear in the rows, which a
 * comparator sort over millions of rows is not.
 */
export function radixOrder(hi: Uint32Array, lo: Uint32Array, totalBits: number): Uint32Array {
  const n = hi.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (let pass = 0; pass * 16 < totalBits; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const slot = (((word[i] ?? 0) >>> shift) & 0xffff) + 1;
      counts[slot] = (counts[slot] ?? 0) + 1;
    }
    for (let d = 0; d < 65536; d++) counts[d + 1] = (counts[d + 1] ?? 0) + (counts[d] ?? 0);
    for (let i = 0; i < n; i++) {
      const row = order[i] ?? 0;
      const digit = ((word[row] ?? 0) >>> shift) & 0xffff;
      next[counts[digit] ?? 0] = row;
      counts[digit] = (counts[digit] ?? 0) + 1;
    }
    [order, next] = [next, order];
  }
  return order;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/**
 * Float64 keys as unsigned 64-bit keys in the same order (negative: flip all bits, else flip the
 * sign bit); rows where `isNull` is set get key 0, below every number. NaN must be mapped away.
 */
export function sortableKeys(keys: Float64Array, isNull: Uint8Array): { hi: Uint32Array; lo: Uint32Array } {
  const n = keys.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const H = little ? 1 : 0;
  const L = little ? 0 : 1;
  for (let i = 0; i < n; i++) {
    if (isNull[i] === 1) continue;
    const k = keys[i] ?? 0;
    f64[0] = k === 0 ? 0 : k;
    const h = u32[H] ?? 0;
    const l = u32[L] ?? 0;
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  return { hi, lo };
}
