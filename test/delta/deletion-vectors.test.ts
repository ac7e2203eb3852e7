/** Deletion vectors: Z85, the RoaringBitmapArray format, file framing, and rows dropped on read. */
import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { DeltaTable } from '../../src/api/delta-table.js';
import { decodeRoaringBitmapArray, DV_MAGIC } from '../../src/delta/deletion-vectors/roaring-bitmap-array.js';
import { loadDeletionVector, relativeDeletionVectorPath } from '../../src/delta/deletion-vectors/load-deletion-vector.js';
import { z85Decode } from '../../src/delta/deletion-vectors/z85.js';
import { add, freshStore, metaData, protocol, putCommit, putIds, schemaString } from './helpers/log-builder.js';

/** Serialise row indexes (all < 2^32, one bucket) with array containers only. */
function encodeSimple(rows: number[]): Uint8Array {
  const byKey = new Map<number, number[]>();
  for (const r of rows) byKey.set(r >>> 16, [...(byKey.get(r >>> 16) ?? []), r & 0xffff]);
  const keys = [...byKey.keys()].sort((a, b) => a - b);
  const parts: number[] = [];
  const u16 = (v: number): void => void parts.push(v & 0xff, v >>> 8);
  const u32 = (v: number): void => void parts.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24);
  u32(DV_MAGIC);
  u32(1);
  u32(0); // numBuckets (u64)
  u32(0); // bucket key
  u32(12346);
  u32(keys.length);
  for (const k of keys) {
    u16(k);
    u16((byKey.get(k)?.length ?? 1) - 1);
  }
  let offset = 8 + 4 * keys.length + 4 * keys.length;
  for (const k of keys) {
    u32(offset);
    offset += 2 * (byKey.get(k)?.length ?? 0);
  }
  for (const k of keys) for (const v of byKey.get(k) ?? []) u16(v);
  return Uint8Array.from(parts);
}

describe('deletion vectors', () => {
  it('decodes the inline example from the protocol', async () => {
    const rows = await loadDeletionVector(freshStore(), {
      storageType: 'i',
      pathOrInlineDv: 'wi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L',
      offset: undefined,
      sizeInBytes: 40,
      cardinality: 6,
      maxRowIndex: undefined,
    });
    expect([...rows]).toEqual([3, 4, 7, 11, 18, 29]);
  });

  it('derives the relative path of a u DV with a random prefix', () => {
    expect(relativeDeletionVectorPath('ab^-aqEH.-t@S}K{vb[*k^')).toEqual({
      dir: 'ab/',
      name: 'deletion_vector_d2c639aa-8816-431a-aaf6-d3fe2512ff61.bin',
      uuid: 'd2c639aa-8816-431a-aaf6-d3fe2512ff61',
    });
  });

  it('decodes run and bitmap containers and high buckets', () => {
    const parts: number[] = [];
    const u16 = (v: number): void => void parts.push(v & 0xff, v >>> 8);
    const u32 = (v: number): void => void parts.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24);
    u32(DV_MAGIC);
    u32(2);
    u32(0);
    // bucket 0: one run container (cookie with runs, 2 containers: run at key 0, bitmap at key 1)
    u32(0);
    u32(12347 | ((2 - 1) << 16));
    parts.push(0b01); // container 0 is a run container
    u16(0);
    u16(10 - 1); // key 0, 10 values
    u16(1);
    u16(4096 + 1 - 1); // key 1, 4097 values → bitmap
    u16(1); // one run
    u16(5);
    u16(9); // 5..14
    const bitmap = new Uint8Array(8192);
    for (let v = 0; v <= 4096; v++) bitmap[v >>> 3] = (bitmap[v >>> 3] ?? 0) | (1 << (v & 7));
    parts.push(...bitmap);
    // bucket 1 (values + 2^32): array container with value 7
    u32(1);
    u32(12346);
    u32(1);
    u16(0);
    u16(0);
    u32(16);
    u16(7);
    const rows = decodeRoaringBitmapArray(Uint8Array.from(parts));
    expect(rows.length).toBe(10 + 4097 + 1);
    expect([...rows.slice(0, 10)]).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(rows[10]).toBe(65536);
    expect(rows[10 + 4096]).toBe(65536 + 4096);
    expect(rows[rows.length - 1]).toBe(2 ** 32 + 7);
  });

  it('rejects a bad magic number and a CRC mismatch', async () => {
    const bytes = encodeSimple([1]);
    bytes[0] = 0;
    expect(() => decodeRoaringBitmapArray(bytes)).toThrow(/magic/);
    const store = freshStore();
    const data = encodeSimple([1, 2]);
    const file = new Uint8Array(1 + 4 + data.length + 4);
    const view = new DataView(file.buffer);
    file[0] = 1;
    view.setUint32(1, data.length);
    file.set(data, 5);
    view.setUint32(5 + data.length, (crc32(data) + 1) >>> 0);
    await store.put('deletion_vector_d2c639aa-8816-431a-aaf6-d3fe2512ff61.bin', file);
    const dv = { storageType: 'u' as const, pathOrInlineDv: '^-aqEH.-t@S}K{vb[*k^', offset: 1, sizeInBytes: data.length, cardinality: 2, maxRowIndex: undefined };
    await expect(loadDeletionVector(store, dv)).rejects.toThrow(/CRC/);
    view.setUint32(5 + data.length, crc32(data) >>> 0);
    await store.put('deletion_vector_d2c639aa-8816-431a-aaf6-d3fe2512ff61.bin', file);
    expect([...(await loadDeletionVector(store, dv))]).toEqual([1, 2]);
  });

  it('drops deleted rows when reading, across the whole file', async () => {
    const store = freshStore();
    const ids = Array.from({ length: 100 }, (_, i) => i);
    const size = await putIds(store, 'a.parquet', ids);
    const deleted = [0, 1, 50, 99];
    const dvBytes = encodeSimple(deleted);
    const padded = new Uint8Array(Math.ceil(dvBytes.length / 4) * 4);
    padded.set(dvBytes);
    const z85 = encodeZ85(padded);
    const dv = { storageType: 'i', pathOrInlineDv: z85, sizeInBytes: dvBytes.length, cardinality: deleted.length };
    await putCommit(store, 0, [protocol(3, 7, ['deletionVectors']), metaData(schemaString([{ name: 'id', type: 'integer' }])), add('a.parquet', size, { deletionVector: dv, stats: '{"numRecords":100}' })]);
    const table = await DeltaTable.fromStore(store);
    const got = [...((await table.toArrow()).getChild('id')?.toArray() as Int32Array)];
    expect(got).toEqual(ids.filter((i) => !deleted.includes(i)));
    expect(z85Decode(z85)).toEqual(padded);
  });
});

const Z85 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';
function encodeZ85(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    let v = (((bytes[i] ?? 0) << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0)) >>> 0;
    let chunk = '';
    for (let j = 0; j < 5; j++) {
      chunk = Z85[v % 85] + chunk;
      v = Math.floor(v / 85);
    }
    out += chunk;
  }
  return out;
}
