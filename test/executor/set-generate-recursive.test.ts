import { describe, expect, it } from 'vitest';
import type { BoundExpr } from '../../planner/expr/bound-expr.js';
import type { PhysicalPlan } from '../../planner/physical/physical-plan.js';
import { arrayOf, mapOf, struct } from '../../src/common/types/data-type.js';
import { col, ctx, f, lit, rows, T, values } from './helpers.js';
import { testFunctions } from './test-functions.js';

const c = ctx({ functions: testFunctions });
const sorted = (r: unknown[][]): string[] => r.map((x) => JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))).sort();

describe('set operations', () => {
  const l = values([f('a', T.int), f('s', T.string)], [[1, 'x'], [1, 'x'], [1, 'x'], [null, null], [null, null], [2, 'y'], [3, 'z']]);
  const r = values([f('a', T.int), f('s', T.string)], [[1, 'x'], [null, null], [3, 'z'], [3, 'z'], [4, 'w']]);
  const op = (o: 'intersect' | 'except', all: boolean): PhysicalPlan => ({ kind: 'set_op', schema: l.schema, op: o, all, left: l, right: r });
  it('INTERSECT and INTERSECT ALL treat NULL as equal', async () => {
    expect(sorted(await rows(op('intersect', false), c))).toEqual(sorted([[1, 'x'], [null, null], [3, 'z']]));
    expect(sorted(await rows(op('intersect', true), c))).toEqual(sorted([[1, 'x'], [null, null], [3, 'z']]));
  });
  it('EXCEPT and EXCEPT ALL', async () => {
    expect(sorted(await rows(op('except', false), c))).toEqual(sorted([[2, 'y']]));
    expect(sorted(await rows(op('except', true), c))).toEqual(sorted([[1, 'x'], [1, 'x'], [null, null], [2, 'y']]));
  });
});

describe('generate', () => {
  const arrT = arrayOf(T.int);
  const input = values([f('id', T.int), f('xs', arrT)], [[1, [10, 20]], [2, []], [3, null], [4, [null]]]);
  const gen = (generator: string, outer: boolean, extra: ReturnType<typeof f>[]): PhysicalPlan => ({
    kind: 'generate', schema: [...input.schema, ...extra], input, generator, args: [col(1, arrT)], outer,
  });
  it('explode and explode OUTER', async () => {
    expect((await rows(gen('explode', false, [f('col', T.int)]))).map((x) => [x[0], x[2]])).toEqual([[1, 10], [1, 20], [4, null]]);
    expect((await rows(gen('explode', true, [f('col', T.int)]))).map((x) => [x[0], x[2]])).toEqual([[1, 10], [1, 20], [2, null], [3, null], [4, null]]);
  });
  it('posexplode', async () => {
    expect((await rows(gen('posexplode', false, [f('pos', T.int), f('col', T.int)]))).map((x) => [x[0], x[2], x[3]])).toEqual([[1, 0, 10], [1, 1, 20], [4, 0, null]]);
  });
  it('explode of a map gives key and value; inline gives struct fields', async () => {
    const mT = mapOf(T.string, T.int);
    const m = values([f('m', mT)], [[{ keys: ['a', 'b'], values: [1, 2] }]]);
    const plan: PhysicalPlan = { kind: 'generate', schema: [...m.schema, f('key', T.string), f('value', T.int)], input: m, generator: 'explode', args: [col(0, mT)], outer: false };
    expect((await rows(plan)).map((x) => x.slice(1))).toEqual([['a', 1], ['b', 2]]);
    const sT = arrayOf(struct([f('p', T.int), f('q', T.string)]));
    const s = values([f('s', sT)], [[[[1, 'u'], null, [3, 'w']]]]);
    const inl: PhysicalPlan = { kind: 'generate', schema: [...s.schema, f('p', T.int), f('q', T.string)], input: s, generator: 'inline', args: [col(0, sT)], outer: false };
    expect((await rows(inl)).map((x) => x.slice(1))).toEqual([[1, 'u'], [null, null], [3, 'w']]);
  });
});

describe('recursive CTE', () => {
  const schema = [f('n', T.long)];
  const work: PhysicalPlan = { kind: 'work_table', schema, cteId: 1 };
  const lt: BoundExpr = { kind: 'call', name: 'lt', args: [col(0, T.long), lit(5n, T.long)], type: T.boolean, nullable: true };
  const inc: BoundExpr = { kind: 'call', name: 'add', args: [col(0, T.long), lit(1n, T.long)], type: T.long, nullable: true };
  const recursive: PhysicalPlan = { kind: 'project', schema, input: { kind: 'filter', schema, input: work, predicate: lt }, exprs: [inc] };
  it('iterates until an iteration is empty', async () => {
    const plan: PhysicalPlan = { kind: 'recursive_cte', schema, cteId: 1, anchor: values(schema, [[1n]]), recursive, distinct: false, maxIterations: 100 };
    expect((await rows(plan, c)).map((x) => x[0])).toEqual([1n, 2n, 3n, 4n, 5n]);
  });
  it('distinct stops on rows seen before; the iteration limit raises', async () => {
    const mod: BoundExpr = { kind: 'literal', value: 1n, type: T.long };
    const cycle: PhysicalPlan = { kind: 'project', schema, input: work, exprs: [mod] };
    const plan: PhysicalPlan = { kind: 'recursive_cte', schema, cteId: 1, anchor: values(schema, [[1n], [1n]]), recursive: cycle, distinct: true, maxIterations: 10 };
    expect((await rows(plan, c)).map((x) => x[0])).toEqual([1n]);
    await expect(rows({ ...plan, distinct: false } as PhysicalPlan, c)).rejects.toThrow(/Recursion level limit 10/);
  });
});
