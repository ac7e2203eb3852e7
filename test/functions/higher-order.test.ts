import { describe, expect, it } from 'vitest';
import { BOOLEAN, INT, STRING, arrayOf, mapOf, type DataType } from '../../src/common/types/data-type.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import type { LambdaArg } from '../../executor/expr/function-lookup.js';
import { getHigherOrderKernel } from '../../executor/functions/registry.js';
import { arrayFromValues } from '../../executor/kernels/make-data-values.js';
import { readValues } from '../../executor/kernels/make-data-read.js';
import { lambdaParameterTypes, resolveHigherOrder } from '../../planner/functions/higher-order-functions.js';
import { col, ctxOf, values } from './helpers.js';

/** A lambda evaluated in JS over its parameter columns (and the outer row of each element). */
function lambda(resultType: DataType, arity: number, f: (args: ScalarValue[], row: number) => ScalarValue): LambdaArg {
  return {
    arity,
    resultType,
    apply(params, rows) {
      const cols = params.map(readValues);
      const out = Array.from(rows, (r, i) => f(cols.map((c) => c[i]!), r));
      return { kind: 'array', data: arrayFromValues(resultType, out) };
    },
  };
}

describe('higher-order functions', () => {
  const arrs = col(arrayOf(INT), [[1, 2, 3], null, [], [10, 20]]);
  it('types lambdas and calls', () => {
    expect(lambdaParameterTypes('transform', [arrayOf(INT), undefined], 1, 2)).toEqual([INT, INT]);
    expect(resolveHigherOrder('transform', [arrayOf(INT), STRING])).toEqual(arrayOf(STRING));
    expect(lambdaParameterTypes('map_filter', [mapOf(STRING, INT)], 1, 2)).toEqual([STRING, INT]);
  });
  it('transform with element and index; outer row visible', () => {
    const k = getHigherOrderKernel('transform')!;
    const r = k([arrs, lambda(INT, 2, ([x, i], row) => (x as number) + (i as number) + row * 100)], arrayOf(INT), ctxOf(4));
    expect(values(r, 4)).toEqual([[1, 3, 5], null, [], [310, 321]]);
  });
  it('filter, exists (three-valued), forall', () => {
    expect(values(getHigherOrderKernel('filter')!([arrs, lambda(BOOLEAN, 1, ([x]) => (x as number) % 2 === 0)], arrayOf(INT), ctxOf(4)), 4)).toEqual([[2], null, [], [10, 20]]);
    const withNull = col(arrayOf(INT), [[1, null], [7]]);
    expect(values(getHigherOrderKernel('exists')!([withNull, lambda(BOOLEAN, 1, ([x]) => (x === null ? null : (x as number) > 5))], BOOLEAN, ctxOf(2)), 2)).toEqual([null, true]);
    expect(values(getHigherOrderKernel('forall')!([arrs, lambda(BOOLEAN, 1, ([x]) => (x as number) > 1)], BOOLEAN, ctxOf(4)), 4)).toEqual([false, null, true, true]);
  });
  it('aggregate with finish, zip_with, map_filter', () => {
    const agg = getHigherOrderKernel('aggregate')!;
    const r = agg([arrs, { kind: 'scalar', value: 0, type: INT }, lambda(INT, 2, ([a, x]) => (a as number) + (x as number)), lambda(INT, 1, ([a]) => (a as number) * 10)], INT, ctxOf(4));
    expect(values(r, 4)).toEqual([60, null, 0, 300]);
    const zw = getHigherOrderKernel('zip_with')!;
    expect(values(zw([col(arrayOf(INT), [[1, 2]]), col(arrayOf(INT), [[10]]), lambda(INT, 2, ([a, b]) => (b === null ? null : (a as number) + (b as number)))], arrayOf(INT), ctxOf(1)), 1)).toEqual([[11, null]]);
    const mf = getHigherOrderKernel('map_filter')!;
    const m = col(mapOf(STRING, INT), [{ keys: ['a', 'b'], values: [1, 2] }]);
    expect(values(mf([m, lambda(BOOLEAN, 2, ([, v]) => (v as number) > 1)], mapOf(STRING, INT), ctxOf(1)), 1)).toEqual([{ keys: ['b'], values: [2] }]);
  });
});
