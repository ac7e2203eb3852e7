import { describe, expect, it } from 'vitest';
import { BINARY, DOUBLE, INT, LONG, STRING, arrayOf, decimal } from '../../src/common/types/data-type.js';
import { murmur3Bytes, murmur3Int } from '../../executor/kernels/hash-functions-murmur3.js';
import { xxhash64Bytes } from '../../executor/kernels/hash-functions-xxhash64.js';
import { bigIntegerBytes } from '../../executor/kernels/hash-functions-value.js';
import { call } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('murmur3 (spec vectors)', () => {
  it('matches the reference MurmurHash3_x86_32 vectors for 4-byte and empty inputs', () => {
    expect(murmur3Int(0x87654321 | 0, 0) >>> 0).toBe(0xf55b516b);
    expect(murmur3Int(0x87654321 | 0, 0x5082edee) >>> 0).toBe(0x2362f9de);
    expect(murmur3Bytes(new Uint8Array([0x21, 0x43, 0x65, 0x87]), 0, 4, 0) >>> 0).toBe(0xf55b516b);
    expect(murmur3Bytes(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 0, 4, 0) >>> 0).toBe(0x76293b50);
    expect(murmur3Bytes(new Uint8Array(0), 0, 0, 1) >>> 0).toBe(0x514e28b7);
    expect(murmur3Bytes(new Uint8Array(0), 0, 0, 0xffffffff | 0) >>> 0).toBe(0x81f16f39);
  });
});

describe('xxhash64 (spec vectors)', () => {
  it('matches the reference XXH64 vectors', () => {
    expect(BigInt.asUintN(64, xxhash64Bytes(new Uint8Array(0), 0, 0, 0n))).toBe(0xef46db3751d8e999n);
    expect(BigInt.asUintN(64, xxhash64Bytes(enc('abc'), 0, 3, 0n))).toBe(0x44bc2cf5ad770999n);
  });
});

describe('Spark hash() and xxhash64()', () => {
  it('agree with the values in Spark documentation', () => {
    expect(call('xxhash64', [{ type: STRING, values: ['ABC'] }])).toEqual([4105715581806190027n]);
    expect(call('xxhash64', [{ type: STRING, values: ['ABC'] }, { type: STRING, values: ['DEF'] }])).toEqual([3233247871021311208n]);
    expect(call('xxhash64', [{ type: STRING, values: ['Spark'] }, { type: arrayOf(INT), values: [[123]] }, { type: INT, values: [2] }])).toEqual([5602566077635097486n]);
    expect(call('hash', [{ type: STRING, values: ['Spark'] }, { type: arrayOf(INT), values: [[123]] }, { type: INT, values: [2] }])).toEqual([-1321691492]);
  });
  it('NULL leaves the seed (42) unchanged; -0.0 hashes like 0.0', () => {
    const h42 = call('hash', [{ type: INT, values: [null] }]);
    expect(h42).toEqual([42]);
    expect(call('hash', [{ type: DOUBLE, values: [-0] }])).toEqual(call('hash', [{ type: DOUBLE, values: [0] }]));
    expect(call('hash', [{ type: LONG, values: [1n] }])).not.toEqual(call('hash', [{ type: INT, values: [1] }]));
  });
  it('wide decimals hash BigInteger.toByteArray()', () => {
    expect([...bigIntegerBytes(255n)]).toEqual([0, 255]);
    expect([...bigIntegerBytes(-1n)]).toEqual([255]);
    expect([...bigIntegerBytes(-129n)]).toEqual([255, 127]);
    const t = decimal(20, 0);
    expect(call('hash', [{ type: t, values: [255n] }])).toEqual([murmur3Bytes(new Uint8Array([0, 255]), 0, 2, 42)]);
  });
  it('md5/sha1/sha2/crc32', () => {
    const b = { type: BINARY, values: [enc('Spark')] };
    expect(call('md5', [b])).toEqual(['8cde774d6f7333752ed72cacddb05126']);
    expect(call('sha1', [b])).toEqual(['85f5955f4b27a9a4c2aab6ffe5d7189fc298b92c']);
    expect(call('sha2', [b, { type: INT, values: [256] }])).toEqual(['529bc3b07127ecb7e53a4dcf1991d9152c24537d919178022b2c42657f79a26b']);
    expect(call('sha2', [b, { type: INT, values: [100] }])).toEqual([null]);
    expect(call('crc32', [b])).toEqual([1557323817n]);
  });
});
