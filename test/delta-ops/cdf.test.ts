import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readChangesTable } from '../../src/delta/cdf/read-changes.js';
import { LocalStore } from '../../src/storage/local-store.js';
import { writeDeltaTable } from '../../src/delta/write/index.js';
import { append, cleanupTempDirs, idRows, newIdTable, overwrite, storeAt } from './helpers.js';
import { tableRows } from '../delta-write/helpers.js';

afterAll(cleanupTempDirs);

const SHARED = '/work/shared/delta-tables/kernel-rs__cdf-table';

interface Expected {
  readonly cases: readonly { readonly start_version: number; readonly ascii_table: readonly string[] }[];
}

/** Rows of an ASCII table (`| a | b |`), header first. */
function parseAscii(lines: readonly string[]): string[][] {
  return lines.filter((l) => l.startsWith('|')).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
}

const DAY = 86400000;

function cell(name: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (name === 'birthday') return new Date(Number(v) * DAY).toISOString().slice(0, 10);
  return String(v);
}

describe('readChanges', () => {
  it('matches the expected change rows of the Spark-written cdf table', async () => {
    const expected = JSON.parse(readFileSync(path.join(SHARED, 'expected-from-tests.json'), 'utf8')) as Expected;
    const c = expected.cases[0];
    if (c === undefined) throw new Error('no case');
    const [header, ...want] = parseAscii(c.ascii_table);
    const table = await readChangesTable(new LocalStore(path.join(SHARED, 'delta')), { startVersion: c.start_version });
    expect(table.schema.fields.map((f) => f.name)).toEqual(['id', 'name', 'birthday', '_change_type', '_commit_version', '_commit_timestamp']);
    expect(String(table.schema.fields[4]?.type)).toBe('Int64');
    const date = table.getChild('birthday');
    const got = tableRows(table).map((r, i) =>
      (header ?? []).map((h) => (h === 'birthday' ? cell(h, Math.floor(Number(date?.get(i)) / DAY)) : cell(h, r[h]))),
    );
    const sortRows = (rows: string[][]): string[] => rows.map((r) => r.join('|')).sort();
    expect(sortRows(got)).toEqual(sortRows(want));
    // Commit timestamps come with every row and grow with the version.
    const ts = table.getChild('_commit_timestamp');
    const v = table.getChild('_commit_version');
    expect(ts?.nullCount).toBe(0);
    const byVersion = new Map<bigint, unknown>();
    for (let i = 0; i < table.numRows; i++) byVersion.set(v?.get(i) as bigint, ts?.get(i));
    const times = [...byVersion.entries()].sort((a, b) => Number(a[0] - b[0])).map(([, t]) => Number(t));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('reads a version range only', async () => {
    const table = await readChangesTable(new LocalStore(path.join(SHARED, 'delta')), { startVersion: 3, endVersion: 3 });
    const rows = tableRows(table);
    expect(rows.map((r) => [r['id'], r['name'], r['_change_type'], r['_commit_version']])).toEqual([[7, 'Dennis', 'delete', '3']]);
  });

  it('turns adds into inserts and removes into deletes where a commit has no cdc files', async () => {
    const dir = await newIdTable('ops-cdf-', { 'delta.enableChangeDataFeed': 'true' });
    await append(dir, [1, 2], 'a'); // v1
    await overwrite(dir, [3], 'b'); // v2
    const table = await readChangesTable(storeAt(dir), { startVersion: 1 });
    const rows = tableRows(table).map((r) => `${String(r['id'])}/${String(r['p'])}/${String(r['_change_type'])}/${String(r['_commit_version'])}`).sort();
    expect(rows).toEqual(['1/a/delete/2', '1/a/insert/1', '2/a/delete/2', '2/a/insert/1', '3/b/insert/2']);
  });

  it('refuses a range where the change data feed was not enabled', async () => {
    const dir = await newIdTable('ops-cdf-off-');
    await writeDeltaTable(storeAt(dir), idRows([1], 'a'), { mode: 'append' });
    await expect(readChangesTable(storeAt(dir), { startVersion: 0 })).rejects.toThrow(/change data was not recorded for version \[0\]/);
    await expect(readChangesTable(storeAt(dir), { startVersion: 5 })).rejects.toMatchObject({ code: 'VERSION_NOT_FOUND' });
  });
});
