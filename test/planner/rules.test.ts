import { describe, expect, it } from 'vitest';
import { BOOLEAN, INT, LONG } from '../../src/common/types/data-type.js';
import type { BoundExpr } from '../../planner/expr/bound-expr.js';
import { colRef } from '../../planner/expr/expr-utils.js';
import type { LogicalPlan, ScanColumn, ScanPlan } from '../../planner/logical/logical-plan.js';
import { filter, join, limit, project, sort } from '../../planner/logical/plan-builder.js';
import { booleanSimplification } from '../../planner/rules/boolean-simplification.js';
import { constantFolding } from '../../planner/rules/constant-folding.js';
import { equiJoinKeys } from '../../planner/rules/equi-join-keys.js';
import { joinBuildSide } from '../../planner/rules/join-build-side.js';
import { limitPushdown } from '../../planner/rules/limit-pushdown.js';
import { predicatePushdown } from '../../planner/rules/predicate-pushdown.js';
import { projectionPruning } from '../../planner/rules/projection-pruning.js';
import { sortLimitToTopN } from '../../planner/rules/sort-limit-to-top-n.js';
import { optimize } from '../../planner/rules/index.js';
import { joinReorder } from '../../planner/rules/join-reorder.js';
import type { RuleContext } from '../../planner/rules/rule.js';

let next = 100;
const nextId = (): number => ++next;
const ctx: RuleContext = { evaluate: undefined, nextId };

function scan(name: string, rows: number, ...cols: string[]): ScanPlan {
  const output: ScanColumn[] = cols.map((c, i) => ({ id: nextId(), name: c, type: INT, nullable: true, sourceName: c, sourceIndex: i }));
  return { kind: 'scan', source: { kind: 'memory', table: name, rowCount: rows }, output, pruningFilters: [] };
}
const c = (p: LogicalPlan, i: number): BoundExpr => colRef(p.output[i]!);
const lit = (v: number): BoundExpr => ({ kind: 'literal', value: v, type: INT });
const call = (name: string, ...args: BoundExpr[]): BoundExpr => ({ kind: 'call', name, args, type: BOOLEAN, nullable: true });

/** Node kinds, depth first. */
function shape(p: LogicalPlan): string {
  switch (p.kind) {
    case 'join':
      return `join[${p.joinType}](${shape(p.left)}, ${shape(p.right)})`;
    case 'scan':
      return `scan(${p.output.map((o) => o.name).join(',')})`;
    case 'union':
      return `union(${p.inputs.map(shape).join(', ')})`;
    case 'values':
    case 'range':
    case 'work_table':
      return p.kind;
    case 'set_op':
    case 'recursive_cte':
      return p.kind;
    default:
      return `${p.kind}(${shape(p.input)})`;
  }
}

describe('optimizer rules', () => {
  it('pushes a filter through a projection and into the scan (keeping the filter)', () => {
    const s = scan('t', 10, 'a', 'b');
    const p = project(s, [c(s, 0), c(s, 1)], ['a', 'b'], nextId);
    const f = filter(p, call('gt', c(p, 0), lit(1)));
    const out = predicatePushdown.apply(f, ctx);
    expect(shape(out)).toBe('project(filter(scan(a,b)))');
    const sc = (out as { input: { input: ScanPlan } }).input.input;
    expect(sc.pruningFilters).toHaveLength(1);
  });

  it('splits WHERE conjuncts over a cross join into both sides and an inner join condition', () => {
    const l = scan('l', 10, 'a');
    const r = scan('r', 10, 'b');
    const j = join('cross', l, r, undefined);
    const cond: BoundExpr = { kind: 'and', args: [call('eq', c(l, 0), c(r, 0)), call('gt', c(l, 0), lit(1)), call('lt', c(r, 0), lit(5))] };
    const out = predicatePushdown.apply(filter(j, cond), ctx);
    expect(shape(out)).toBe('join[inner](filter(scan(a)), filter(scan(b)))');
    const keyed = equiJoinKeys.apply(out, ctx);
    expect(keyed.kind === 'join' && keyed.equi?.left.length).toBe(1);
    expect(keyed.kind === 'join' && keyed.condition).toBeUndefined();
  });

  it('never pushes a predicate into the NULL-producing side of an outer join', () => {
    const l = scan('l', 10, 'a');
    const r = scan('r', 10, 'b');
    const j = join('left', l, r, call('eq', c(l, 0), c(r, 0)));
    const out = predicatePushdown.apply(filter(j, call('is_null', c(r, 0))), ctx);
    expect(shape(out)).toBe('filter(join[left](scan(a), scan(b)))');
    const onRight = join('left', l, r, { kind: 'and', args: [call('eq', c(l, 0), c(r, 0)), call('gt', c(r, 0), lit(3))] });
    expect(shape(predicatePushdown.apply(onRight, ctx))).toBe('join[left](scan(a), filter(scan(b)))');
    const onLeft = join('left', l, r, { kind: 'and', args: [call('eq', c(l, 0), c(r, 0)), call('gt', c(l, 0), lit(3))] });
    expect(shape(predicatePushdown.apply(onLeft, ctx))).toBe('join[left](scan(a), scan(b))');
  });

  it('prunes scan columns to what is read above', () => {
    const s = scan('t', 10, 'a', 'b', 'c');
    const p = project(s, [c(s, 2)], ['c'], nextId);
    const out = projectionPruning.apply(p, ctx);
    expect(shape(out)).toBe('project(scan(c))');
  });

  it('turns ORDER BY + LIMIT into top-N after pushing the limit below a projection', () => {
    const s = scan('t', 10, 'a');
    const p = project(sort(s, [{ expr: c(s, 0), ascending: true, nullsFirst: true }]), [c(s, 0)], ['a'], nextId);
    const out = sortLimitToTopN.apply(limitPushdown.apply(limit(p, 3, 0), ctx), ctx);
    expect(shape(out)).toBe('project(top_n(scan(a)))');
  });

  it('simplifies boolean constants and drops always-true filters', () => {
    const s = scan('t', 10, 'a');
    const t: BoundExpr = { kind: 'literal', value: true, type: BOOLEAN };
    const f: BoundExpr = { kind: 'literal', value: false, type: BOOLEAN };
    expect(shape(booleanSimplification.apply(filter(s, { kind: 'and', args: [t, t] }), ctx))).toBe('scan(a)');
    const none = booleanSimplification.apply(filter(s, { kind: 'and', args: [call('gt', c(s, 0), lit(1)), f] }), ctx);
    expect(none.kind === 'values' && none.rows.length).toBe(0);
    const orTrue = booleanSimplification.apply(filter(s, { kind: 'or', args: [call('gt', c(s, 0), lit(1)), t] }), ctx);
    expect(shape(orTrue)).toBe('scan(a)');
  });

  it('folds only constants whose evaluation succeeds', () => {
    const s = scan('t', 10, 'a');
    const ok: BoundExpr = { kind: 'call', name: 'add', args: [lit(1), lit(2)], type: INT, nullable: false };
    const bad: BoundExpr = { kind: 'call', name: 'divide', args: [lit(1), lit(0)], type: INT, nullable: true };
    const evaluate = (e: BoundExpr): number => {
      if (e.kind === 'call' && e.name === 'divide') throw new Error('DIVIDE_BY_ZERO');
      return 3;
    };
    const p = project(s, [ok, bad], ['x', 'y'], nextId);
    const out = constantFolding.apply(p, { evaluate, nextId });
    if (out.kind !== 'project') throw new Error('expected project');
    expect(out.exprs[0]).toEqual({ kind: 'literal', value: 3, type: INT });
    expect(out.exprs[1]?.kind).toBe('call');
  });

  it('builds the hash table from the smaller input of an inner join', () => {
    const big = scan('big', 1000, 'a');
    const small = scan('small', 10, 'b');
    const j = equiJoinKeys.apply(join('inner', small, big, call('eq', c(small, 0), c(big, 0))), ctx);
    const out = joinBuildSide.apply(j, ctx);
    expect(out.kind === 'join' && out.buildSide).toBe('left');
    const left = joinBuildSide.apply(equiJoinKeys.apply(join('left', small, big, call('eq', c(small, 0), c(big, 0))), ctx), ctx);
    expect(left.kind === 'join' && left.buildSide).toBe('right');
  });

  it('reorders comma joins so every step joins on a condition', () => {
    const a = scan('a', 10, 'x');
    const b = scan('b', 1000, 'y');
    const cc = scan('c', 100, 'z', 'w');
    // FROM a, b, c WHERE a.x = c.z AND b.y = c.w: a and b are not connected directly.
    const chain = join('cross', join('cross', a, b, undefined), cc, undefined);
    const where: BoundExpr = { kind: 'and', args: [call('eq', c(a, 0), c(cc, 0)), call('eq', c(b, 0), c(cc, 1))] };
    const out = joinReorder.apply(predicatePushdown.apply(filter(chain, where), ctx), ctx);
    expect(shape(out)).toBe('project(join[inner](join[inner](scan(x), scan(z,w)), scan(y)))');
    expect(out.output.map((o) => o.name)).toEqual(['x', 'y', 'z', 'w']);
  });

  it('pushes filters on PARTITION BY columns below a window, but not others', () => {
    const s = scan('t', 10, 'a', 'b');
    const fn = { id: nextId(), name: 'rn', type: LONG, nullable: true };
    const w: LogicalPlan = {
      kind: 'window',
      input: s,
      partitionBy: [c(s, 0)],
      orderBy: [{ expr: c(s, 1), ascending: true, nullsFirst: true }],
      functions: [{ name: 'row_number', args: [], distinct: false, ignoreNulls: false, frame: { unit: 'rows', start: undefined, end: 0 }, type: LONG }],
      output: [...s.output, fn],
    };
    expect(shape(predicatePushdown.apply(filter(w, call('eq', c(s, 0), lit(1))), ctx))).toBe('window(filter(scan(a,b)))');
    expect(shape(predicatePushdown.apply(filter(w, call('eq', c(s, 1), lit(1))), ctx))).toBe('filter(window(scan(a,b)))');
  });

  it('can switch rules off by name', () => {
    const s = scan('t', 10, 'a', 'b');
    const p = project(s, [c(s, 0)], ['a'], nextId);
    expect(shape(optimize(p, ctx, new Set(['projection-pruning'])))).toBe('project(scan(a,b))');
    expect(shape(optimize(p, ctx))).toBe('project(scan(a))');
    void LONG;
  });
});
