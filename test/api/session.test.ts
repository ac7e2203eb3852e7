import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as arrow from 'apache-arrow';
import { randomUUID } from 'node:crypto';
import { Session, DeltaSqlError } from '../../src/api/index.js';
import { MemoryStore } from '../../src/storage/memory-store.js';

const TABLES = '/work/shared/delta-tables';
const space = `session-test-${randomUUID()}`;
let s: Session;

beforeAll(async () => {
  s = await Session.create({ warehouse: `memory://${space}`, config: { 'spark.sql.session.timeZone': 'UTC' } });
  s.register('t', arrow.tableFromArrays({ a: Int32Array.from([1, 2, 3, 4]), b: ['x', 'y', 'x', null] }));
  s.register('u', arrow.tableFromArrays({ k: Int32Array.from([1, 1, 3, 5]), v: Float64Array.from([0.5, 1.5, 2.5, 3.5]) }));
  await s.sql('SELECT 1'); // the parser builds itself once
}, 600_000);

afterAll(async () => {
  await s.close();
  MemoryStore.drop(space);
});

const rows = async (sql: string, params?: Parameters<Session['sql']>[1]): Promise<Record<string, unknown>[]> => (await s.sql(sql, params)).rows();
const values = async (sql: string): Promise<unknown[][]> => (await rows(sql)).map((r) => Object.values(r));

describe('Session over registered Arrow tables', () => {
  it('selects, filters and orders', async () => {
    expect(await values('SELECT a, b FROM t WHERE a > 1 ORDER BY a DESC')).toEqual([[4, null], [3, 'x'], [2, 'y']]);
    expect(await values('SELECT a FROM t ORDER BY b NULLS LAST, a LIMIT 2 OFFSET 1')).toEqual([[3], [2]]);
  });

  it('joins (inner, left, cross with WHERE)', async () => {
    expect(await values('SELECT t.a, u.v FROM t JOIN u ON t.a = u.k ORDER BY 1, 2')).toEqual([[1, 0.5], [1, 1.5], [3, 2.5]]);
    expect(await values('SELECT t.a, u.v FROM t LEFT JOIN u ON t.a = u.k ORDER BY 1, 2')).toEqual([[1, 0.5], [1, 1.5], [2, null], [3, 2.5], [4, null]]);
    expect(await values('SELECT a, v FROM t, u WHERE a = k AND v > 1 ORDER BY a')).toEqual([[1, 1.5], [3, 2.5]]);
  });

  it('aggregates with GROUP BY, HAVING and DISTINCT', async () => {
    expect(await values('SELECT b, count(*), sum(a) FROM t GROUP BY b ORDER BY b')).toEqual([[null, 1, 4], ['x', 2, 4], ['y', 1, 2]]);
    expect(await values('SELECT b, count(*) c FROM t GROUP BY b HAVING count(*) > 1')).toEqual([['x', 2]]);
    expect(await values('SELECT DISTINCT b FROM t ORDER BY b')).toEqual([[null], ['x'], ['y']]);
    expect(await values('SELECT count(*) FROM t WHERE a > 100')).toEqual([[0]]);
  });

  it('runs uncorrelated and correlated subqueries', async () => {
    expect(await values('SELECT a FROM t WHERE a IN (SELECT k FROM u) ORDER BY a')).toEqual([[1], [3]]);
    expect(await values('SELECT a FROM t WHERE a NOT IN (SELECT k FROM u) ORDER BY a')).toEqual([[2], [4]]);
    expect(await values('SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.k = t.a) ORDER BY a')).toEqual([[1], [3]]);
    expect(await values('SELECT a FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.k = t.a) ORDER BY a')).toEqual([[2], [4]]);
    expect(await values('SELECT a, (SELECT count(*) FROM u WHERE u.k = t.a) FROM t ORDER BY a')).toEqual([[1, 2], [2, 0], [3, 1], [4, 0]]);
    expect(await values('SELECT a FROM t WHERE a = (SELECT max(k) FROM u WHERE k < 4)')).toEqual([[3]]);
  });

  it('keeps NOT IN null semantics, including for constant probes', async () => {
    s.register('nk', new arrow.Table({ k: arrow.vectorFromArray([2, null], new arrow.Int32()) }));
    expect(await values('SELECT a FROM t WHERE a NOT IN (SELECT k FROM nk)')).toEqual([]);
    expect(await values('SELECT a FROM t WHERE 1 NOT IN (SELECT k FROM nk)')).toEqual([]);
    expect(await values('SELECT a FROM t WHERE 1 NOT IN (SELECT k FROM u) ORDER BY a')).toEqual([]);
    expect(await values('SELECT a FROM t WHERE 7 NOT IN (SELECT k FROM u) ORDER BY a')).toEqual([[1], [2], [3], [4]]);
    expect(await values('SELECT a FROM t WHERE a IN (SELECT k FROM nk)')).toEqual([[2]]);
  });

  it('decorrelates non-equality scalar subqueries and EXISTS outside WHERE', async () => {
    expect(await values('SELECT a, (SELECT count(*) FROM t AS x WHERE x.a < t.a) FROM t ORDER BY a')).toEqual([[1, 0], [2, 1], [3, 2], [4, 3]]);
    expect(await values('SELECT a, EXISTS (SELECT 1 FROM u WHERE u.k = t.a) FROM t ORDER BY a')).toEqual([[1, true], [2, false], [3, true], [4, false]]);
    expect(await values('SELECT a FROM t WHERE a = 4 OR EXISTS (SELECT 1 FROM u WHERE u.k = t.a) ORDER BY a')).toEqual([[1], [3], [4]]);
    expect(await values('SELECT a, (SELECT t.a * 10) FROM t WHERE a < 3 ORDER BY a')).toEqual([[1, 10], [2, 20]]);
  });

  it('resolves USING columns, lateral aliases and CTE scopes as Spark does', async () => {
    expect(await values('SELECT a, t.a AS ta, u.k FROM t LEFT JOIN (SELECT k AS a, k FROM u) u USING (a) WHERE a > 2 ORDER BY 1')).toEqual([[3, 3, 3], [4, 4, null]]);
    expect(await values('SELECT a * 2 AS d, d + 1 AS e FROM t WHERE a = 1')).toEqual([[2, 3]]);
    await expect(s.sql('WITH x AS (SELECT 1 AS v), x AS (SELECT 2 AS v) SELECT * FROM x')).rejects.toThrow(/DUPLICATED_CTE_NAMES/);
    await expect(s.sql('WITH x AS (SELECT * FROM x) SELECT 1')).rejects.toMatchObject({ code: 'TABLE_NOT_FOUND' });
  });

  it('runs set operations, CTEs and recursive CTEs', async () => {
    expect(await values('SELECT a FROM t UNION SELECT k FROM u ORDER BY 1')).toEqual([[1], [2], [3], [4], [5]]);
    expect(await values('SELECT a FROM t INTERSECT SELECT k FROM u ORDER BY 1')).toEqual([[1], [3]]);
    expect(await values('SELECT k FROM u EXCEPT ALL SELECT a FROM t ORDER BY 1')).toEqual([[1], [5]]);
    expect(await values('WITH c AS (SELECT a * 2 AS d FROM t) SELECT sum(d) FROM c')).toEqual([[20]]);
    expect(await values('WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT sum(n) FROM r')).toEqual([[15]]);
  });

  it('binds parameters as values, never text', async () => {
    await expect(s.sql('SELECT a FROM t WHERE b = ? ORDER BY a')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((await rows('SELECT a FROM t WHERE b = ? ORDER BY a', ['x'])).map((r) => r['a'])).toEqual([1, 3]);
    expect((await rows('SELECT a FROM t WHERE a = :id', { id: 2 })).map((r) => r['a'])).toEqual([2]);
    expect(await rows("SELECT count(*) AS n FROM t WHERE b = ?", ["x' OR '1'='1"])).toEqual([{ n: 0 }]);
  });

  it('returns plain JS values and Arrow results', async () => {
    const r = await s.sql("SELECT 1 AS i, 9007199254740993L AS big, 'a' AS s, DATE '2020-01-02' AS d, 1.5 AS dec, NULL AS n");
    expect(r.rowCount).toBe(1);
    expect(r.schema.fields.map((f) => f.name)).toEqual(['i', 'big', 's', 'd', 'dec', 'n']);
    const row = r.rows()[0]!;
    expect(row['i']).toBe(1);
    expect(row['big']).toBe(9007199254740993n);
    expect(row['d']).toEqual(new Date(Date.UTC(2020, 0, 2)));
    expect(row['dec']).toBe(1.5);
    expect(row['n']).toBeNull();
    let batches = 0;
    for await (const b of r) batches += b.numRows;
    expect(batches).toBe(1);
  });

  it('raises DeltaSqlError with codes and positions', async () => {
    await expect(s.sql('SELECT nope FROM t')).rejects.toMatchObject({ code: 'UNKNOWN_COLUMN' });
    await expect(s.sql('SELECT * FROM missing_table')).rejects.toMatchObject({ code: 'TABLE_NOT_FOUND' });
    await expect(s.sql('SELECT foo(a) FROM t')).rejects.toBeInstanceOf(DeltaSqlError);
  });
});

describe('Session over Delta tables', () => {
  const basic = `delta.\`${TABLES}/dat__basic_partitioned/delta\``;
  it('reads a path table, with time travel', async () => {
    expect(await values(`SELECT * FROM delta.\`${TABLES}/delta-rs__simple_table/delta\` ORDER BY 1`)).toEqual([[5], [7], [9]]);
    expect(await values(`SELECT count(*) FROM ${basic}`)).toEqual([[6]]);
    const v0 = await values(`SELECT count(*) FROM ${basic} VERSION AS OF 0`);
    expect(Number(v0[0]?.[0])).toBeLessThan(6);
  });

  it('prunes partitions and shows it in EXPLAIN', async () => {
    expect(await values(`SELECT letter, number FROM ${basic} WHERE letter = 'a' ORDER BY number`)).toEqual([['a', 1], ['a', 4]]);
    const plan = String((await rows(`EXPLAIN SELECT * FROM ${basic} WHERE letter = 'a'`))[0]?.['plan']);
    expect(plan).toMatch(/files: 2 of 6 after partition pruning and stats skipping/);
    expect(plan).toContain("Filter (letter = 'a')");
  });
});

describe('Session over files', () => {
  it('reads CSV files through read_csv with an inferred schema', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'deltasql-session-'));
    const file = join(dir, 'people.csv');
    await writeFile(file, 'id,name\n1,ann\n2,bob\n');
    expect(await values(`SELECT name FROM read_csv('${file}') AS p WHERE p.id = 2`)).toEqual([['bob']]);
    const r = await s.sql(`SELECT * FROM read_csv('${file}')`);
    expect(r.schema.fields.map((f) => f.name)).toEqual(['id', 'name']);
  });
});

describe('Session statements', () => {
  it('creates, inserts into, queries, describes and drops warehouse tables', async () => {
    await s.sql('CREATE TABLE people (id INT, name STRING) PARTITIONED BY (name)');
    const ins = await s.sql("INSERT INTO people VALUES (1, 'a'), (2, 'b'), (NULL, 'a')");
    expect(ins.kind).toBe('ok');
    expect(ins.affectedRows).toBe(3);
    await s.sql('INSERT INTO people SELECT id + 10, name FROM people WHERE id IS NOT NULL');
    expect(await values('SELECT id, name FROM people ORDER BY id NULLS FIRST')).toEqual([[null, 'a'], [1, 'a'], [2, 'b'], [11, 'a'], [12, 'b']]);
    expect(await values('DESCRIBE TABLE people')).toContainEqual(['id', 'int', null]);
    expect((await rows('SHOW TABLES')).map((r) => r['tableName'])).toContain('people');
    await s.sql('CREATE TABLE copy AS SELECT id, 1 AS one FROM people WHERE id > 10');
    expect(await values('SELECT * FROM copy ORDER BY id')).toEqual([[11, 1], [12, 1]]);
    await s.sql('DROP TABLE copy');
    await expect(s.sql('SELECT * FROM copy')).rejects.toMatchObject({ code: 'TABLE_NOT_FOUND' });
    await expect(s.sql("INSERT INTO people VALUES (1)")).rejects.toMatchObject({ code: 'ANALYSIS_ERROR' });
  });

  it('handles views, SET and multi-statement scripts', async () => {
    const r = await s.sql('CREATE OR REPLACE TEMP VIEW big AS SELECT a FROM t WHERE a > 2; SELECT * FROM big ORDER BY a');
    expect(r.rows()).toEqual([{ a: 3 }, { a: 4 }]);
    await s.sql('DROP VIEW big');
    await expect(s.sql('SELECT * FROM big')).rejects.toMatchObject({ code: 'TABLE_NOT_FOUND' });
    expect(await values('SET spark.sql.ansi.enabled')).toEqual([['spark.sql.ansi.enabled', 'true']]);
    s.config.set('deltasql.optimizer.excludedRules', 'predicate-pushdown');
    expect(await values('SELECT a FROM t WHERE a = 2')).toEqual([[2]]);
    s.config.reset('deltasql.optimizer.excludedRules');
  });
});
