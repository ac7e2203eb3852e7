import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeltaSqlError } from '../../src/common/errors.js';
import { formatSummary, runGoldenFiles } from '../../src/slt/run-golden-files.js';
import { parseSkipList } from '../../src/slt/skip-list.js';
import { cannedEngine, decimals, doubles, factoryOf, ints, OK, rows, strings, table, type CannedAnswer } from './canned-engine.js';

/** The worked example of FORMAT.md §6, verbatim. */
const WORKED_EXAMPLE = `# comment lines start with '#'
hash-threshold 8

statement ok
CREATE TABLE t1(a INTEGER, b VARCHAR(10))

statement ok
INSERT INTO t1 VALUES(1,'x'),(2,''),(3,NULL),(10,'y'),(9,'z')

statement error
INSERT INTO no_such_table VALUES(1)

query IT rowsort
SELECT a, b FROM t1 WHERE a < 4
----
1
x
2
(empty)
3
NULL

query IT rowsort
SELECT a, b FROM t1
----
10 values hashing to 7bed572f6b470a0217fdf216f9301e90

query I valuesort label-a
SELECT a FROM t1
----
1
10
2
3
9

skipif sqlite
query I valuesort label-a
SELECT a FROM t1 ORDER BY a DESC
----
1
10
2
3
9

query I nosort
SELECT a/4 FROM t1 WHERE a=10
----
2

query R nosort
SELECT 2.0/3
----
0.667

query I nosort
SELECT 1 WHERE 1=0
----

onlyif mssql
halt

query T nosort
SELECT 'after halt for mssql only'
----
after halt for mssql only
`;

function workedAnswers(): Record<string, CannedAnswer> {
  return {
    'CREATE TABLE t1(a INTEGER, b VARCHAR(10))': OK,
    "INSERT INTO t1 VALUES(1,'x'),(2,''),(3,NULL),(10,'y'),(9,'z')": { kind: 'ok', rowCount: 5 },
    'INSERT INTO no_such_table VALUES(1)': new DeltaSqlError('TABLE_NOT_FOUND', 'table no_such_table not found'),
    'SELECT a, b FROM t1 WHERE a < 4': rows(table({ a: ints([3, 1, 2]), b: strings([null, 'x', '']) })),
    'SELECT a, b FROM t1': rows(table({ a: ints([1, 2, 3, 10, 9]), b: strings(['x', '', null, 'y', 'z']) })),
    'SELECT a FROM t1': rows(table({ a: ints([1, 2, 3, 10, 9]) })),
    'SELECT a FROM t1 ORDER BY a DESC': rows(table({ a: ints([10, 9, 3, 2, 1]) })),
    'SELECT a/4 FROM t1 WHERE a=10': rows(table({ x: doubles([2.5]) })),
    'SELECT 2.0/3': rows(table({ x: decimals([666667n], 7, 6) })),
    'SELECT 1 WHERE 1=0': rows(table({ x: ints([]) })),
    "SELECT 'after halt for mssql only'": rows(table({ x: strings(['after halt for mssql only']) })),
  };
}

function writeTemp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'slt-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('runGoldenFiles on sqllogictest files', () => {
  it('passes the worked example of FORMAT.md with a correct engine', async () => {
    const path = writeTemp('worked.test', WORKED_EXAMPLE);
    const engine = cannedEngine(workedAnswers());
    const summary = await runGoldenFiles([path], { engineFactory: factoryOf(engine) });
    expect(summary.failures).toEqual([]);
    expect([summary.passed, summary.failed, summary.skipped]).toEqual([11, 0, 0]);
    expect(engine.contexts[0]).toEqual({ file: path, dialect: 'sqlite', config: { 'spark.sql.ansi.enabled': 'false' } });
    expect(engine.closed).toBe(1);
    expect(formatSummary(summary).split('\n').at(-1)).toBe('11 passed, 0 failed, 0 skipped');
  });

  it('skips conditionals and halts for the named engine', async () => {
    const path = writeTemp('worked.test', WORKED_EXAMPLE);
    const asSqlite = await runGoldenFiles([path], { engineFactory: factoryOf(cannedEngine(workedAnswers())), engineName: 'SQLite' });
    expect([asSqlite.passed, asSqlite.failed, asSqlite.skipped]).toEqual([10, 0, 1]);
    const engine = cannedEngine(workedAnswers());
    const asMssql = await runGoldenFiles([path], { engineFactory: factoryOf(engine), engineName: 'mssql' });
    expect([asMssql.passed, asMssql.failed, asMssql.skipped]).toEqual([10, 0, 0]);
    expect(engine.executed).not.toContain("SELECT 'after halt for mssql only'");
  });

  it('reports wrong results with file, line, SQL, expected and actual', async () => {
    const path = writeTemp('worked.test', WORKED_EXAMPLE);
    const answers = workedAnswers();
    answers['SELECT a, b FROM t1 WHERE a < 4'] = rows(table({ a: ints([1, 2, 3]), b: strings(['x', 'oops', null]) }));
    answers['SELECT a FROM t1'] = rows(table({ a: ints([1, 2, 3, 10, 8]) }));
    answers['INSERT INTO no_such_table VALUES(1)'] = OK;
    const failures: unknown[] = [];
    const summary = await runGoldenFiles([path], { engineFactory: factoryOf(cannedEngine(answers)), onFailure: (f) => failures.push(f) });
    expect(summary.failed).toBe(4); // wrong rows, statement error missing, wrong label-a values, label disagreement
    expect(failures).toHaveLength(4);
    const byLine = new Map(summary.failures.map((f) => [f.line, f]));
    expect(summary.failures.map((f) => f.kind)).toEqual(['result', 'result', 'result', 'result']);
    expect(byLine.get(10)).toMatchObject({ message: 'statement succeeded but an error was expected', sql: 'INSERT INTO no_such_table VALUES(1)' });
    expect(byLine.get(13)).toMatchObject({ message: 'wrong result', expected: '1\nx\n2\n(empty)\n3\nNULL', actual: '1\nx\n2\noops\n3\nNULL' });
    expect(byLine.get(28)?.message).toBe('wrong result');
    expect(byLine.get(37)?.message).toMatch(/labeled result does not agree with label-a \(line 28\)/);
    const text = formatSummary(summary);
    expect(text).toContain(`FAIL ${path}:13: wrong result`);
    expect(text).toContain('    SELECT a, b FROM t1 WHERE a < 4');
    expect(text.split('\n').at(-1)).toBe(`${summary.passed} passed, 4 failed, 0 skipped`);
  });

  it('checks column counts against the type letters', async () => {
    const path = writeTemp('cols.test', 'query II\nSELECT a FROM t\n----\n1\n');
    const summary = await runGoldenFiles([path], { engineFactory: factoryOf(cannedEngine({ 'SELECT a FROM t': rows(table({ a: ints([1]) })) })) });
    expect(summary.failures[0]?.message).toMatch(/1 columns but 2 type letters/);
  });

  it('runs DataFusion-style files: rows per line, error regexes, statement count, mode skip, EXPLAIN', async () => {
    const text = [
      'statement count 2',
      'INSERT INTO t VALUES (1), (2);',
      '',
      'query IT',
      'SELECT a, b FROM t;',
      '----',
      '1 one',
      '2 (empty)',
      '',
      'query error TABLE_NOT_FOUND: .*missing',
      'SELECT * FROM missing;',
      '',
      'statement error DIVIDE_BY_ZERO',
      'SELECT 1/0;',
      '',
      'mode skip',
      '',
      'query I',
      'SELECT broken',
      '----',
      '1',
      '',
      'mode unskip',
      '',
      'query TT',
      'EXPLAIN SELECT 1',
      '----',
      'logical_plan Projection: Int64(1)',
      'physical_plan ProjectionExec',
    ].join('\n');
    const path = writeTemp('df.slt', text);
    const answers: Record<string, CannedAnswer> = {
      'INSERT INTO t VALUES (1), (2)': { kind: 'ok', rowCount: 2 },
      'SELECT a, b FROM t': rows(table({ a: ints([1, 2]), b: strings(['one', '']) })),
      'SELECT * FROM missing': new DeltaSqlError('TABLE_NOT_FOUND', 'table missing not found'),
      'SELECT 1/0': new DeltaSqlError('DIVIDE_BY_ZERO', 'division by zero'),
    };
    const summary = await runGoldenFiles([path], { engineFactory: factoryOf(cannedEngine(answers)) });
    expect(summary.failures).toEqual([]);
    expect([summary.passed, summary.failed, summary.skipped]).toEqual([4, 0, 2]);

    answers['SELECT 1/0'] = new DeltaSqlError('ARITHMETIC_OVERFLOW', 'overflow');
    answers['INSERT INTO t VALUES (1), (2)'] = { kind: 'ok', rowCount: 3 };
    const strict = await runGoldenFiles([path], { engineFactory: factoryOf(cannedEngine(answers)) });
    expect(strict.failures.map((f) => f.message)).toEqual(['wrong affected row count', 'error does not match /DIVIDE_BY_ZERO/: ARITHMETIC_OVERFLOW: overflow']);
    const lenient = await runGoldenFiles([path], { engineFactory: factoryOf(cannedEngine(answers)), checkErrorMessages: false });
    expect(lenient.failed).toBe(1);
  });

  it('never accepts an internal error or a plain exception as the expected error', async () => {
    const path = writeTemp('int.test', 'statement error\nSELECT x\n\nstatement error\nSELECT y\n');
    const summary = await runGoldenFiles([path], {
      engineFactory: factoryOf(cannedEngine({ 'SELECT x': new DeltaSqlError('INTERNAL', 'boom'), 'SELECT y': new TypeError('undefined is not a function') })),
    });
    expect(summary.failed).toBe(2);
    expect(summary.failures[0]?.message).toMatch(/internal error \(a bug\)/);
    expect(summary.failures.map((f) => f.kind)).toEqual(['error', 'error']);
  });

  it('runs included files in the same session', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slt-inc-'));
    writeFileSync(join(dir, 'a.slt.part'), 'statement ok\nCREATE TABLE t(a INT)\n');
    writeFileSync(join(dir, 'main.slt'), 'include ./*.slt.part\n\nquery I\nSELECT count(*) FROM t\n----\n0\n');
    const engine = cannedEngine({ 'CREATE TABLE t(a INT)': OK, 'SELECT count(*) FROM t': rows(table({ c: ints([0]) })) });
    const summary = await runGoldenFiles([dir], { engineFactory: factoryOf(engine) });
    expect([summary.passed, summary.failed]).toEqual([2, 0]);
    expect(engine.executed).toEqual(['CREATE TABLE t(a INT)', 'SELECT count(*) FROM t']);
  });

  it('skips listed failures, and reports listed records that now pass', async () => {
    const path = writeTemp('worked.test', WORKED_EXAMPLE);
    const answers = workedAnswers();
    answers['SELECT a, b FROM t1 WHERE a < 4'] = new DeltaSqlError('UNSUPPORTED', 'nope');
    const skipList = parseSkipList('# known failures\nworked.test:13  # rowsort needs X\nworked.test:47  # I truncation\n');
    const summary = await runGoldenFiles([path], { engineFactory: factoryOf(cannedEngine(answers)), skipList });
    expect([summary.passed, summary.failed, summary.skipped]).toEqual([10, 0, 1]);
    expect(summary.staleSkips).toEqual([{ file: path, line: 47, reason: 'I truncation' }]);
    expect(formatSummary(summary)).toContain(`${path}:47  # I truncation`);

    const wholeFile = parseSkipList('worked.test  # not yet\n');
    const all = await runGoldenFiles([path], { engineFactory: factoryOf(cannedEngine(workedAnswers())), skipList: wholeFile });
    expect(all.staleSkips).toEqual([{ file: path, line: 0, reason: 'not yet' }]);
  });

  it('reports an unreadable path as an error', async () => {
    await expect(runGoldenFiles(['/nonexistent/x.slt'], { engineFactory: factoryOf(cannedEngine({})) })).rejects.toThrow(/no such golden file/);
  });
});
