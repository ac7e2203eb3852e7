/**
 * Murmur3_x86_32 as Spark's `hash()` computes it (org.apache.spark.unsafe.hash.Murmur3_x86_32):
 * ints and longs as 4/8-byte blocks; byte strings in 4-byte little-endian blocks with each tail
 * byte mixed on its own as a sign-extended int (Spark's hashUnsafeBytes, not the standard tail).
 */
const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function rotl32(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function mixK1(k: number): number {
  k = Math.imul(k, C1);
  k = rotl32(k, 15);
  return Math.imul(k, C2);
}

function mixH1(h: number, k: number): number {
  h ^= k;
  h = rotl32(h, 13);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

export function murmur3Int(input: number, seed: number): number {
  return fmix(mixH1(seed, mixK1(input | 0)), 4);
}

export function murmur3Long(input: bigint, seed: number): number {
  const low = Number(BigInt.asIntN(32, input));
  const high = Number(BigInt.asIntN(32, input >> 32n));
  let h = mixH1(seed, mixK1(low));
  h = mixH1(h, mixK1(high));
  return fmix(h, 8);
}

/** Spark's hashUnsafeBytes over bytes[start, end). */
export function murmur3Bytes(bytes: Uint8Array, start: number, end: number, seed: number): number {
  const len = end - start;
  const aligned = len - (len % 4);
  let h = seed;
  for (let i = 0; i < aligned; i += 4) {
    const p = start + i;
    const word = bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16) | (bytes[p + 3]! << 24);
    h = mixH1(h, mixK1(word));
  }
  for (let i = aligned; i < len; i++) {
    const b = bytes[start + i]!;
    h = mixH1(h, mixK1((b << 24) >> 24));
  }
  return fmix(h, len);
}
