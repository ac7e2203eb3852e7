import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseStatement, printStatement } from '../../grammar/index.js';
import { strip } from './strip.js';
import { STATEMENTS } from './statement-samples.js';


describe('statements', () => {
  it.each(STATEMENTS)('parses and round-trips: %s', (sql) => {
    const ast = parseStatement(sql);
    const printed = printStatement(ast);
    expect(strip(parseStatement(printed))).toEqual(strip(ast));
  });

  it('splits scripts on semicolons and skips empty statements', () => {
    const stmts = parse('SELECT 1; ; SELECT 2;');
    expect(stmts.map((s) => s.kind)).toEqual(['query', 'query']);
  });

  it('builds the expected shapes', () => {
    expect(strip(parseStatement('CREATE TABLE t1(a INTEGER, b VARCHAR(30))'))).toMatchObject({
      kind: 'createTable',
      name: { parts: ['t1'] },
      columns: [
        { name: { name: 'a' }, type: { type: { kind: 'int' } } },
        { name: { name: 'b' }, type: { type: { kind: 'string' } } },
      ],
    });
    expect(strip(parseStatement('INSERT INTO t1(a,b) SELECT 1, 2'))).toMatchObject({
      kind: 'insert',
      overwrite: false,
      columns: [{ name: 'a' }, { name: 'b' }],
      source: { kind: 'query', body: { kind: 'select' } },
    });
    expect(strip(parseStatement('SELECT * FROM t@v5'))).toMatchObject({
      body: { from: [{ kind: 'tableRef', timeTravel: { by: 'version', value: { kind: 'number', text: '5' } } }] },
    });
    expect(strip(parseStatement('SELECT * FROM t@20240102030405006'))).toMatchObject({
      body: { from: [{ timeTravel: { by: 'timestamp', value: { kind: 'string', value: '2024-01-02 03:04:05.006' } } }] },
    });
    expect(strip(parseStatement('SELECT * FROM delta.`/p`'))).toMatchObject({
      body: { from: [{ name: { parts: ['delta', '/p'], quoted: [false, true] } }] },
    });
    expect(strip(parseStatement('SET a.b = 1'))).toEqual({ kind: 'set', key: 'a.b', value: '1' });
    expect(strip(parseStatement('VACUUM t RETAIN 1 HOURS'))).toMatchObject({ kind: 'vacuum', retainHours: { text: '1' }, dryRun: false });
    expect(strip(parseStatement('SELECT 1 UNION SELECT 2 INTERSECT SELECT 3'))).toMatchObject({
      body: { kind: 'setOperation', op: 'UNION', right: { kind: 'setOperation', op: 'INTERSECT' } },
    });
  });
});

describe('TPC-H', () => {
  const dir = '/work/shared/tpch';
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.sql')).sort() : [];
  it.skipIf(files.length === 0).each(files)('%s parses and round-trips', (file) => {
    const stmts = parse(readFileSync(join(dir, file), 'utf8'));
    expect(stmts.length).toBeGreaterThan(0);
    for (const s of stmts) expect(strip(parseStatement(printStatement(s)))).toEqual(strip(s));
  });
});
