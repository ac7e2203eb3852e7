import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { DeltaSqlError } from '../../src/common/errors.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import { parseParquetFile } from '../../src/storage/parquet/parquet-footer.js';
import { ParquetFile } from '../../src/storage/parquet/parquet-file.js';
import { writeParquet } from '../../src/storage/parquet/write-parquet.js';
import { columnValues, summarize } from './arrow-values.js';
import { DECIMAL_15_3, DECIMAL_30_5, DECIMAL_5_2, sampleTable, TS_MICROS } from './sample-table.js';

async function readBack(bytes: Uint8Array, columns?: readonly string[]): Promise<{ file: ParquetFile; table: arrow.Table }> {
  const store = new MemoryStore();
  await store.put('f.parquet', bytes);
  const file = await ParquetFile.open(store, 'f.parquet');
  const batches: arrow.RecordBatch[] = [];
  for await (const b of file.readRowGroups(columns ? { columns } : {})) batches.push(b);
  return { file, table: new arrow.Table(batches) };
}

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x)));

describe('writeParquet → ParquetFile round trip', () => {
  it('keeps every primitive, nested value and null', async () => {
    const source = sampleTable();
    const { table } = await readBack(writeParquet(source));
    expect(table.numRows).toBe(5);
    for (const field of source.schema.fields) {
      const original = source.getChild(field.name);
      const read = table.getChild(field.name);
      expect(read, field.name).not.toBeNull();
      expect(String(read?.type), field.name).toBe(String(original?.type));
      if ((field.type.children ?? []).length > 0) {
        expect(plain(read?.toArray().map((v: unknown) => (v === null ? null : (v as { toJSON(): unknown }).toJSON())) ?? []), field.name).toEqual(
          plain(original?.toArray().map((v: unknown) => (v === null ? null : (v as { toJSON(): unknown }).toJSON())) ?? []),
        );
      } else {
        expect(columnValues(read as arrow.Vector), field.name).toEqual(columnValues(original as arrow.Vector));
      }
    }
    const decimals = columnValues(table.getChild('dec_30_5') as arrow.Vector);
    expect(decimals).toEqual([DECIMAL_30_5[0], DECIMAL_30_5[1], DECIMAL_30_5[2], null, DECIMAL_30_5[4]]);
    expect(table.schema.fields.find((f) => f.name === 'ts')?.type).toMatchObject({ unit: arrow.TimeUnit.MICROSECOND, timezone: 'UTC' });
    expect(table.schema.fields.find((f) => f.name === 'ts_ntz')?.type).toMatchObject({ unit: arrow.TimeUnit.MICROSECOND, timezone: null });
  });

  it('writes correct min, max and null counts that the footer reader decodes', () => {
    const metadata = parseParquetFile(writeParquet(sampleTable()), 'sample');
    expect(metadata.createdBy).toContain('deltasql');
    const stats = new Map(metadata.leafColumns.map((l, i) => [l.path.join('.'), { leaf: l, stats: metadata.rowGroups[0]?.columns[i]?.stats }]));
    const nonNull = (xs: readonly bigint[]) => xs.filter((_, i) => i !== 3);
    const minOf = (xs: readonly bigint[]) => nonNull(xs).reduce((a, b) => (b < a ? b : a));
    const maxOf = (xs: readonly bigint[]) => nonNull(xs).reduce((a, b) => (b > a ? b : a));
    expect(stats.get('bool')?.stats).toMatchObject({ min: false, max: true, nullCount: 1 });
    expect(stats.get('byte')?.stats).toMatchObject({ min: -128, max: 127, nullCount: 1 });
    expect(stats.get('short')?.stats).toMatchObject({ min: -32768, max: 32767 });
    expect(stats.get('int')?.stats).toMatchObject({ min: -2147483648, max: 2147483647, nullCount: 1 });
    expect(stats.get('long')?.stats).toMatchObject({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    expect(stats.get('float')?.stats).toMatchObject({ min: -1.5, max: 1e10 });
    expect(stats.get('double')?.stats).toMatchObject({ min: -1e300, max: Math.PI });
    expect(stats.get('dec_5_2')).toMatchObject({ leaf: { physicalType: 'INT32', scale: 2, precision: 5 }, stats: { min: minOf(DECIMAL_5_2), max: maxOf(DECIMAL_5_2) } });
    expect(stats.get('dec_15_3')).toMatchObject({ leaf: { physicalType: 'INT64', scale: 3 }, stats: { min: minOf(DECIMAL_15_3), max: maxOf(DECIMAL_15_3) } });
    expect(stats.get('dec_30_5')).toMatchObject({ leaf: { physicalType: 'FIXED_LEN_BYTE_ARRAY', scale: 5 }, stats: { min: minOf(DECIMAL_30_5), max: maxOf(DECIMAL_30_5), nullCount: 1 } });
    expect(stats.get('date')).toMatchObject({ leaf: { logicalType: { type: 'DATE' } }, stats: { min: -719162, max: 2932896 } });
    expect(stats.get('ts')).toMatchObject({ leaf: { timeUnit: 'MICROS', isAdjustedToUTC: true }, stats: { min: minOf(TS_MICROS), max: maxOf(TS_MICROS) } });
    expect(stats.get('ts_ntz')).toMatchObject({ leaf: { timeUnit: 'MICROS', isAdjustedToUTC: false }, stats: { min: minOf(TS_MICROS), max: maxOf(TS_MICROS) } });
    expect(stats.get('str')?.stats).toMatchObject({ min: '', max: 'z😈', nullCount: 1 });
    expect(stats.get('bin')?.stats).toMatchObject({ min: new Uint8Array([]), max: new Uint8Array([1]), nullCount: 1 });
    expect(stats.get('struct.a')?.stats).toMatchObject({ min: 1, max: 5, nullCount: 2 });
    expect([...stats.keys()].filter((k) => k.includes('.'))).toEqual(['list.list.element', 'struct.a', 'struct.b', 'map.entries.key', 'map.entries.value']);
    expect(stats.get('list.list.element')?.stats).toMatchObject({ min: -1, max: 7 });
    expect(stats.get('map.entries.key')?.stats).toMatchObject({ min: 'a', max: 'x' });
  });

  it('keeps millisecond and nanosecond timestamp units, and refuses seconds and Date64', async () => {
    const ints = (t: arrow.DataType): arrow.Vector => new arrow.Vector([new arrow.Data(t, 0, 2, 0, { [arrow.BufferType.DATA]: new BigInt64Array([1n, 2n]) })]);
    const source = new arrow.Table({ ms: ints(new arrow.TimestampMillisecond('UTC')), ns: ints(new arrow.TimestampNanosecond(null)) });
    const bytes = writeParquet(source);
    const metadata = parseParquetFile(bytes, 'units');
    expect(metadata.leafColumns.map((l) => [l.timeUnit, l.isAdjustedToUTC])).toEqual([['MILLIS', true], ['NANOS', false]]);
    const { table } = await readBack(bytes);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual(['Timestamp<MILLISECOND, UTC>', 'Timestamp<NANOSECOND>']);
    expect(columnValues(table.getChild('ms') as arrow.Vector)).toEqual([1n, 2n]);
    const seconds = new arrow.Table({ s: ints(new arrow.TimestampSecond('UTC')) });
    expect(() => writeParquet(seconds)).toThrow(/Timestamp\(SECOND\)/);
    const date64 = new arrow.Table({ d: ints(new arrow.DateMillisecond()) });
    expect(() => writeParquet(date64)).toThrow(/Date64/);
  });

  it('honours compression and row-group size', async () => {
    const n = 10_000;
    const table = new arrow.Table({ id: arrow.makeVector(Int32Array.from({ length: n }, (_, i) => i)) });
    for (const compression of ['zstd', 'snappy', 'uncompressed'] as const) {
      const bytes = writeParquet(table, { compression, rowGroupSize: 3000 });
      const metadata = parseParquetFile(bytes, compression);
      expect(metadata.rowGroups.map((rg) => rg.numRows)).toEqual([3000, 3000, 3000, 1000]);
      expect(metadata.rowGroups[0]?.columns[0]?.codec).toBe(compression.toUpperCase());
      expect(metadata.rowGroups.map((rg) => rg.columns[0]?.stats?.min)).toEqual([0, 3000, 6000, 9000]);
      const { table: back } = await readBack(bytes);
      expect(summarize(columnValues(back.getChild('id') as arrow.Vector))).toEqual({ min: 0, max: n - 1, nulls: 0 });
    }
    expect(() => writeParquet(table, { rowGroupSize: 0 })).toThrow(DeltaSqlError);
  });
});
