import { readdirSync } from 'node:fs';
import * as arrow from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { fromArrowSchema } from '../../src/common/types/arrow-type.js';
import { arrayOf, INT, LONG, field } from '../../src/common/types/data-type.js';
import { loadSnapshot } from '../../src/delta/snapshot.js';
import { truncateMax } from '../../src/delta/write/stats-accumulator.js';
import { createDeltaTable, StatsCollector, writeDeltaTable } from '../../src/delta/write/index.js';
import { escapePathName } from '../../src/delta/write/partition-path.js';
import { validateDeltaTable } from '../helpers/protocol-validator.js';
import { cleanupTempDirs, column, readTableRows, storeAt, tempTableDir } from './helpers.js';

afterAll(cleanupTempDirs);

function statsOf(table: arrow.Table, config = { numIndexedCols: 32, statsColumns: undefined as readonly string[] | undefined }): Record<string, unknown> {
  const c = new StatsCollector(fromArrowSchema(table.schema), 'none', config);
  for (const b of table.batches) c.update(b);
  return JSON.parse(c.toJson()) as Record<string, unknown>;
}

describe('stats collection', () => {
  const t = new arrow.Table({
    a: column(new arrow.Int32(), [3, 1, null]),
    b: column(new arrow.Float64(), [1, Number.NaN, 2]),
    c: column(new arrow.Decimal(2, 20, 128), [-150n, 5n, null]),
    ts: column(new arrow.TimestampMicrosecond('UTC'), [-1500n, 2001n, null]),
  });

  it('min/max/nullCount per column; NaN leaves a column without bounds; decimals exact', () => {
    const s = statsOf(t);
    expect(s).toEqual({
      numRecords: 3,
      minValues: { a: 1, c: -1.5, ts: '1969-12-31T23:59:59.998Z' },
      maxValues: { a: 3, c: 0.05, ts: '1970-01-01T00:00:00.003Z' },
      nullCount: { a: 1, b: 0, c: 1, ts: 1 },
    });
  });

  it('limits stats to the first N leaf columns or the named ones', () => {
    expect(Object.keys(statsOf(t, { numIndexedCols: 2, statsColumns: undefined })['nullCount'] as object)).toEqual(['a', 'b']);
    expect(Object.keys(statsOf(t, { numIndexedCols: 32, statsColumns: ['ts', 'c'] })['nullCount'] as object)).toEqual(['c', 'ts']);
    expect(Object.keys(statsOf(t, { numIndexedCols: 0, statsColumns: undefined })['nullCount'] as object)).toEqual([]);
  });

  it('truncated max strings stay above every string with the prefix', () => {
    const prefix = 'x'.repeat(31);
    expect(truncateMax(`${prefix}\u{10FFFF}\u{10FFFF}tail`)).toBe(`${'x'.repeat(30)}y`);
    expect(truncateMax(`${prefix}\uD7FFabc`)).toBe(`${prefix}\uE000`);
    expect(truncateMax('\u{10FFFF}'.repeat(40))).toBeUndefined();
  });
});

describe('data files', () => {
  it('splits at delta.targetFileSize, names files by codec, honours snappy', async () => {
    const dir = tempTableDir('dw-files-');
    const store = storeAt(dir);
    await createDeltaTable(store, { schema: [field('id', LONG)], properties: { 'delta.targetFileSize': '20000' }, mode: 'create' });
    const big = (start: number): arrow.Table => new arrow.Table({ id: arrow.makeVector(BigInt64Array.from({ length: 4000 }, (_, i) => BigInt(start + i))) });
    async function* many(): AsyncGenerator<arrow.RecordBatch> {
      for (let k = 0; k < 10; k++) yield* big(k * 4000).batches;
    }
    const r = await writeDeltaTable(store, many(), { mode: 'append', compression: 'snappy' });
    expect(r.metrics.numFiles).toBeGreaterThan(2);
    expect(r.metrics.numOutputRows).toBe(40000);
    const snapshot = await loadSnapshot(store);
    expect(snapshot.files().every((f) => /^part-\d{5}-[0-9a-f-]{36}\.c000\.snappy\.parquet$/.test(f.path))).toBe(true);
    expect(snapshot.files().every((f) => f.size < 40000)).toBe(true);
    expect((await readTableRows(dir)).length).toBe(40000);
    expect(readdirSync(dir).filter((n) => n.endsWith('.parquet'))).toHaveLength(r.metrics.numFiles);
    expect(validateDeltaTable(dir)).toEqual([]);
  });

  it('upcasts array elements to the table type', async () => {
    const dir = tempTableDir('dw-arr-');
    await createDeltaTable(storeAt(dir), { schema: [field('xs', arrayOf(INT))], mode: 'create' });
    const xs = arrow.vectorFromArray([[1, 2], null, [3]], new arrow.List(new arrow.Field('item', new arrow.Int16(), true)));
    await writeDeltaTable(storeAt(dir), new arrow.Table({ xs }), { mode: 'append' });
    expect(await readTableRows(dir)).toEqual([{ xs: [1, 2] }, { xs: null }, { xs: [3] }]);
    expect(validateDeltaTable(dir)).toEqual([]);
  });

  it('escapes partition directory names as Hive does', () => {
    expect(escapePathName('a/b:c%d=e f')).toBe('a%2Fb%3Ac%25d%3De f');
    expect(escapePathName('\u0001x{}[]^#')).toBe('%01x%7B}%5B%5D%5E%23');
  });
});
