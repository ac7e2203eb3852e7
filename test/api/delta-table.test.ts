/** The DeltaTable API surface over real tables. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DeltaTable } from '../../src/api/delta-table.js';

const ROOT = '/work/shared/delta-tables';

describe('DeltaTable', () => {
  it('opens latest and exposes version, schema, partition columns and files', async () => {
    const t = await DeltaTable.open(join(ROOT, 'dat__basic_partitioned', 'delta'));
    expect(t.version).toBe(1);
    expect(t.schema.fields.map((f) => f.name)).toEqual(['letter', 'number', 'a_float']);
    expect(t.partitionColumns).toEqual(['letter']);
    const files = t.files();
    expect(files.length).toBe(6);
    const nullPartition = files.filter((f) => f.typedPartitionValues['letter'] === null);
    expect(nullPartition.length).toBeGreaterThan(0);
    expect(files.every((f) => f.size > 0 && f.stats?.numRecords === 1)).toBe(true);
  });

  it('time travels by version and timestamp', async () => {
    const uri = join(ROOT, 'dat__basic_partitioned', 'delta');
    const v0 = await DeltaTable.open(uri, { version: 0 });
    expect(v0.version).toBe(0);
    expect((await v0.toArrow()).numRows).toBe(3);
    const latest = await DeltaTable.open(uri, { timestamp: new Date(Date.now() + 86_400_000) });
    expect(latest.version).toBe(1);
  });

  it('history is newest first, from commitInfo, limited', async () => {
    const t = await DeltaTable.open(join(ROOT, 'delta-rs__simple_table', 'delta'));
    const all = await t.history();
    expect(all.map((h) => h.version)).toEqual([4, 3, 2, 1, 0]);
    expect(all[0]?.operation).toBe('DELETE');
    expect(all[0]?.timestamp).toBeInstanceOf(Date);
    expect((await t.history(2)).map((h) => h.version)).toEqual([4, 3]);
    const v2 = await DeltaTable.open(join(ROOT, 'delta-rs__simple_table', 'delta'), { version: 2 });
    expect((await v2.history()).map((h) => h.version)).toEqual([2, 1, 0]);
  });

  it('scan yields batches of the requested columns; toArrow of an empty projection keeps the row count', async () => {
    const t = await DeltaTable.open(join(ROOT, 'dat__basic_partitioned', 'delta'));
    let rows = 0;
    for await (const b of t.scan({ columns: ['number'] })) {
      expect(b.schema.fields.map((f) => f.name)).toEqual(['number']);
      rows += b.numRows;
    }
    expect(rows).toBe(6);
    expect((await t.toArrow({ columns: [] })).numRows).toBe(6);
  });

  it('finds a live file by its log path', async () => {
    const t = await DeltaTable.open(join(ROOT, 'dat__multi_partitioned', 'delta'));
    const f = t.files()[0];
    expect(f).toBeDefined();
    expect(t.file(f?.add.path ?? '').path).toBe(f?.path);
    expect(() => t.file('nope.parquet')).toThrow(/not part of version/);
  });
});

describe('readDeltaFiles', () => {
  it('reads the named files of a snapshot in order and rejects unknown paths', async () => {
    const { readDeltaFiles } = await import('../../src/api/delta-table.js');
    const t = await DeltaTable.open(join(ROOT, 'dat__basic_partitioned', 'delta'));
    const paths = t.files().slice(0, 2).map((f) => f.add.path);
    let rows = 0;
    for await (const b of readDeltaFiles(t.store, t.snapshot, paths, { columns: ['letter', 'number'] })) {
      expect(b.schema.fields.map((f) => f.name)).toEqual(['letter', 'number']);
      rows += b.numRows;
    }
    expect(rows).toBe(2);
    const iter = readDeltaFiles(t.store, t.snapshot, ['missing.parquet'])[Symbol.asyncIterator]();
    await expect(iter.next()).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
