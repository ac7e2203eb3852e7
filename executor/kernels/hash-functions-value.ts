/**
 * Spark's per-type hashing rules shared by hash() (murmur3, int seed) and xxhash64() (long seed):
 * booleans/bytes/shorts/ints/dates as ints, longs/timestamps as longs, floats/doubles by their
 * IEEE bits with -0.0 folded into 0.0 and NaN canonical, decimals of precision <= 18 by their
 * unscaled long and wider ones by Java BigInteger.toByteArray(), strings/binaries by bytes,
 * arrays/structs element by element, maps key then value. NULL leaves the seed unchanged.
 */
import { isMapValue, type ScalarValue } from '../../planner/expr/scalar-value.js';
import type { DataType } from '../../src/common/types/data-type.js';
import { murmur3Bytes, murmur3Int, murmur3Long } from './hash-functions-murmur3.js';
import { xxhash64Bytes, xxhash64Int, xxhash64Long } from './hash-functions-xxhash64.js';

export interface HashAlgorithm<S> {
  int(v: number, seed: S): S;
  long(v: bigint, seed: S): S;
  bytes(b: Uint8Array, start: number, end: number, seed: S): S;
}

export const MURMUR3: HashAlgorithm<number> = { int: murmur3Int, long: murmur3Long, bytes: murmur3Bytes };
export const XXHASH64: HashAlgorithm<bigint> = { int: xxhash64Int, long: xxhash64Long, bytes: xxhash64Bytes };

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** Float.floatToIntBits after Spark's -0.0 normalisation. */
export function floatBits(x: number): number {
  if (Number.isNaN(x)) return 0x7fc00000;
  f32[0] = x === 0 ? 0 : x;
  return i32[0]!;
}

/** Double.doubleToLongBits after Spark's -0.0 normalisation. */
export function doubleBits(x: number): bigint {
  if (Number.isNaN(x)) return 0x7ff8000000000000n;
  f64[0] = x === 0 ? 0 : x;
  return i64[0]!;
}

/** Java BigInteger.toByteArray(): minimal big-endian two's complement. */
export function bigIntegerBytes(v: bigint): Uint8Array {
  const out: number[] = [];
  let x = v;
  do {
    out.push(Number(BigInt.asUintN(8, x)));
    x >>= 8n;
  } while (!((x === 0n && (out[out.length - 1]! & 0x80) === 0) || (x === -1n && (out[out.length - 1]! & 0x80) !== 0)));
  return Uint8Array.from(out.reverse());
}

const encoder = new TextEncoder();

export function hashValue<S>(algo: HashAlgorithm<S>, v: ScalarValue, type: DataType, seed: S): S {
  if (v === null) return seed;
  switch (type.kind) {
    case 'boolean':
      return algo.int(v ? 1 : 0, seed);
    case 'byte':
    case 'short':
    case 'int':
    case 'date':
      return algo.int(v as number, seed);
    case 'long':
    case 'timestamp':
    case 'timestamp_ntz':
      return algo.long(v as bigint, seed);
    case 'interval':
      return type.unit === 'year_month' ? algo.int(v as number, seed) : algo.long(v as bigint, seed);
    case 'float':
      return algo.int(floatBits(v as number), seed);
    case 'double':
      return algo.long(doubleBits(v as number), seed);
    case 'decimal': {
      const u = v as bigint;
      if (type.precision <= 18) return algo.long(u, seed);
      const b = bigIntegerBytes(u);
      return algo.bytes(b, 0, b.length, seed);
    }
    case 'string': {
      const b = encoder.encode(v as string);
      return algo.bytes(b, 0, b.length, seed);
    }
    case 'binary': {
      const b = v as Uint8Array;
      return algo.bytes(b, 0, b.length, seed);
    }
    case 'array': {
      let s = seed;
      for (const e of v as readonly ScalarValue[]) s = hashValue(algo, e, type.element, s);
      return s;
    }
    case 'struct': {
      let s = seed;
      const items = v as readonly ScalarValue[];
      type.fields.forEach((f, i) => {
        s = hashValue(algo, items[i] ?? null, f.type, s);
      });
      return s;
    }
    case 'map': {
      let s = seed;
      if (isMapValue(v))
        v.keys.forEach((k, i) => {
          s = hashValue(algo, k, type.key, s);
          s = hashValue(algo, v.values[i] ?? null, type.value, s);
        });
      return s;
    }
    case 'null':
      return seed;
  }
}
