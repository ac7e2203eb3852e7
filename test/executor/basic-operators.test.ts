import { describe, expect, it } from 'vitest';
import * as arrow from 'apache-arrow';
import type { PhysicalPlan } from '../../planner/physical/physical-plan.js';
import { collectPlan, executePlan } from '../../executor/run.js';
import { col, ctx, f, lit, rows, T, values } from './helpers.js';

const ab = values(
  [f('a', T.int), f('b', T.string)],
  [
    [1, 'x'],
    [null, 'y'],
    [3, null],
    [4, 'zé'],
  ],
);

describe('scans and simple operators', () => {
  it('values produces typed rows with NULLs', async () => {
    expect(await rows(ab)).toEqual([
      [1, 'x'],
      [null, 'y'],
      [3, null],
      [4, 'zé'],
    ]);
  });

  it('range follows Spark: step, negative step, empty', async () => {
    const r = (start: bigint, end: bigint, step: bigint): PhysicalPlan => ({ kind: 'range', schema: [f('id', T.long, false)], start, end, step });
    expect((await rows(r(0n, 5n, 2n))).map((x) => x[0])).toEqual([0n, 2n, 4n]);
    expect((await rows(r(5n, 0n, -2n))).map((x) => x[0])).toEqual([5n, 3n, 1n]);
    expect(await rows(r(5n, 0n, 1n))).toEqual([]);
    await expect(rows(r(0n, 5n, 0n))).rejects.toThrow(/step/);
  });

  it('range spans several batches', async () => {
    const t = await collectPlan({ kind: 'range', schema: [f('id', T.long, false)], start: 0n, end: 150000n, step: 1n }, ctx());
    expect(t.numRows).toBe(150000);
    expect(t.batches.length).toBeGreaterThan(1);
    expect(t.getChildAt(0)!.get(149999)).toBe(149999n);
  });

  it('filter keeps TRUE rows only (NULL drops)', async () => {
    const v = values([f('a', T.int), f('p', T.boolean)], [[1, true], [2, null], [3, false], [4, true]]);
    expect(await rows({ kind: 'filter', schema: v.schema, input: v, predicate: col(1, T.boolean) })).toEqual([
      [1, true],
      [4, true],
    ]);
  });

  it('project over filter evaluates only the selected rows', async () => {
    const v = values([f('a', T.int), f('p', T.boolean), f('s', T.string)], [[1, true, 'x'], [2, null, 'y'], [3, false, 'z'], [4, true, 'w']]);
    const filter: PhysicalPlan = { kind: 'filter', schema: v.schema, input: v, predicate: col(1, T.boolean) };
    const p: PhysicalPlan = { kind: 'project', schema: [f('s', T.string), f('k', T.int), f('a', T.int)], input: filter, exprs: [col(2, T.string), lit(9, T.int), col(0, T.int)] };
    expect(await rows(p)).toEqual([['x', 9, 1], ['w', 9, 4]]);
    const stats = new Map();
    expect(await rows(p, ctx({ operatorStats: stats }))).toEqual([['x', 9, 1], ['w', 9, 4]]);
    expect(stats.get(filter)?.rows).toBe(2);
  });

  it('project reorders columns and broadcasts literals', async () => {
    const p: PhysicalPlan = { kind: 'project', schema: [f('b', T.string), f('k', T.long)], input: ab, exprs: [col(1, T.string), lit(7n, T.long)] };
    expect(await rows(p)).toEqual([
      ['x', 7n],
      ['y', 7n],
      [null, 7n],
      ['zé', 7n],
    ]);
  });

  it('duplicate output names keep their own nullability', async () => {
    const p: PhysicalPlan = { kind: 'project', schema: [f('b', T.string, false), f('b', T.string)], input: ab, exprs: [lit('k', T.string), col(1, T.string)] };
    const t = await collectPlan(p, ctx());
    expect(t.schema.fields.map((x) => [x.name, x.nullable])).toEqual([['b', false], ['b', true]]);
    expect(t.getChildAt(1)!.get(2)).toBeNull();
  });

  it('limit and offset', async () => {
    expect(await rows({ kind: 'limit', schema: ab.schema, input: ab, limit: 2, offset: 1 })).toEqual([
      [null, 'y'],
      [3, null],
    ]);
    expect((await rows({ kind: 'limit', schema: ab.schema, input: ab, limit: undefined, offset: 3 })).length).toBe(1);
    expect(await rows({ kind: 'limit', schema: ab.schema, input: ab, limit: 0, offset: 0 })).toEqual([]);
  });

  it('union all concatenates inputs', async () => {
    expect((await rows({ kind: 'union', schema: ab.schema, inputs: [ab, ab] })).length).toBe(8);
  });

  it('empty results keep the schema', async () => {
    const t = await collectPlan({ kind: 'limit', schema: ab.schema, input: ab, limit: 0, offset: 0 }, ctx());
    expect(t.numRows).toBe(0);
    expect(t.schema.fields.map((x) => x.name)).toEqual(['a', 'b']);
  });

  it('memory scan projects registered tables', async () => {
    const table = arrow.tableFromArrays({ x: Int32Array.from([1, 2]), y: ['p', 'q'] });
    const c = ctx({ memoryTables: new Map([['t', table]]) });
    expect(await rows({ kind: 'memory_scan', schema: [f('y', T.string)], table: 't', columns: [1] }, c)).toEqual([['p'], ['q']]);
  });

  it('cancellation stops between batches', async () => {
    const ac = new AbortController();
    const plan: PhysicalPlan = { kind: 'range', schema: [f('id', T.long, false)], start: 0n, end: 1000000n, step: 1n };
    const it = executePlan(plan, ctx({ signal: ac.signal }))[Symbol.asyncIterator]();
    await it.next();
    ac.abort();
    await expect(it.next()).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('operator statistics', () => {
  it('records rows and batches per operator when asked', async () => {
    const stats = new Map();
    const input: PhysicalPlan = { kind: 'range', schema: [f('id', T.long, false)], start: 0n, end: 100000n, step: 1n };
    const plan: PhysicalPlan = { kind: 'limit', schema: input.schema, input, limit: 10, offset: 5 };
    await collectPlan(plan, ctx({ operatorStats: stats }));
    expect(stats.get(plan)).toMatchObject({ rows: 10, batches: 1 });
    expect(stats.get(input).rows).toBe(65536);
  });
});
