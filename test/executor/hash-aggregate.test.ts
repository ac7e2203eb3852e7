import { describe, expect, it } from 'vitest';
import type { AggregateCall, PhysicalPlan } from '../../planner/physical/physical-plan.js';
import { collectPlan } from '../../executor/run.js';
import { col, ctx, f, lit, rows, T, values } from './helpers.js';
import { testFunctions } from './test-functions.js';

const input = values(
  [f('g', T.string), f('h', T.int), f('x', T.int)],
  [
    ['a', 1, 10],
    [null, 1, 5],
    ['a', 2, null],
    ['b', 2, 7],
    [null, 2, 1],
    ['a', 1, 10],
  ],
);
const c = ctx({ functions: testFunctions });
const count: AggregateCall = { name: 'count', args: [], distinct: false, type: T.long };
const sumX: AggregateCall = { name: 'sum', args: [col(2, T.int)], distinct: false, type: T.long };
const sorted = (r: unknown[][]): string[] => r.map((x) => JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))).sort();

describe('hash aggregate', () => {
  it('groups with NULL as its own group', async () => {
    const plan: PhysicalPlan = {
      kind: 'hash_aggregate', schema: [f('g', T.string), f('n', T.long), f('s', T.long)], input,
      groupBy: [col(0, T.string)], aggregates: [count, sumX],
    };
    expect(sorted(await rows(plan, c))).toEqual(sorted([['a', 3n, 20n], [null, 2n, 6n], ['b', 1n, 7n]]));
  });

  it('no GROUP BY over no rows yields one row: count 0, sum NULL', async () => {
    const empty = values(input.schema, []);
    const plan: PhysicalPlan = { kind: 'hash_aggregate', schema: [f('n', T.long), f('s', T.long)], input: empty, groupBy: [], aggregates: [count, sumX] };
    expect(await rows(plan, c)).toEqual([[0n, null]]);
  });

  it('GROUP BY over no rows yields no rows', async () => {
    const empty = values(input.schema, []);
    const plan: PhysicalPlan = { kind: 'hash_aggregate', schema: [f('g', T.string), f('n', T.long)], input: empty, groupBy: [col(0, T.string)], aggregates: [count] };
    expect(await rows(plan, c)).toEqual([]);
  });

  it('DISTINCT and FILTER', async () => {
    const plan: PhysicalPlan = {
      kind: 'hash_aggregate', schema: [f('g', T.string), f('d', T.long), f('fs', T.long)], input,
      groupBy: [col(0, T.string)],
      aggregates: [
        { name: 'count', args: [col(2, T.int)], distinct: true, type: T.long },
        { name: 'sum', args: [col(2, T.int)], distinct: false, type: T.long, filter: { kind: 'call', name: 'eq', args: [col(1, T.int), lit(1, T.int)], type: T.boolean, nullable: true } },
      ],
    };
    expect(sorted(await rows(plan, c))).toEqual(sorted([['a', 1n, 20n], [null, 2n, 5n], ['b', 1n, null]]));
  });

  it('ORDER BY inside an aggregate feeds rows in that order (with FILTER)', async () => {
    const plan: PhysicalPlan = {
      kind: 'hash_aggregate', schema: [f('g', T.string), f('hi', T.long), f('lo', T.long)], input,
      groupBy: [col(0, T.string)],
      aggregates: [
        { name: 'first_seen', args: [col(2, T.int)], distinct: false, type: T.long, orderBy: [{ expr: col(2, T.int), ascending: false, nullsFirst: false }] },
        { name: 'first_seen', args: [col(2, T.int)], distinct: false, type: T.long, orderBy: [{ expr: col(1, T.int), ascending: true, nullsFirst: true }],
          filter: { kind: 'call', name: 'eq', args: [col(1, T.int), lit(2, T.int)], type: T.boolean, nullable: true } },
      ],
    };
    expect(sorted(await rows(plan, c))).toEqual(sorted([['a', 10n, null], [null, 5n, 1n], ['b', 7n, 7n]]));
  });

  it('ROLLUP as grouping sets with Spark grouping_id', async () => {
    const plan: PhysicalPlan = {
      kind: 'hash_aggregate', schema: [f('g', T.string), f('h', T.int), f('grouping_id', T.long), f('n', T.long)], input,
      groupBy: [col(0, T.string), col(1, T.int)], groupingSets: [[0, 1], [0], []], aggregates: [count],
    };
    expect(sorted(await rows(plan, c))).toEqual(
      sorted([
        ['a', 1, 0n, 2n], ['a', 2, 0n, 1n], [null, 1, 0n, 1n], [null, 2, 0n, 1n], ['b', 2, 0n, 1n],
        ['a', null, 1n, 3n], [null, null, 1n, 2n], ['b', null, 1n, 1n],
        [null, null, 3n, 6n],
      ]),
    );
  });

  it('NaN groups together and -0.0 with 0.0', async () => {
    const d = values([f('v', T.double)], [[NaN], [0], [-0], [NaN], [1.5]]);
    const plan: PhysicalPlan = { kind: 'hash_aggregate', schema: [f('v', T.double), f('n', T.long)], input: d, groupBy: [col(0, T.double)], aggregates: [count] };
    const r = await rows(plan, c);
    expect(r.length).toBe(3);
    expect(r.map((x) => x[1]).sort()).toEqual([1n, 2n, 2n]);
  });

  it('many groups across batches', async () => {
    const range: PhysicalPlan = { kind: 'range', schema: [f('id', T.long, false)], start: 0n, end: 200000n, step: 1n };
    const plan: PhysicalPlan = { kind: 'hash_aggregate', schema: [f('id', T.long), f('n', T.long)], input: range, groupBy: [col(0, T.long)], aggregates: [count] };
    const t = await collectPlan(plan, c);
    expect(t.numRows).toBe(200000);
    const counts = t.getChildAt(1)!.toArray() as BigInt64Array;
    expect(counts.every((x) => x === 1n)).toBe(true);
    const ids = Array.from(t.getChildAt(0)!.toArray() as BigInt64Array, Number).sort((a, b) => a - b);
    expect(ids[0]).toBe(0);
    expect(ids[199999]).toBe(199999);
  });
});
