/** Delta maintenance statements through session.sql: result shapes and partition-predicate OPTIMIZE. */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '../../src/api/session.js';
import { MemoryStore } from '../../src/storage/memory-store.js';

const spaces: string[] = [];

async function session(): Promise<{ s: Session; root: string }> {
  const space = `dops-${randomUUID()}`;
  spaces.push(space);
  return { s: await Session.create({ warehouse: `memory://${space}` }), root: `memory://${space}` };
}

afterEach(() => {
  for (const s of spaces.splice(0)) MemoryStore.drop(s);
});

async function numFiles(s: Session, table: string): Promise<number> {
  return Number((await s.sql(`DESCRIBE DETAIL ${table}`)).rows()[0]?.['numFiles']);
}

describe('Delta maintenance statements', () => {
  it('OPTIMIZE WHERE on an INT and a DATE partition compacts only the matching partitions', async () => {
    const { s } = await session();
    await s.sql('CREATE TABLE t (id INT, k INT, d DATE) PARTITIONED BY (k, d)');
    for (let i = 0; i < 2; i++) {
      await s.sql("INSERT INTO t VALUES (1, 1, DATE'2024-01-01'), (2, 2, DATE'2024-01-01'), (3, 1, DATE'2024-02-01')");
    }
    expect(await numFiles(s, 't')).toBe(6);
    const r = await s.sql("OPTIMIZE t WHERE k = 1 AND d < DATE'2024-01-15'");
    expect(r.schema.fields.map((f) => f.name)).toEqual(['path', 'metrics']);
    const m = r.rows()[0]?.['metrics'] as Record<string, unknown>;
    expect(Number(m['numFilesRemoved'])).toBe(2);
    expect(Number(m['numFilesAdded'])).toBe(1);
    expect(await numFiles(s, 't')).toBe(5);
    const all = await s.sql('SELECT count(*) AS n FROM t');
    expect(Number(all.rows()[0]?.['n'])).toBe(6);
  });

  it('OPTIMIZE refuses a WHERE on a data column, naming it', async () => {
    const { s } = await session();
    await s.sql('CREATE TABLE t (id INT, p STRING) PARTITIONED BY (p)');
    await expect(s.sql('OPTIMIZE t WHERE id = 1')).rejects.toThrow(/non-partition column 'id'/);
  });

  it('RESTORE returns Spark metric columns and brings back the old rows', async () => {
    const { s } = await session();
    await s.sql('CREATE TABLE t (id INT)');
    await s.sql('INSERT INTO t VALUES (1)');
    await s.sql('INSERT INTO t VALUES (2)');
    const r = await s.sql('RESTORE t TO VERSION AS OF 0 + 1');
    expect(r.schema.fields.map((f) => f.name)).toEqual([
      'table_size_after_restore',
      'num_of_files_after_restore',
      'num_removed_files',
      'num_restored_files',
      'removed_files_size',
      'restored_files_size',
    ]);
    const row = r.rows()[0] ?? {};
    expect(Number(row['num_of_files_after_restore'])).toBe(1);
    expect(Number(row['num_removed_files'])).toBe(1);
    const ids = (await s.sql('SELECT id FROM t')).rows().map((x) => x['id']);
    expect(ids).toEqual([1]);
  });

  it('VACUUM honours the retention check setting and lists absolute paths in a dry run', async () => {
    const { s, root } = await session();
    await s.sql('CREATE TABLE t (id INT)');
    await s.sql('INSERT INTO t VALUES (1)');
    await s.sql('INSERT OVERWRITE t VALUES (2)');
    await expect(s.sql('VACUUM t RETAIN 0 HOURS DRY RUN')).rejects.toThrow(/retentionDurationCheck/);
    await s.sql('SET spark.databricks.delta.retentionDurationCheck.enabled = false');
    const dry = (await s.sql('VACUUM t RETAIN 0 HOURS DRY RUN')).rows().map((x) => String(x['path']));
    expect(dry.length).toBe(1);
    expect(dry[0]?.startsWith(`${root}/t/`)).toBe(true);
    expect((await s.sql('VACUUM t RETAIN 0 HOURS')).rows()).toEqual([{ path: `${root}/t` }]);
    expect((await s.sql('VACUUM t RETAIN 0 HOURS DRY RUN')).rowCount).toBe(0);
  });

  it('DESCRIBE HISTORY LIMIT and SHOW TBLPROPERTIES work on a delta.`path` name', async () => {
    const { s, root } = await session();
    await s.sql("CREATE TABLE t (id INT) TBLPROPERTIES ('a.b' = 'x')");
    await s.sql('INSERT INTO t VALUES (1)');
    const name = `delta.\`${root}/t\``;
    const h = (await s.sql(`DESCRIBE HISTORY ${name} LIMIT 1`)).rows();
    expect(h.map((x) => [Number(x['version']), x['operation']])).toEqual([[1, 'WRITE']]);
    const props = (await s.sql(`SHOW TBLPROPERTIES ${name}`)).rows();
    expect(props).toContainEqual({ key: 'a.b', value: 'x' });
    expect((await s.sql('SHOW TBLPROPERTIES t (a.b)')).rows()).toEqual([{ key: 'a.b', value: 'x' }]);
  });
});

describe('RESTORE TIMESTAMP AS OF', () => {
  it('reads a zone-less timestamp in the session time zone', async () => {
    const { s } = await session();
    await s.sql('CREATE TABLE t (id INT)');
    await s.sql('INSERT INTO t VALUES (1)');
    const commit = (await s.sql('DESCRIBE HISTORY t LIMIT 1')).rows()[0]?.['timestamp'] as Date;
    // One second after the insert, written as local time in a UTC+10 session: resolves to version 1.
    const local = new Date(commit.getTime() + 1000 + 10 * 3600_000).toISOString().replace('T', ' ').replace('Z', '');
    await s.sql('INSERT INTO t VALUES (2)');
    await s.sql("SET spark.sql.session.timeZone = '+10:00'");
    await new Promise((r) => setTimeout(r, 1100));
    await s.sql('INSERT INTO t VALUES (3)');
    // A commit landing after the chosen instant must not be restored; pick one the table has.
    const v2 = (await s.sql('DESCRIBE HISTORY t')).rows().find((x) => Number(x['version']) === 2)?.['timestamp'] as Date;
    const target = commit.getTime() + 1000 < v2.getTime() ? 1 : 2;
    await s.sql(`RESTORE t TO TIMESTAMP AS OF '${local}'`);
    const ids = (await s.sql('SELECT id FROM t ORDER BY id')).rows().map((x) => x['id']);
    expect(ids).toEqual(target === 1 ? [1] : [1, 2]);
  });
});
