/**
 * XXH64 as Spark's `xxhash64()` computes it (org.apache.spark.sql.catalyst.expressions.XXH64):
 * the standard XXH64 algorithm, with ints hashed as 4-byte and longs as 8-byte inputs.
 * 64-bit arithmetic on BigInt, wrapped with asUintN.
 */
const P1 = 0x9e3779b185ebca87n;
const P2 = 0xc2b2ae3d27d4eb4fn;
const P3 = 0x165667b19e3779f9n;
const P4 = 0x85ebca77c2b2ae63n;
const P5 = 0x27d4eb2f165667c5n;
const M = (x: bigint): bigint => BigInt.asUintN(64, x);

function rotl(x: bigint, r: bigint): bigint {
  return M((x << r) | (x >> (64n - r)));
}

function fmix(h: bigint): bigint {
  h = M((h ^ (h >> 33n)) * P2);
  h = M((h ^ (h >> 29n)) * P3);
  return BigInt.asIntN(64, h ^ (h >> 32n));
}

function round(acc: bigint, input: bigint): bigint {
  return M(rotl(M(acc + M(input * P2)), 31n) * P1);
}

function mergeRound(acc: bigint, v: bigint): bigint {
  return M(M((acc ^ round(0n, v)) * P1) + P4);
}

export function xxhash64Int(input: number, seed: bigint): bigint {
  let h = M(seed + P5 + 4n);
  h = M(h ^ M(BigInt(input >>> 0) * P1));
  h = M(M(rotl(h, 23n) * P2) + P3);
  return fmix(h);
}

export function xxhash64Long(input: bigint, seed: bigint): bigint {
  let h = M(seed + P5 + 8n);
  h = M(h ^ round(0n, M(input)));
  h = M(M(rotl(h, 27n) * P1) + P4);
  return fmix(h);
}

function u64(b: Uint8Array, p: number): bigint {
  const lo = (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
  const hi = (b[p + 4]! | (b[p + 5]! << 8) | (b[p + 6]! << 16) | (b[p + 7]! << 24)) >>> 0;
  return (BigInt(hi) << 32n) | BigInt(lo);
}

export function xxhash64Bytes(b: Uint8Array, start: number, end: number, seed: bigint): bigint {
  const len = end - start;
  let p = start;
  let h: bigint;
  if (len >= 32) {
    let v1 = M(seed + P1 + P2);
    let v2 = M(seed + P2);
    let v3 = M(seed);
    let v4 = M(seed - P1);
    const limit = end - 32;
    do {
      v1 = round(v1, u64(b, p));
      v2 = round(v2, u64(b, p + 8));
      v3 = round(v3, u64(b, p + 16));
      v4 = round(v4, u64(b, p + 24));
      p += 32;
    } while (p <= limit);
    h = M(rotl(v1, 1n) + rotl(v2, 7n) + rotl(v3, 12n) + rotl(v4, 18n));
    h = mergeRound(h, v1);
    h = mergeRound(h, v2);
    h = mergeRound(h, v3);
    h = mergeRound(h, v4);
  } else h = M(seed + P5);
  h = M(h + BigInt(len));
  while (p + 8 <= end) {
    h = M(h ^ round(0n, u64(b, p)));
    h = M(M(rotl(h, 27n) * P1) + P4);
    p += 8;
  }
  if (p + 4 <= end) {
    const w = (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
    h = M(h ^ M(BigInt(w) * P1));
    h = M(M(rotl(h, 23n) * P2) + P3);
    p += 4;
  }
  while (p < end) {
    h = M(h ^ M(BigInt(b[p]!) * P5));
    h = M(rotl(h, 11n) * P1);
    p++;
  }
  return fmix(h);
}
