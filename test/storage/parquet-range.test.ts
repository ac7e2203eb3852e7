/** Column-chunk range reads on files we write: bytes fetched, request merging, footer rewriting, errors. */
import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { DeltaSqlError } from '../../src/common/errors.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import { coalesceRanges } from '../../src/storage/parquet/coalesce-ranges.js';
import { ParquetFile } from '../../src/storage/parquet/parquet-file.js';
import { ThriftCompactWriter, ThriftType } from '../../src/storage/parquet/thrift-compact-writer.js';
import { decodeThriftStruct } from '../../src/storage/parquet/thrift-compact.js';
import { writeParquet } from '../../src/storage/parquet/write-parquet.js';
import { CountingStore } from './counting-store.js';
import { sampleTable } from './sample-table.js';

const ROWS = 20_000;

/** Eight columns of ~80 KB each per row group, so one column is a small fraction of the file. */
function wide(): arrow.Table {
  const columns: Record<string, arrow.Vector> = {};
  for (let c = 0; c < 8; c++) {
    columns[`c${c}`] = arrow.makeVector(Float64Array.from({ length: ROWS }, (_, i) => Math.sin(i * (c + 1)) * 1e6));
  }
  columns.s = arrow.vectorFromArray(Array.from({ length: ROWS }, (_, i) => (i % 7 === 0 ? null : `v${i % 1000}`)), new arrow.Utf8());
  return new arrow.Table(columns);
}

async function fixture(table: arrow.Table, rowGroupSize: number): Promise<{ store: CountingStore; size: number }> {
  const store = new CountingStore(new MemoryStore());
  const bytes = writeParquet(table, { rowGroupSize, compression: 'uncompressed' });
  await store.put('f.parquet', bytes);
  return { store, size: bytes.length };
}

async function ipcOf(iterable: AsyncIterable<arrow.RecordBatch>): Promise<Buffer> {
  const batches: arrow.RecordBatch[] = [];
  for await (const b of iterable) batches.push(b);
  return Buffer.from(arrow.tableToIPC(new arrow.Table(batches), 'stream'));
}

const fetched = (store: CountingStore, from: number): number =>
  store.gets.slice(from).reduce((n, g) => n + (g.range ? g.range.end - g.range.start : Number.POSITIVE_INFINITY), 0);

describe('ParquetFile range reads', () => {
  it('fetch only the chunks of the requested columns and row groups', async () => {
    const { store, size } = await fixture(wide(), 5000);
    const file = await ParquetFile.open(store, 'f.parquet', { size, fetch: 'ranges', maxGap: 0 });
    const chunk = file.metadata.rowGroups[1]?.columns[3];
    const before = store.gets.length;
    await ipcOf(file.readRowGroups({ rowGroups: [1], columns: ['c3'] }));
    expect(store.gets.length - before).toBe(1);
    expect(fetched(store, before)).toBe(chunk?.totalCompressedSize);
    expect(fetched(store, before)).toBeLessThan(size / 30);
  });

  it('decode the same batches as whole-file reads, for every type the writer handles', async () => {
    for (const table of [wide(), sampleTable()]) {
      const { store } = await fixture(table, 3000);
      const whole = await ParquetFile.open(store, 'f.parquet', { fetch: 'whole' });
      const ranged = await ParquetFile.open(store, 'f.parquet', { fetch: 'ranges' });
      const names = whole.arrowSchema.fields.map((f) => f.name);
      for (const columns of [undefined, names.slice(1, 3).reverse(), names.slice(-2)]) {
        const options = columns === undefined ? {} : { columns };
        expect((await ipcOf(ranged.readRowGroups(options))).equals(await ipcOf(whole.readRowGroups(options)))).toBe(true);
      }
    }
  });

  it('merge chunks closer than maxGap into one request', async () => {
    const { store, size } = await fixture(wide(), ROWS);
    const far = await ParquetFile.open(store, 'f.parquet', { size, fetch: 'ranges', maxGap: 0 });
    let before = store.gets.length;
    await ipcOf(far.readRowGroups({ columns: ['c0', 'c2', 'c4'] }));
    expect(store.gets.length - before).toBe(3);
    const near = await ParquetFile.open(store, 'f.parquet', { size, fetch: 'ranges', maxGap: 1 << 20 });
    before = store.gets.length;
    await ipcOf(near.readRowGroups({ columns: ['c0', 'c2', 'c4'] }));
    expect(store.gets.length - before).toBe(1);
    expect(coalesceRanges([{ start: 50, end: 60 }, { start: 0, end: 10 }, { start: 12, end: 20 }, { start: 30, end: 30 }], 2)).toEqual([
      { start: 0, end: 20 },
      { start: 50, end: 60 },
    ]);
  });

  it('merge wider gaps on S3 by default than on local or memory stores', async () => {
    const { store, size } = await fixture(wide(), ROWS);
    class S3Like extends CountingStore {
      override get root(): string {
        return 's3://bucket/table';
      }
    }
    const s3 = new S3Like(store);
    const columns = ['c0', 'c2', 'c4'];
    await ipcOf((await ParquetFile.open(s3, 'f.parquet', { size, fetch: 'ranges' })).readRowGroups({ columns }));
    expect(s3.gets.length).toBe(1 + 1); // footer, then the three chunks in one request
    const before = store.gets.length;
    await ipcOf((await ParquetFile.open(store, 'f.parquet', { size, fetch: 'ranges' })).readRowGroups({ columns }));
    expect(store.gets.length - before).toBe(1 + 3); // footer, then one request per chunk
  });

  it("'auto' fetches small files whole and large ones by ranges", async () => {
    const small = await fixture(sampleTable(), 1000);
    expect((await ParquetFile.open(small.store, 'f.parquet')).rangeReads).toBe(false);
    const big = await fixture(wide(), 5000);
    expect(big.size).toBeGreaterThan(1024 * 1024);
    expect((await ParquetFile.open(big.store, 'f.parquet')).rangeReads).toBe(true);
  });

  it('report a chunk lying outside the file as CORRUPT_DATA naming the file', async () => {
    const { store, size } = await fixture(wide(), 5000);
    const full = await store.get('f.parquet');
    const file = await ParquetFile.open(store, 'f.parquet', { size, fetch: 'ranges' });
    // Same footer, data truncated away: the footer's offsets now point past the end.
    await store.put('f.parquet', full.subarray(0, 1000));
    const error = await (async () => {
      for await (const _ of file.readRowGroups({ columns: ['c7'], rowGroups: [3] })) void _;
    })().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DeltaSqlError);
    expect((error as DeltaSqlError).code).toBe('CORRUPT_DATA');
    expect((error as DeltaSqlError).message).toContain('f.parquet');
  });
});

describe('ThriftCompactWriter', () => {
  it('writes structs, lists, i32/i64 (incl. negative and 64-bit) and long field-id jumps that the reader decodes', () => {
    const w = new ThriftCompactWriter();
    w.beginStruct();
    w.i32Field(1, -7);
    w.i64Field(3, -(2n ** 62n));
    w.binaryField(4, new TextEncoder().encode('hé'));
    w.listField(5, ThriftType.struct, 20);
    for (let i = 0; i < 20; i++) {
      w.beginStruct();
      w.i64Field(9, i * 1_000_000_000);
      w.endStruct();
    }
    w.rawField(40, ThriftType.true, new Uint8Array());
    w.i32Field(2, 123456);
    w.endStruct();
    const s = decodeThriftStruct(w.finish());
    expect(s.get(1)).toBe(-7);
    expect(s.get(3)).toBe(-(2n ** 62n));
    expect(new TextDecoder().decode(s.get(4) as Uint8Array)).toBe('hé');
    const list = s.get(5) as Array<Map<number, unknown>>;
    expect(list.length).toBe(20);
    expect(list[19]?.get(9)).toBe(19_000_000_000n);
    expect(s.get(40)).toBe(true);
    expect(s.get(2)).toBe(123456);
  });
});
