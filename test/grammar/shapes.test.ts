import { describe, expect, it } from 'vitest';
import { parseExpression, parseStatement, printExpr } from '../../grammar/index.js';
import { strip } from './strip.js';

const expr = (sql: string): unknown => strip(parseExpression(sql));
const stmt = (sql: string): unknown => strip(parseStatement(sql));
const col = (...parts: string[]): unknown => ({ kind: 'column', parts });

describe('expression shapes', () => {
  it.each<[string, unknown]>([
    ['a.b.c', { kind: 'column', parts: ['a', 'b', 'c'], quoted: [false, false, false] }],
    ['`we``ird`.x', { kind: 'column', parts: ['we`ird', 'x'], quoted: [true, false] }],
    ['t.*', { kind: 'star', qualifier: ['t'] }],
    ['a <=> b', { kind: 'binaryOp', op: '<=>', left: col('a'), right: col('b') }],
    ['a == b', { kind: 'binaryOp', op: '=' }],
    ['a != b', { kind: 'binaryOp', op: '<>' }],
    ['a IS NOT NULL', { kind: 'isTest', test: 'null', negated: true }],
    ['a IS DISTINCT FROM b', { kind: 'isDistinctFrom', negated: false }],
    ['a NOT BETWEEN 1 AND 2', { kind: 'between', negated: true, low: { text: '1' }, high: { text: '2' } }],
    ['a IN (1, 2)', { kind: 'inList', list: [{ text: '1' }, { text: '2' }], negated: false }],
    ['a NOT IN (SELECT b FROM t)', { kind: 'inSubquery', negated: true, query: { kind: 'query' } }],
    ["a LIKE 'x!%' ESCAPE '!'", { kind: 'like', op: 'LIKE', escape: '!', pattern: { kind: 'string', value: 'x!%' } }],
    ["a NOT RLIKE '^x'", { kind: 'like', op: 'RLIKE', negated: true }],
    ["a ILIKE ALL ('a', 'b')", { kind: 'likeQuantified', op: 'ILIKE', quantifier: 'ALL' }],
    ["a LIKE SOME ('a')", { kind: 'likeQuantified', quantifier: 'ANY' }],
    ['CASE a WHEN 1 THEN 2 END', { kind: 'case', operand: col('a'), whens: [{ condition: { text: '1' }, result: { text: '2' } }] }],
    ['CASE WHEN a THEN 1 ELSE 0 END', { kind: 'case', whens: [{ condition: col('a') }], else: { text: '0' } }],
    ['CAST(a AS BIGINT)', { kind: 'cast', tryCast: false, syntax: 'function', type: { type: { kind: 'long' } } }],
    ['TRY_CAST(a AS DECIMAL(5,2))', { kind: 'cast', tryCast: true, type: { type: { kind: 'decimal', precision: 5, scale: 2 } } }],
    ['a::double', { kind: 'cast', syntax: 'colons', type: { type: { kind: 'double' } } }],
    ['count(DISTINCT a)', { kind: 'function', name: ['count'], distinct: true, args: [col('a')] }],
    ['count(*)', { kind: 'function', args: [{ kind: 'star' }] }],
    ['sum(a) FILTER (WHERE b)', { kind: 'function', filter: col('b') }],
    ['lag(a) IGNORE NULLS OVER w', { kind: 'function', nullTreatment: 'IGNORE', over: { kind: 'windowRef', name: { name: 'w' } } }],
    ['sum(a) OVER (w ROWS UNBOUNDED PRECEDING)', { over: { kind: 'windowSpec', baseName: { name: 'w' }, frame: { unit: 'ROWS', start: { type: 'unboundedPreceding' } } } }],
    ['f(x => 1)', { kind: 'function', args: [{ kind: 'namedArgument', name: { name: 'x' }, value: { text: '1' } }] }],
    ['(SELECT 1)', { kind: 'subquery' }],
    ['EXISTS (SELECT 1)', { kind: 'exists' }],
    ['f(a).b', { kind: 'fieldAccess', base: { kind: 'function' }, field: { name: 'b' } }],
    ['a[0]', { kind: 'subscript', base: col('a'), index: { text: '0' } }],
    ['x -> x + 1', { kind: 'lambda', params: [{ name: 'x' }], body: { op: '+' } }],
    ['(x, y) -> x', { kind: 'lambda', params: [{ name: 'x' }, { name: 'y' }] }],
    ['(a, b)', { kind: 'row', items: [col('a'), col('b')] }],
    [':p', { kind: 'namedParameter', name: 'p' }],
    ["INTERVAL '1-2' YEAR TO MONTH", { kind: 'interval', parts: [{ value: '1-2', quoted: true, unit: 'year', toUnit: 'month' }] }],
    ['INTERVAL 1 DAY 2 HOURS', { kind: 'interval', parts: [{ value: '1', unit: 'day' }, { value: '2', unit: 'hour' }] }],
    ["INTERVAL '3 days'", { kind: 'interval', parts: [{ value: '3 days', quoted: true }] }],
    ["DATE '2024-01-01'", { kind: 'typedLiteral', type: 'date', value: '2024-01-01' }],
    ["TIMESTAMP_NTZ '2024-01-01 10:00'", { kind: 'typedLiteral', type: 'timestamp_ntz' }],
    ["X'0aFF'", { kind: 'binaryLiteral', hex: '0aFF' }],
    ["'it''s'", { kind: 'string', value: 'its' }],
    ["'a\\tb\\u0041\\\\'", { kind: 'string', value: 'a\tbA\\' }],
    ['"dq"', { kind: 'string', value: 'dq' }],
    ["r'\\n'", { kind: 'string', value: '\\n' }],
    ['1e3', { kind: 'number', text: '1e3' }],
    ['.5', { kind: 'number', text: '.5' }],
    ['12S', { kind: 'number', text: '12', suffix: 'S' }],
    ['TRUE AND NULL', { op: 'AND', left: { kind: 'boolean', value: true }, right: { kind: 'null' } }],
    ['EXTRACT(year FROM d)', { kind: 'extract', field: 'YEAR', source: col('d') }],
    ["TRIM(LEADING 'x' FROM s)", { kind: 'trim', mode: 'LEADING', chars: { value: 'x' } }],
    ['SUBSTRING(s FROM 2 FOR 3)', { kind: 'function', name: ['substring'], args: [col('s'), { text: '2' }, { text: '3' }] }],
    ['current_timestamp', { kind: 'function', name: ['current_timestamp'], parenless: true }],
    ['a /* c /* nested */ */ + -- line\n b', { op: '+', left: col('a'), right: col('b') }],
    ['a - -1', { op: '-', right: { kind: 'number', text: '-1' } }],
    ['a << 2 & 3', { op: '&', left: { op: '<<' } }],
    ['a DIV b', { op: 'DIV' }],
  ])('%s', (sql, shape) => {
    expect(expr(sql)).toMatchObject(shape as object);
    expect(strip(parseExpression(printExpr(parseExpression(sql))))).toEqual(expr(sql));
  });

  it('records spans of the source text', () => {
    const e = parseExpression('  a +\n  bc');
    expect(e.span.start).toEqual({ line: 1, column: 3, offset: 2 });
    expect(e.span.end).toEqual({ line: 2, column: 5, offset: 10 });
  });
});

describe('query and statement shapes', () => {
  it('keeps clause structure', () => {
    expect(stmt('select distinct a as x, b y from t1 as u join t2 on u.a = t2.a where a > 1 group by 1 having count(*) > 1 order by 2 desc nulls first limit all offset 3')).toMatchObject({
      kind: 'query',
      body: {
        kind: 'select',
        distinct: true,
        items: [{ alias: { name: 'x' } }, { alias: { name: 'y' } }],
        from: [{ kind: 'join', type: 'inner', left: { kind: 'tableRef', alias: { name: { name: 'u' } } }, right: { name: { parts: ['t2'] } } }],
        where: { op: '>' },
        groupBy: { all: false, items: [{ kind: 'number', text: '1' }] },
        having: { op: '>' },
      },
      orderBy: [{ direction: 'DESC', nulls: 'FIRST' }],
      limit: 'all',
      offset: { text: '3' },
    });
  });

  it('distinguishes join kinds', () => {
    const from = (sql: string): unknown => (stmt(`SELECT * FROM a ${sql} b ON x`) as { body: { from: unknown[] } }).body.from[0];
    expect(from('LEFT JOIN')).toMatchObject({ type: 'left' });
    expect(from('LEFT SEMI JOIN')).toMatchObject({ type: 'semi' });
    expect(from('ANTI JOIN')).toMatchObject({ type: 'anti' });
    expect(from('FULL OUTER JOIN')).toMatchObject({ type: 'full' });
    expect(from('NATURAL RIGHT JOIN')).toMatchObject({ type: 'right', natural: true });
  });

  it('builds Delta statements', () => {
    expect(stmt('OPTIMIZE delta.`/t` ZORDER BY a, b')).toMatchObject({ kind: 'optimize', table: { parts: ['delta', '/t'] }, zorderBy: [col('a'), col('b')] });
    expect(stmt("RESTORE TABLE t TO TIMESTAMP AS OF '2024-01-01'")).toMatchObject({ kind: 'restore', timeTravel: { by: 'timestamp', value: { value: '2024-01-01' } } });
    expect(stmt('DESCRIBE HISTORY t')).toMatchObject({ kind: 'describeHistory', table: { parts: ['t'] } });
    expect(stmt('CREATE TABLE c SHALLOW CLONE s')).toMatchObject({ kind: 'cloneTable', shallow: true, source: { parts: ['s'] } });
    expect(stmt('CONVERT TO DELTA parquet.`/p` NO STATISTICS')).toMatchObject({ kind: 'convertToDelta', source: { parts: ['parquet', '/p'] }, noStatistics: true });
    expect(stmt('MERGE INTO t USING s ON t.k = s.k WHEN NOT MATCHED BY SOURCE THEN DELETE')).toMatchObject({
      kind: 'merge',
      source: { kind: 'tableRef' },
      clauses: [{ kind: 'whenNotMatchedBySource', action: { kind: 'mergeDelete' } }],
    });
    expect(stmt('ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0)')).toMatchObject({ kind: 'alterTable', action: { kind: 'addConstraint', name: { name: 'c' }, check: { op: '>' } } });
    expect(stmt('ALTER TABLE t CHANGE COLUMN a a BIGINT')).toMatchObject({ action: { kind: 'alterColumn', changes: [{ kind: 'type', type: { type: { kind: 'long' } } }] } });
    expect(stmt('EXPLAIN SELECT 1')).toMatchObject({ kind: 'explain', mode: 'simple', statement: { kind: 'query' } });
    expect(stmt('USE CATALOG c')).toMatchObject({ kind: 'use', target: 'catalog', name: { parts: ['c'] } });
    expect(stmt('RESET spark.x')).toEqual({ kind: 'reset', key: 'spark.x' });
    expect(stmt("SET a = 'b c'")).toEqual({ kind: 'set', key: 'a', value: 'b c' });
  });

  it('rejects MERGE clauses with the wrong action', () => {
    expect(() => parseStatement('MERGE INTO t USING s ON a WHEN MATCHED THEN INSERT *')).toThrow(/WHEN MATCHED clauses can only UPDATE or DELETE/);
  });

  it('treats keywords case-insensitively', () => {
    expect(stmt('select A from T where B is null')).toMatchObject({ body: { items: [{ expr: col('A') }], where: { kind: 'isTest' } } });
  });
});
