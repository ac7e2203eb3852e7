/** ColumnChunkCache: LRU order, byte budget, own buffers, and ParquetFile reads served from it. */
import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowDataBytes, copyArrowData } from '../../src/storage/cache/arrow-data-bytes.js';
import { ColumnChunkCache } from '../../src/storage/cache/column-chunk-cache.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import { ParquetFile } from '../../src/storage/parquet/parquet-file.js';
import { writeParquet } from '../../src/storage/parquet/write-parquet.js';
import { CountingStore } from './counting-store.js';
import { sampleTable } from './sample-table.js';

const field = new arrow.Field('x', new arrow.Float64());
/** One Float64 chunk of n values: n * 8 bytes. */
const chunk = (n: number): arrow.Data => arrow.makeData({ type: new arrow.Float64(), length: n, data: new Float64Array(n).fill(n) });

async function ipcOf(iterable: AsyncIterable<arrow.RecordBatch>): Promise<Buffer> {
  const batches: arrow.RecordBatch[] = [];
  for await (const b of iterable) batches.push(b);
  return Buffer.from(arrow.tableToIPC(new arrow.Table(batches), 'stream'));
}

describe('ColumnChunkCache', () => {
  it('counts hits and misses and returns what was stored', () => {
    const cache = new ColumnChunkCache({ maxBytes: 1000 });
    expect(cache.get('f', 0, 'x')).toBeUndefined();
    cache.set('f', 0, 'x', field, [chunk(10)]);
    const hit = cache.get('f', 0, 'x');
    expect(hit?.bytes).toBe(80);
    expect(Array.from(hit?.chunks[0]?.values as Float64Array)).toEqual(new Array(10).fill(10));
    expect(cache.get('f', 1, 'x')).toBeUndefined();
    expect(cache.get('g', 0, 'x')).toBeUndefined();
    expect(cache.stats).toMatchObject({ hits: 1, misses: 3, entries: 1, bytes: 80 });
  });

  it('evicts least recently used entries first and never exceeds the budget', () => {
    const cache = new ColumnChunkCache({ maxBytes: 250 });
    cache.set('f', 0, 'a', field, [chunk(10)]);
    cache.set('f', 0, 'b', field, [chunk(10)]);
    cache.set('f', 0, 'c', field, [chunk(10)]);
    cache.get('f', 0, 'a'); // a is now the most recent: b goes first
    cache.set('f', 0, 'd', field, [chunk(10)]);
    expect(cache.keys().map((k) => k[2])).toEqual(['c', 'a', 'd']);
    cache.set('f', 0, 'e', field, [chunk(20)]); // 160 bytes: c and a must go
    expect(cache.keys().map((k) => k[2])).toEqual(['d', 'e']);
    expect(cache.stats).toMatchObject({ evictions: 3, bytes: 240, entries: 2 });
    expect(cache.stats.bytes).toBeLessThanOrEqual(cache.maxBytes);
    // Larger than the whole budget: not cached, nothing evicted.
    expect(cache.set('f', 0, 'huge', field, [chunk(40)])).toBeUndefined();
    expect(cache.keys().map((k) => k[2])).toEqual(['d', 'e']);
    // Replacing a key releases its old bytes.
    cache.set('f', 0, 'e', field, [chunk(5)]);
    expect(cache.stats.bytes).toBe(120);
  });

  it('holds copies with buffers of their own, shared dictionaries counted once', () => {
    const big = new Float64Array(1000);
    const view = arrow.makeData({ type: new arrow.Float64(), length: 10, data: big.subarray(100, 110) });
    const [copy] = copyArrowData([view]);
    expect(copy?.values.buffer.byteLength).toBe(80);
    expect(arrowDataBytes([view])).toBe(80);
    const dict = arrow.vectorFromArray(['a', 'b', 'c'], new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32()));
    const data = dict.data[0] as arrow.Data;
    const oneBytes = arrowDataBytes([data]);
    // The slice adds its one Int32 index; the dictionary they share is not counted again.
    expect(arrowDataBytes([data, data.slice(1, 1)])).toBe(oneBytes + 4);
    const copies = copyArrowData([data, data.slice(0, 2)]);
    expect(copies[0]?.dictionary).toBe(copies[1]?.dictionary);
    expect(new arrow.Vector(copies.slice(0, 1)).toArray()).toEqual(['a', 'b', 'c']);
  });

  it('rejects a negative budget', () => {
    expect(() => new ColumnChunkCache({ maxBytes: -1 })).toThrow(/maxBytes/);
  });
});

describe('ParquetFile with a cache', () => {
  async function fixture(): Promise<{ store: CountingStore; size: number }> {
    const store = new CountingStore(new MemoryStore());
    const bytes = writeParquet(sampleTable().concat(sampleTable()), { rowGroupSize: 4 });
    await store.put('t/f.parquet', bytes);
    return { store, size: bytes.length };
  }

  it('serves repeated reads without fetching, and gives the same batches as an uncached read', async () => {
    for (const fetch of ['ranges', 'whole'] as const) {
      const { store, size } = await fixture();
      const cache = new ColumnChunkCache({ maxBytes: 1 << 20 });
      const uncached = await ipcOf((await ParquetFile.open(store, 't/f.parquet', { size, fetch })).readRowGroups());
      const file = await ParquetFile.open(store, 't/f.parquet', { size, fetch });
      const first = await ipcOf(file.readRowGroups({ cache }));
      const gets = store.gets.length;
      // A different ParquetFile on the same file shares the cache entries.
      const again = await ParquetFile.open(store, 't/f.parquet', { size, fetch });
      const second = await ipcOf(again.readRowGroups({ cache }));
      expect(store.gets.length - gets).toBe(1); // the footer read of `again` only
      expect(first.equals(uncached)).toBe(true);
      expect(second.equals(uncached)).toBe(true);
      const columns = file.arrowSchema.fields.length;
      expect(cache.stats).toMatchObject({ entries: columns * file.metadata.rowGroups.length, hits: columns * file.metadata.rowGroups.length });
    }
  });

  it('fetches and decodes only the columns missing from the cache', async () => {
    const { store, size } = await fixture();
    const cache = new ColumnChunkCache({ maxBytes: 1 << 20 });
    const file = await ParquetFile.open(store, 't/f.parquet', { size, fetch: 'ranges', maxGap: 0 });
    const names = file.arrowSchema.fields.map((f) => f.name);
    await ipcOf(file.readRowGroups({ rowGroups: [0], columns: [names[0] as string] }));
    await ipcOf(file.readRowGroups({ rowGroups: [0], columns: [names[0] as string] , cache }));
    const before = store.gets.length;
    const mixed = await ipcOf(file.readRowGroups({ rowGroups: [0], columns: [names[1] as string, names[0] as string], cache }));
    const leafIndex = file.metadata.leafColumns.findIndex((l) => l.path[0] === names[1]);
    const chunk = file.metadata.rowGroups[0]?.columns[leafIndex];
    const bytes = store.gets.slice(before).reduce((n, g) => n + (g.range ? g.range.end - g.range.start : 1e9), 0);
    expect(bytes).toBe(chunk?.totalCompressedSize);
    const plain = await ipcOf(file.readRowGroups({ rowGroups: [0], columns: [names[1] as string, names[0] as string] }));
    expect(mixed.equals(plain)).toBe(true);
  });

  it('keeps the budget while scanning more than fits, and still answers correctly', async () => {
    const { store, size } = await fixture();
    const cache = new ColumnChunkCache({ maxBytes: 600 });
    const file = await ParquetFile.open(store, 't/f.parquet', { size });
    const plain = await ipcOf(file.readRowGroups());
    for (let i = 0; i < 2; i++) {
      expect((await ipcOf(file.readRowGroups({ cache }))).equals(plain)).toBe(true);
      expect(cache.stats.bytes).toBeLessThanOrEqual(600);
    }
    expect(cache.stats.evictions).toBeGreaterThan(0);
  });
});
