import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { DeltaSqlError } from '../../src/common/errors.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import { readParquetFooter } from '../../src/storage/parquet/parquet-footer.js';
import { ParquetFile } from '../../src/storage/parquet/parquet-file.js';
import { writeParquet } from '../../src/storage/parquet/write-parquet.js';
import { columnValues } from './arrow-values.js';
import { CountingStore } from './counting-store.js';

const ROWS = 3500;

function numbered(): arrow.Table {
  const id = Int32Array.from({ length: ROWS }, (_, i) => i);
  return new arrow.Table({
    id: arrow.makeVector(id),
    twice: arrow.makeVector(BigInt64Array.from(id, (v) => BigInt(v * 2))),
    name: arrow.vectorFromArray(Array.from(id, (v) => `n${v}`), new arrow.Utf8()),
  });
}

async function fixture(): Promise<{ store: CountingStore; size: number }> {
  const store = new CountingStore(new MemoryStore());
  const bytes = writeParquet(numbered(), { rowGroupSize: 1000 });
  await store.put('t/f.parquet', bytes);
  return { store, size: bytes.length };
}

async function collect(iterable: AsyncIterable<arrow.RecordBatch>): Promise<arrow.RecordBatch[]> {
  const out: arrow.RecordBatch[] = [];
  for await (const b of iterable) out.push(b);
  return out;
}

const ids = (batches: arrow.RecordBatch[]): unknown[] => batches.flatMap((b) => columnValues(b.getChild('id') as arrow.Vector));
const errorOf = async (p: Promise<unknown>): Promise<DeltaSqlError> => (await p.then(() => undefined, (e: unknown) => e)) as DeltaSqlError;

describe('ParquetFile', () => {
  it('opens from the footer only, then fetches the file once for all reads', async () => {
    const { store, size } = await fixture();
    const file = await ParquetFile.open(store, 't/f.parquet', { size });
    expect(store.heads).toBe(0);
    // One tail read: the whole (small) file up to 64 KiB, never a separate data fetch.
    expect(store.gets).toEqual([{ path: 't/f.parquet', range: { start: Math.max(0, size - 65536), end: size } }]);
    expect(file.metadata.rowGroups.map((rg) => rg.numRows)).toEqual([1000, 1000, 1000, 500]);
    expect(file.arrowSchema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(['id:Int32', 'twice:Int64', 'name:Utf8']);
    await collect(file.readRowGroups({ rowGroups: [0] }));
    await collect(file.readRowGroups({ rowGroups: [1], columns: ['name'] }));
    expect(store.gets.slice(1)).toEqual([{ path: 't/f.parquet', range: undefined }]);
    await file.close();
  });

  it('projects columns in the requested order', async () => {
    const { store } = await fixture();
    const file = await ParquetFile.open(store, 't/f.parquet');
    const batches = await collect(file.readRowGroups({ columns: ['name', 'id'] }));
    expect(batches.every((b) => b.schema.fields.map((f) => f.name).join() === 'name,id')).toBe(true);
    expect(ids(batches)).toEqual(Array.from({ length: ROWS }, (_, i) => i));
    expect(batches[0]?.getChild('name')?.get(7)).toBe('n7');
  });

  it('reads only the selected row groups, in the given order', async () => {
    const { store } = await fixture();
    const file = await ParquetFile.open(store, 't/f.parquet');
    const got = ids(await collect(file.readRowGroups({ rowGroups: [3, 1], columns: ['id'] })));
    expect(got).toEqual([...Array.from({ length: 500 }, (_, i) => 3000 + i), ...Array.from({ length: 1000 }, (_, i) => 1000 + i)]);
  });

  it('yields row counts without columns and without fetching data', async () => {
    const { store } = await fixture();
    const file = await ParquetFile.open(store, 't/f.parquet');
    const batches = await collect(file.readRowGroups({ columns: [] }));
    expect(batches.reduce((n, b) => n + b.numRows, 0)).toBe(ROWS);
    expect(batches.every((b) => b.numCols === 0)).toBe(true);
    expect(store.gets.length).toBe(1);
  });

  it('rejects unknown columns and row groups with typed errors', async () => {
    const { store } = await fixture();
    const file = await ParquetFile.open(store, 't/f.parquet');
    const unknown = await errorOf(collect(file.readRowGroups({ columns: ['nope'] })));
    expect(unknown.code).toBe('UNKNOWN_COLUMN');
    expect(unknown.message).toContain('nope');
    expect((await errorOf(collect(file.readRowGroups({ rowGroups: [4] })))).code).toBe('INVALID_ARGUMENT');
  });

  it('names the file when it is missing, not Parquet, or truncated', async () => {
    const store = new MemoryStore();
    const missing = await errorOf(ParquetFile.open(store, 'gone.parquet'));
    expect(missing.code).toBe('FILE_NOT_FOUND');
    expect(missing.message).toContain('gone.parquet');
    await store.put('text.parquet', new TextEncoder().encode('this is not a parquet file at all'));
    const text = await errorOf(ParquetFile.open(store, 'text.parquet'));
    expect(text.code).toBe('CORRUPT_DATA');
    expect(text.message).toContain('text.parquet');
    const bytes = writeParquet(numbered());
    const broken = bytes.slice();
    broken.fill(0xff, bytes.length - 200, bytes.length - 8); // garble the footer, keep its length and magic
    await store.put('broken.parquet', broken);
    expect((await errorOf(readParquetFooter(store, 'broken.parquet'))).code).toBe('CORRUPT_DATA');
    await store.put('tiny.parquet', new Uint8Array([0x50, 0x41, 0x52, 0x31]));
    expect((await errorOf(readParquetFooter(store, 'tiny.parquet'))).code).toBe('CORRUPT_DATA');
  });

  it('reads a footer larger than the first 64 KiB guess with one more range read', async () => {
    const columns: Record<string, arrow.Vector> = {};
    for (let c = 0; c < 600; c++) columns[`column_with_a_long_name_${c}`] = arrow.makeVector(new Int32Array([c, c + 1]));
    const bytes = writeParquet(new arrow.Table(columns));
    const store = new CountingStore(new MemoryStore());
    await store.put('wide.parquet', bytes);
    const metadata = await readParquetFooter(store, 'wide.parquet', bytes.length);
    const footerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 8, true);
    expect(footerLength).toBeGreaterThan(65536);
    expect(store.gets.length).toBe(2);
    expect(store.gets[1]?.range).toEqual({ start: bytes.length - 8 - footerLength, end: bytes.length - 8 });
    expect(metadata.leafColumns.length).toBe(600);
    expect(metadata.rowGroups[0]?.columns[599]?.stats).toMatchObject({ min: 599, max: 600, nullCount: 0 });
  });
});
