import { beforeAll, describe, expect, it } from 'vitest';
import { parseStatement } from '../../grammar/index.js';
import type { Query } from '../../grammar/ast/index.js';
import { DOUBLE, INT, LONG, STRING, typeToSql, type DataType, type StructField } from '../../src/common/types/data-type.js';
import { DeltaSqlError } from '../../src/common/errors.js';
import { tableKey } from '../../planner/bind/query-env.js';
import { planQuery, type PlannedQuery } from '../../planner/plan-query.js';
import type { TableSource } from '../../src/catalog/table-source.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import type { PhysicalPlan } from '../../planner/physical/physical-plan.js';
import { INT as I } from '../../src/common/types/data-type.js';

const f = (name: string, type: DataType = INT): StructField => ({ name, type, nullable: true, metadata: {} });
const tables = new Map<string, TableSource>([
  [tableKey(['t'], undefined), { kind: 'memory', name: 't', schema: [f('a'), f('b', STRING), f('Name', STRING)], rowCount: 10 }],
  [tableKey(['u'], undefined), { kind: 'memory', name: 'u', schema: [f('a'), f('k'), f('v', DOUBLE)], rowCount: 100 }],
]);

function plan(sql: string, params: { positional?: { value: number; type: typeof I }[] } = {}): PlannedQuery {
  const stmt = parseStatement(sql);
  if (stmt.kind !== 'query') throw new Error('not a query');
  return planQuery(stmt as Query, {
    settings: { ansi: true, timeZone: 'UTC', caseSensitive: false },
    tables,
    positionalParams: params.positional ?? [],
  });
}
const types = (sql: string): string[] => plan(sql).physical.schema.map((c) => typeToSql(c.type));
const names = (sql: string): string[] => plan(sql).physical.schema.map((c) => c.name);
function error(sql: string): DeltaSqlError {
  try {
    plan(sql);
  } catch (e) {
    if (e instanceof DeltaSqlError) return e;
    throw e;
  }
  throw new Error(`expected an error for: ${sql}`);
}
function kinds(p: LogicalPlan): string[] {
  const out: string[] = [p.kind + (p.kind === 'join' ? `:${p.joinType}` : '')];
  if ('input' in p) out.push(...kinds(p.input));
  if (p.kind === 'join' || p.kind === 'set_op') out.push(...kinds(p.left), ...kinds(p.right));
  return out;
}
function find(p: PhysicalPlan, kind: string): PhysicalPlan | undefined {
  if (p.kind === kind) return p;
  const kids: PhysicalPlan[] = 'input' in p ? [p.input] : 'left' in p ? [p.left, p.right] : 'inputs' in p ? [...p.inputs] : [];
  for (const k of kids) {
    const hit = find(k, kind);
    if (hit) return hit;
  }
  return undefined;
}

beforeAll(() => {
  parseStatement('SELECT 1'); // the parser builds itself once
}, 600_000);

describe('binder', () => {
  it('types literals as Spark does', () => {
    expect(types('SELECT 1, 2147483648, 9223372036854775808, 1L, 1.5, 0.05, 1e3, 1.5D, 1.5F, 1BD, 2Y, 3S, -2147483648, NULL, true, \'s\'')).toEqual([
      'int', 'bigint', 'decimal(19,0)', 'bigint', 'decimal(2,1)', 'decimal(2,2)', 'double', 'double', 'float', 'decimal(1,0)', 'tinyint', 'smallint', 'int', 'void', 'boolean', 'string',
    ]);
    expect(types("SELECT DATE '2020-01-01', TIMESTAMP '2020-01-01 10:00:00', X'0A'")).toEqual(['date', 'timestamp', 'binary']);
  });

  it('inserts explicit casts for implicit coercions', () => {
    const p = plan('SELECT a + 1L FROM t').physical;
    const proj = find(p, 'project');
    if (proj?.kind !== 'project') throw new Error('no project');
    const e = proj.exprs[0];
    expect(e?.kind === 'call' && e.name).toBe('add');
    expect(e?.kind === 'call' && e.args[0]?.kind).toBe('cast');
    expect(e?.kind === 'call' && typeToSql(e.type)).toBe('bigint');
  });

  it('resolves names case-insensitively and keeps the stored case in output names', () => {
    expect(names('SELECT NAME, t.A FROM T')).toEqual(['Name', 'a']);
    expect(names('SELECT *, u.* FROM t JOIN u ON t.a = u.k')).toEqual(['a', 'b', 'Name', 'a', 'k', 'v', 'a', 'k', 'v']);
    expect(names('SELECT * FROM t JOIN u USING (a)')).toEqual(['a', 'b', 'Name', 'k', 'v']);
    expect(names('SELECT a + 1, count(*), sum(a) AS s FROM t GROUP BY a')).toEqual(['(a + 1)', 'count(1)', 's']);
  });

  it('reports unknown columns with suggestions and a position', () => {
    const e = error('SELECT nmae\nFROM t');
    expect(e.code).toBe('UNKNOWN_COLUMN');
    expect(e.message).toContain('`nmae`');
    expect(e.message).toContain('`t.Name`');
    expect(e.position).toMatchObject({ line: 1, column: 8 });
  });

  it('reports ambiguous columns, unknown functions, and non-aggregated columns', () => {
    expect(error('SELECT a FROM t JOIN u ON t.a = u.k').code).toBe('AMBIGUOUS_COLUMN');
    const fn = error('SELECT frobnicate(a) FROM t');
    expect(fn.code).toBe('UNKNOWN_FUNCTION');
    expect(fn.message).toContain('frobnicate');
    const agg = error('SELECT a, b FROM t GROUP BY a');
    expect(agg.code).toBe('ANALYSIS_ERROR');
    expect(agg.message).toContain('MISSING_AGGREGATION');
    expect(error('SELECT a FROM t WHERE sum(a) > 1').message).toContain('not allowed in WHERE');
    expect(error('SELECT a FROM t UNION SELECT a, k FROM u').message).toContain('NUM_COLUMNS_MISMATCH');
    expect(error('SELECT a FROM t ORDER BY 3').message).toContain('position 3');
  });

  it('accepts GROUP BY ordinals and aliases, HAVING, and ORDER BY on columns not selected', () => {
    expect(names('SELECT a AS x, count(*) FROM t GROUP BY 1 HAVING count(*) > 1')).toEqual(['x', 'count(1)']);
    expect(names('SELECT a + 1 AS x, count(*) c FROM t GROUP BY x ORDER BY c')).toEqual(['x', 'c']);
    const hidden = plan('SELECT b FROM t ORDER BY a');
    expect(hidden.physical.schema.map((c) => c.name)).toEqual(['b']);
    expect(find(hidden.physical, 'sort')).toBeDefined();
    expect(error('SELECT DISTINCT b FROM t ORDER BY a').message).toContain('DISTINCT');
  });

  it('widens types across set operation branches and takes names from the first', () => {
    const p = plan('SELECT a AS first FROM t UNION ALL SELECT v FROM u');
    expect(p.physical.schema.map((c) => [c.name, typeToSql(c.type)])).toEqual([['first', 'double']]);
  });

  it('defaults window frames as Spark does', () => {
    const p = plan('SELECT sum(a) OVER (ORDER BY a), sum(a) OVER (), sum(a) OVER (ORDER BY a ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING) FROM t');
    const frames: unknown[] = [];
    const walk = (n: PhysicalPlan): void => {
      if (n.kind === 'window') frames.push(...n.functions.map((fn) => fn.frame));
      if ('input' in n) walk(n.input);
    };
    walk(p.physical);
    expect(frames).toContainEqual({ unit: 'range', start: undefined, end: 0 });
    expect(frames).toContainEqual({ unit: 'rows', start: undefined, end: undefined });
    expect(frames).toContainEqual({ unit: 'rows', start: -1, end: 2 });
  });

  it('decorrelates EXISTS / IN into semi and anti joins, scalar aggregates into a left join', () => {
    expect(kinds(plan('SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.k = t.a)').logical)).toContain('join:left_semi');
    expect(kinds(plan('SELECT a FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.k = t.a)').logical)).toContain('join:left_anti');
    const notIn = find(plan('SELECT a FROM t WHERE a NOT IN (SELECT k FROM u)').physical, 'hash_join');
    expect(notIn?.kind === 'hash_join' && [notIn.joinType, notIn.nullAware]).toEqual(['left_anti', true]);
    expect(kinds(plan('SELECT a, (SELECT max(v) FROM u WHERE u.k = t.a) FROM t').logical)).toContain('join:left');
    expect(error('SELECT (SELECT v FROM u WHERE u.k = t.a) FROM t').message).toContain('must be aggregated');
  });

  it('binds parameters as typed literals and rewrites special forms', () => {
    const p = plan('SELECT ? + 1', { positional: [{ value: 41, type: INT }] });
    expect(typeToSql(p.physical.schema[0]!.type)).toBe('int');
    const between = plan('SELECT a BETWEEN 1 AND 3, a IS DISTINCT FROM 2, nvl(b, \'x\'), if(a > 1, 1, 2L) FROM t');
    const proj = find(between.physical, 'project');
    if (proj?.kind !== 'project') throw new Error('no project');
    expect(proj.exprs[0]?.kind).toBe('and');
    expect(proj.exprs[1]?.kind === 'call' && proj.exprs[1].name).toBe('not');
    expect(proj.exprs[2]?.kind).toBe('coalesce');
    expect(proj.exprs[3]?.kind === 'case' && typeToSql(proj.exprs[3].type)).toBe(typeToSql(LONG));
  });

  it('types lambda parameters from the array arguments of higher-order functions', () => {
    expect(types('SELECT transform(array(1, 2), x -> x + 1L), filter(array(1, 2), (x, i) -> i > 0), aggregate(array(1, 2), 0L, (acc, x) -> acc + x)')).toEqual([
      'array<bigint>',
      'array<int>',
      'bigint',
    ]);
    expect(error('SELECT filter(array(1), x -> x + 1)').code).toBe('TYPE_MISMATCH');
  });

  it('shows pushed filters, pruned columns and joins in EXPLAIN-ready plans', () => {
    const p = plan('SELECT t.b FROM t, u WHERE t.a = u.k AND u.v > 1');
    const join = find(p.physical, 'hash_join');
    expect(join?.kind).toBe('hash_join');
    const scanU = find(join?.kind === 'hash_join' ? join.right : p.physical, 'memory_scan');
    expect(scanU?.kind === 'memory_scan' && scanU.columns).toEqual([1, 2]);
  });
});
