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

describe('window frames with the library accumulators (state/merge)', () => {
  const data: [string, number, number | null][] = Array.from({ length: 120 }, (_, i) => [i % 2 === 0 ? 'x' : 'y', i, i % 7 === 0 ? null : (i * 37) % 23]);
  const inp = values([f('p', T.string), f('o', T.int), f('v', T.long)], data.map(([p, o, v]) => [p, o, v === null ? null : BigInt(v)]));
  const frame = { unit: 'rows' as const, start: -3, end: 2 };
  const plan = (name: string, type: typeof T.long): PhysicalPlan => ({
    kind: 'window', schema: [...inp.schema, f('w', type)], input: inp,
    partitionBy: [col(0, T.string)], orderBy: [{ expr: col(1, T.int), ascending: true, nullsFirst: true }],
    functions: [{ name, args: [col(2, T.long)], distinct: false, ignoreNulls: false, frame, type }],
  });
  const expected = (part: string, agg: (xs: number[]) => number | null): (number | null)[] => {
    const vs = data.filter((d) => d[0] === part).map((d) => d[2]);
    return vs.map((_, i) => agg(vs.slice(Math.max(0, i - 3), i + 3).filter((x): x is number => x !== null)));
  };
  for (const [name, type, agg] of [
    ['sum', T.long, (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) : null)],
    ['count', T.long, (xs: number[]) => xs.length],
    ['min', T.long, (xs: number[]) => (xs.length ? Math.min(...xs) : null)],
    ['max', T.long, (xs: number[]) => (xs.length ? Math.max(...xs) : null)],
    ['avg', T.double, (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)],
  ] as const) {
    it(`sliding ${name}`, async () => {
      const r = await rows(plan(name, type));
      for (const part of ['x', 'y']) {
        const got = r.filter((x) => x[0] === part).map((x) => (x[3] === null ? null : Number(x[3])));
        const want = expected(part, agg);
        got.forEach((g, i) => (g === null || want[i] === null ? expect(g).toBe(want[i]) : expect(g).toBeCloseTo(want[i]!, 9)));
      }
    });
  }
});
