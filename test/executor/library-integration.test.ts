/** Operators with the real function library (executor/functions registry). */
import { describe, expect, it } from 'vitest';
import type { BoundExpr } from '../../planner/expr/bound-expr.js';
import type { PhysicalPlan } from '../../planner/physical/physical-plan.js';
import { col, ctx, f, lit, rows, T, values } from './helpers.js';

const v = values([f('x', T.double)], [[0], [2], [null], [4]]);
const x = col(0, T.double);
const call = (name: string, args: BoundExpr[], type = T.boolean): BoundExpr => ({ kind: 'call', name, args, type, nullable: true });
const inv = call('divide', [lit(1, T.double), x], T.double);
const project = (e: BoundExpr, type = T.double): PhysicalPlan => ({ kind: 'project', schema: [f('r', type)], input: v, exprs: [e] });

describe('with the function library', () => {
  it('ANSI division by zero raises; a CASE guard prevents it', async () => {
    await expect(rows(project(inv))).rejects.toMatchObject({ code: 'DIVIDE_BY_ZERO' });
    const e: BoundExpr = { kind: 'case', branches: [{ when: call('ne', [x, lit(0, T.double)]), then: inv }], otherwise: undefined, type: T.double };
    expect((await rows(project(e))).map((r) => r[0])).toEqual([null, 0.5, null, 0.25]);
  });

  it('non-ANSI division by zero gives NULL', async () => {
    expect((await rows(project(inv), ctx({ ansi: false }))).map((r) => r[0])).toEqual([null, 0.5, null, 0.25]);
  });

  it('filter with a comparison kernel', async () => {
    const plan: PhysicalPlan = { kind: 'filter', schema: v.schema, input: v, predicate: call('gt', [x, lit(1, T.double)]) };
    expect((await rows(plan)).map((r) => r[0])).toEqual([2, 4]);
  });
});
