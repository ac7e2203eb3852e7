import { describe, expect, it } from 'vitest';
import type { BoundExpr } from '../../planner/expr/bound-expr.js';
import type { PhysicalPlan } from '../../planner/physical/physical-plan.js';
import { col, ctx, f, lit, rows, T, values } from './helpers.js';
import { testFunctions } from './test-functions.js';

const c = ctx({ functions: testFunctions });
const v = values([f('x', T.int), f('b', T.boolean)], [[0, true], [2, null], [null, false], [4, true]]);
const call = (name: string, args: BoundExpr[], type = T.boolean): BoundExpr => ({ kind: 'call', name, args, type, nullable: true });
const project = (e: BoundExpr, type = T.double): PhysicalPlan => ({ kind: 'project', schema: [f('r', type)], input: v, exprs: [e] });
const x = col(0, T.int);
const inv = call('divide', [lit(1, T.int), x], T.double);

describe('expression evaluation', () => {
  it('a plain division by zero raises', async () => {
    await expect(rows(project(inv), c)).rejects.toMatchObject({ code: 'DIVIDE_BY_ZERO' });
  });

  it('CASE evaluates a branch only on the rows that reach it', async () => {
    const e: BoundExpr = { kind: 'case', branches: [{ when: call('ne', [x, lit(0, T.int)]), then: inv }], otherwise: lit(-1, T.double), type: T.double };
    expect((await rows(project(e), c)).map((r) => r[0])).toEqual([-1, 0.5, -1, 0.25]);
    const noElse: BoundExpr = { kind: 'case', branches: [{ when: call('ne', [x, lit(0, T.int)]), then: inv }], otherwise: undefined, type: T.double };
    expect((await rows(project(noElse), c)).map((r) => r[0])).toEqual([null, 0.5, null, 0.25]);
  });

  it('AND / OR short-circuit per row with three-valued logic', async () => {
    const guarded: BoundExpr = { kind: 'and', args: [call('ne', [x, lit(0, T.int)]), call('gt', [inv, lit(0.3, T.double)])] };
    expect((await rows(project(guarded, T.boolean), c)).map((r) => r[0])).toEqual([false, true, null, false]);
    const b = col(1, T.boolean);
    const or: BoundExpr = { kind: 'or', args: [b, call('eq', [x, lit(2, T.int)])] };
    expect((await rows(project(or, T.boolean), c)).map((r) => r[0])).toEqual([true, true, null, true]);
    const and3: BoundExpr = { kind: 'and', args: [b, lit(null, T.boolean)] };
    expect((await rows(project(and3, T.boolean), c)).map((r) => r[0])).toEqual([null, null, false, null]);
  });

  it('COALESCE evaluates later args only where earlier ones are NULL', async () => {
    const e: BoundExpr = { kind: 'coalesce', args: [col(1, T.boolean), call('gt', [inv, lit(0, T.double)])], type: T.boolean };
    // row 0 has b = true so 1/0 is never computed; row 2 has x NULL → NULL
    expect((await rows(project(e, T.boolean), c)).map((r) => r[0])).toEqual([true, true, false, true]);
  });

  it('scalar subquery: one value, NULL when empty, error when several rows', async () => {
    const one = values([f('v', T.int)], [[42]]);
    const e: BoundExpr = { kind: 'scalar_subquery', plan: one, type: T.int };
    expect((await rows(project(e, T.int), c)).map((r) => r[0])).toEqual([42, 42, 42, 42]);
    const none: BoundExpr = { kind: 'scalar_subquery', plan: values([f('v', T.int)], []), type: T.int };
    expect((await rows(project(none, T.int), c))[0]).toEqual([null]);
    const many: BoundExpr = { kind: 'scalar_subquery', plan: values([f('v', T.int)], [[1], [2]]), type: T.int };
    await expect(rows(project(many, T.int), c)).rejects.toThrow('more than one row returned by a subquery used as an expression');
  });

  it('IN and EXISTS subqueries with NULL semantics', async () => {
    const list = values([f('v', T.int)], [[2], [null]]);
    const inE: BoundExpr = { kind: 'in_subquery', plan: list, input: x, negated: false };
    expect((await rows(project(inE, T.boolean), c)).map((r) => r[0])).toEqual([null, true, null, null]);
    const notIn: BoundExpr = { kind: 'in_subquery', plan: values([f('v', T.int)], [[2]]), input: x, negated: true };
    expect((await rows(project(notIn, T.boolean), c)).map((r) => r[0])).toEqual([true, false, null, true]);
    const inEmpty: BoundExpr = { kind: 'in_subquery', plan: values([f('v', T.int)], []), input: x, negated: false };
    expect((await rows(project(inEmpty, T.boolean), c)).map((r) => r[0])).toEqual([false, false, false, false]);
    const ex: BoundExpr = { kind: 'exists_subquery', plan: list, negated: true };
    expect((await rows(project(ex, T.boolean), c)).map((r) => r[0])).toEqual([false, false, false, false]);
  });
});
