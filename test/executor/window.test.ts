import { describe, expect, it } from 'vitest';
import type { BoundExpr } from '../../planner/expr/bound-expr.js';
import type { PhysicalPlan, WindowCall, WindowFrame } from '../../planner/physical/physical-plan.js';
import { col, ctx, f, lit, rows, T, values } from './helpers.js';
import { testFunctions } from './test-functions.js';

const c = ctx({ functions: testFunctions });
// partition p, order o (ties), value v
const input = values(
  [f('p', T.string), f('o', T.int), f('v', T.int)],
  [
    ['a', 1, 10],
    ['a', 2, 20],
    ['a', 2, null],
    ['a', 4, 40],
    ['b', 5, 1],
    ['b', null, 2],
  ],
);
const ROWS_UNB: WindowFrame = { unit: 'rows', start: undefined, end: undefined };
const RANGE_RUNNING: WindowFrame = { unit: 'range', start: undefined, end: 0 };
const call = (name: string, args: BoundExpr[], type = T.int, frame: WindowFrame = ROWS_UNB, ignoreNulls = false): WindowCall => ({
  name, args, distinct: false, ignoreNulls, frame, type,
});
function win(functions: WindowCall[]): PhysicalPlan {
  return {
    kind: 'window',
    schema: [...input.schema, ...functions.map((fn, i) => f(`w${i}`, fn.type))],
    input,
    partitionBy: [col(0, T.string)],
    orderBy: [{ expr: col(1, T.int), ascending: true, nullsFirst: true }],
    functions,
  };
}
const out = async (fns: WindowCall[]): Promise<unknown[][]> => (await rows(win(fns), c)).map((r) => r.slice(3));

describe('window', () => {
  it('ranking functions with ties and NULL order keys', async () => {
    const r = await out([
      call('row_number', []), call('rank', []), call('dense_rank', []),
      call('percent_rank', [], T.double), call('cume_dist', [], T.double), call('ntile', [lit(2, T.int)]),
    ]);
    expect(r).toEqual([
      [1, 1, 1, 0, 0.25, 1],
      [2, 2, 2, 1 / 3, 0.75, 1],
      [3, 2, 2, 1 / 3, 0.75, 2],
      [4, 4, 3, 1, 1, 2],
      [1, 1, 1, 0, 0.5, 1],
      [2, 2, 2, 1, 1, 2],
    ]);
  });

  it('lag / lead with defaults and IGNORE NULLS', async () => {
    const v = col(2, T.int);
    const r = await out([
      call('lag', [v]), call('lead', [v, lit(1, T.int), lit(-1, T.int)]), call('lag', [v, lit(1, T.int)], T.int, ROWS_UNB, true),
    ]);
    expect(r).toEqual([
      [null, 20, null],
      [10, null, 10],
      [20, 40, 20],
      [null, -1, 20],
      [null, 1, null],
      [2, -1, 2],
    ]);
  });

  it('running sum with RANGE (peers share the value) vs ROWS', async () => {
    const v = col(2, T.int);
    const r = await out([
      call('sum', [v], T.long, RANGE_RUNNING),
      call('sum', [v], T.long, { unit: 'rows', start: undefined, end: 0 }),
      call('count', [v], T.long, { unit: 'rows', start: -1, end: 1 }),
      call('sum', [v], T.long, ROWS_UNB),
    ]);
    expect(r).toEqual([
      [10n, 10n, 2n, 70n],
      [30n, 30n, 2n, 70n],
      [30n, 30n, 2n, 70n],
      [70n, 70n, 1n, 70n],
      [2n, 2n, 2n, 3n],
      [3n, 3n, 2n, 3n],
    ]);
  });

  it('RANGE with value offsets and first/last/nth_value', async () => {
    const v = col(2, T.int);
    const frame: WindowFrame = { unit: 'range', start: -1, end: 0, startValue: 1, endValue: 0 };
    const r = await out([
      call('sum', [v], T.long, frame),
      call('first_value', [v], T.int, frame),
      call('last_value', [v], T.int, ROWS_UNB, true),
      call('nth_value', [v, lit(2, T.int)], T.int, ROWS_UNB),
    ]);
    expect(r.slice(0, 4)).toEqual([
      [10n, 10, 40, 20],
      [30n, 10, 40, 20],
      [30n, 10, 40, 20],
      [40n, 40, 40, 20],
    ]);
  });

  it('sliding frames agree with a direct computation', async () => {
    const data = Array.from({ length: 300 }, (_, i) => [i % 3 === 0 ? 'x' : 'y', i, (i * 7919) % 101]);
    const inp = values([f('p', T.string), f('o', T.int), f('v', T.int)], data);
    const plan: PhysicalPlan = {
      kind: 'window', schema: [...inp.schema, f('s', T.long)], input: inp,
      partitionBy: [col(0, T.string)], orderBy: [{ expr: col(1, T.int), ascending: true, nullsFirst: true }],
      functions: [call('sum', [col(2, T.int)], T.long, { unit: 'rows', start: -7, end: 3 })],
    };
    const r = await rows(plan, c);
    for (const part of ['x', 'y']) {
      const vs = data.filter((d) => d[0] === part).map((d) => d[2] as number);
      const got = r.filter((x) => x[0] === part).map((x) => x[3]);
      const want = vs.map((_, i) => BigInt(vs.slice(Math.max(0, i - 7), i + 4).reduce((a, b) => a + b, 0)));
      expect(got).toEqual(want);
    }
  });
});
