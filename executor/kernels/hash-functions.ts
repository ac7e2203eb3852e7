/**
 * Hash function kernels: hash() (Spark's murmur3, seed 42 → int), xxhash64() (seed 42 → long),
 * md5/sha1/sha2 (hex), crc32. Primitive columns hash from typed arrays without decoding.
 */
import * as arrow from 'apache-arrow';
import type { DataType } from '../../src/common/types/data-type.js';
import type { ColumnarValue, EvalContext, ScalarKernel } from '../functions/kernel.js';
import { asData, evalScalarOnce, getter, rowwise, valueType } from './fn/columnar.js';
import { alignedValidity, getBit } from './make-data-bitmap.js';
import { alignedBools, makeFixedData } from './make-data.js';
import { crc32, digestHex, sha2Hex } from './hash-functions-digest.js';
import { doubleBits, floatBits, hashValue, MURMUR3, XXHASH64, type HashAlgorithm } from './hash-functions-value.js';

export const SPARK_HASH_SEED = 42;

/** Fold one column into the per-row seeds. */
function foldColumn<S>(algo: HashAlgorithm<S>, d: arrow.Data, type: DataType, seeds: S[]): void {
  const n = seeds.length;
  const valid = alignedValidity(d);
  const live = (i: number): boolean => !valid || getBit(valid, i);
  switch (type.kind) {
    case 'byte':
    case 'short':
    case 'int':
    case 'date': {
      const v = d.values as Int32Array;
      for (let i = 0; i < n; i++) if (live(i)) seeds[i] = algo.int(v[i]!, seeds[i]!);
      return;
    }
    case 'long':
    case 'timestamp':
    case 'timestamp_ntz': {
      const v = d.values as BigInt64Array;
      for (let i = 0; i < n; i++) if (live(i)) seeds[i] = algo.long(v[i]!, seeds[i]!);
      return;
    }
    case 'float': {
      const v = d.values as Float32Array;
      for (let i = 0; i < n; i++) if (live(i)) seeds[i] = algo.int(floatBits(v[i]!), seeds[i]!);
      return;
    }
    case 'double': {
      const v = d.values as Float64Array;
      for (let i = 0; i < n; i++) if (live(i)) seeds[i] = algo.long(doubleBits(v[i]!), seeds[i]!);
      return;
    }
    case 'boolean': {
      const bits = alignedBools(d);
      for (let i = 0; i < n; i++) if (live(i)) seeds[i] = algo.int(getBit(bits, i) ? 1 : 0, seeds[i]!);
      return;
    }
    case 'string':
    case 'binary': {
      const off = d.valueOffsets as Int32Array;
      const bytes = d.values as Uint8Array;
      for (let i = 0; i < n; i++) if (live(i)) seeds[i] = algo.bytes(bytes, off[i]!, off[i + 1]!, seeds[i]!);
      return;
    }
    default: {
      const get = getter(d);
      for (let i = 0; i < n; i++) seeds[i] = hashValue(algo, get(i), type, seeds[i]!);
    }
  }
}

function hashKernel<S>(algo: HashAlgorithm<S>, seed: S, out: (seeds: S[], rt: DataType) => arrow.Data): ScalarKernel {
  return (args: readonly ColumnarValue[], rt: DataType, ctx: EvalContext) =>
    evalScalarOnce(args, rt, ctx, (a, c) => {
      const seeds = new Array<S>(c.rowCount).fill(seed);
      a.forEach((arg) => {
        const t = valueType(arg);
        // Narrow ints are stored in their own typed arrays: widen through the generic path.
        const d = asData(arg, c.rowCount);
        if ((t.kind === 'byte' || t.kind === 'short') && d.typeId === arrow.Type.Int) {
          const get = getter(d);
          for (let i = 0; i < seeds.length; i++) seeds[i] = hashValue(algo, get(i), t, seeds[i]!);
        } else foldColumn(algo, d, t, seeds);
      });
      return out(seeds, rt);
    });
}

export const HASH_KERNELS: Readonly<Record<string, ScalarKernel>> = {
  hash: hashKernel(MURMUR3, SPARK_HASH_SEED, (s, rt) => makeFixedData(rt, Int32Array.from(s), null, s.length)),
  xxhash64: hashKernel(XXHASH64, BigInt(SPARK_HASH_SEED), (s, rt) => makeFixedData(rt, BigInt64Array.from(s), null, s.length)),
  md5: rowwise((v) => digestHex('md5', v[0] as Uint8Array)),
  sha1: rowwise((v) => digestHex('sha1', v[0] as Uint8Array)),
  sha2: rowwise((v) => sha2Hex(v[0] as Uint8Array, Number(v[1]))),
  crc32: rowwise((v) => BigInt(crc32(v[0] as Uint8Array))),
};
