import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PhysicalPlan, SortKey } from '../../planner/physical/physical-plan.js';
import { col, f, rows, T, values } from './helpers.js';

const key = (i: number, type = T.int, ascending = true, nullsFirst = ascending): SortKey => ({ expr: col(i, type), ascending, nullsFirst });

describe('sort', () => {
  it('defaults: ASC NULLS FIRST, DESC NULLS LAST', async () => {
    const v = values([f('a', T.int)], [[3], [null], [1], [2]]);
    expect((await rows({ kind: 'sort', schema: v.schema, input: v, keys: [key(0)] })).map((r) => r[0])).toEqual([null, 1, 2, 3]);
    expect((await rows({ kind: 'sort', schema: v.schema, input: v, keys: [key(0, T.int, false)] })).map((r) => r[0])).toEqual([3, 2, 1, null]);
    expect((await rows({ kind: 'sort', schema: v.schema, input: v, keys: [key(0, T.int, true, false)] })).map((r) => r[0])).toEqual([1, 2, 3, null]);
  });

  it('doubles: NaN is greatest, -0.0 equals 0.0 (stable)', async () => {
    const v = values([f('d', T.double), f('i', T.int)], [[NaN, 0], [1, 1], [-0, 2], [-Infinity, 3], [0, 4], [Infinity, 5]]);
    const r = await rows({ kind: 'sort', schema: v.schema, input: v, keys: [key(0, T.double)] });
    expect(r.map((x) => x[1])).toEqual([3, 2, 4, 1, 5, 0]);
  });

  it('strings by UTF-8 bytes, multi-key, stable', async () => {
    const v = values([f('s', T.string), f('n', T.int)], [['é', 1], ['z', 2], ['a', 3], ['Z', 4], ['😀', 5], ['a', 0], ['ab', 6]]);
    const r = await rows({ kind: 'sort', schema: v.schema, input: v, keys: [key(0, T.string)] });
    expect(r.map((x) => x[0])).toEqual(['Z', 'a', 'a', 'ab', 'z', 'é', '😀']);
    expect(r.filter((x) => x[0] === 'a').map((x) => x[1])).toEqual([3, 0]);
    const r2 = await rows({ kind: 'sort', schema: v.schema, input: v, keys: [key(0, T.string), key(1, T.int, false)] });
    expect(r2.filter((x) => x[0] === 'a').map((x) => x[1])).toEqual([3, 0]);
  });

  it('top-n equals a stable sort followed by limit/offset', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.option(fc.integer({ min: -5, max: 5 })), fc.option(fc.constantFrom('a', 'b', 'é', ''))), { maxLength: 40 }),
        fc.nat(10),
        fc.nat(5),
        fc.boolean(),
        fc.boolean(),
        async (data, limit, offset, asc, nullsFirst) => {
          const v = values([f('a', T.int), f('s', T.string)], data.map(([a, s]) => [a, s]));
          const keys = [key(0, T.int, asc, nullsFirst), key(1, T.string, !asc, !nullsFirst)];
          const sort: PhysicalPlan = { kind: 'sort', schema: v.schema, input: v, keys };
          const viaSort = await rows({ kind: 'limit', schema: v.schema, input: sort, limit, offset });
          const viaTopN = await rows({ kind: 'top_n', schema: v.schema, input: v, keys, limit, offset });
          expect(viaTopN).toEqual(viaSort);
        },
      ),
      { numRuns: 60 },
    );
  });
});
