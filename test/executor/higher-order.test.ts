import { describe, expect, it } from 'vitest';
import type { BoundExpr } from '../../planner/expr/bound-expr.js';
import type { PhysicalPlan } from '../../planner/physical/physical-plan.js';
import { arrayOf, type DataType } from '../../src/common/types/data-type.js';
import { col, ctx, f, lit, rows, T, values } from './helpers.js';
import { testFunctions } from './test-functions.js';

const c = ctx({ functions: testFunctions });
const arrT = arrayOf(T.long);
const input = values([f('k', T.long), f('arr', arrT)], [[1n, [1n, 2n]], [10n, [5n]], [3n, null], [4n, []], [5n, [null, 7n]]]);
const x: BoundExpr = { kind: 'lambda_var', slot: 0, type: T.long, name: 'x' };
const acc: BoundExpr = { kind: 'lambda_var', slot: 1, type: T.long, name: 'acc' };
const call = (name: string, args: BoundExpr[], type = T.long): BoundExpr => ({ kind: 'call', name, args, type, nullable: true });
const lambda = (body: BoundExpr, ...params: BoundExpr[]): BoundExpr => ({
  kind: 'lambda', body, type: 'type' in body ? body.type : T.boolean,
  params: params.map((p) => (p.kind === 'lambda_var' ? { slot: p.slot, type: p.type, name: p.name } : { slot: -1, type: T.long, name: '?' })),
});
const project = (e: BoundExpr, type: DataType = arrT): PhysicalPlan => ({ kind: 'project', schema: [f('r', type)], input, exprs: [e] });
const out = async (e: BoundExpr, type: DataType = arrT): Promise<unknown[]> => (await rows(project(e, type), c)).map((r) => r[0]);

describe('higher-order functions through the lambda hook', () => {
  it('transform sees outer columns', async () => {
    expect(await out(call('transform', [col(1, arrT), lambda(call('add', [x, col(0, T.long)]), x)], arrT))).toEqual([[2n, 3n], [15n], null, [], [null, 12n]]);
  });
  it('filter keeps TRUE elements', async () => {
    expect(await out(call('filter', [col(1, arrT), lambda(call('gt', [x, lit(1n, T.long)], T.boolean), x)], arrT))).toEqual([[2n], [5n], null, [], [7n]]);
  });
  it('exists / forall use three-valued logic', async () => {
    const gt5 = lambda(call('gt', [x, lit(5n, T.long)], T.boolean), x);
    expect(await out(call('exists', [col(1, arrT), gt5], T.boolean), T.boolean)).toEqual([false, false, null, false, true]);
    expect(await out(call('forall', [col(1, arrT), gt5], T.boolean), T.boolean)).toEqual([false, false, null, true, null]);
  });
  it('aggregate folds left with an optional finish', async () => {
    const merge = lambda(call('add', [acc, x]), acc, x);
    expect(await out(call('aggregate', [col(1, arrT), lit(100n, T.long), merge], T.long), T.long)).toEqual([103n, 105n, null, 100n, null]);
  });
});
