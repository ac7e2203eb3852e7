import { describe, expect, it } from 'vitest';
import { BINARY, DOUBLE, INT, LONG, STRING, arrayOf, field, mapOf, struct } from '../../src/common/types/data-type.js';
import { getAggregateKernel } from '../../executor/functions/registry.js';
import { arrayFromValues } from '../../executor/kernels/make-data-values.js';
import { readValues } from '../../executor/kernels/make-data-read.js';
import { lookupFunction } from '../../planner/functions/registry.js';
import { parseTypeText } from '../../planner/functions/parse-type-text.js';
import type { DataType } from "../../src/common/types/data-type.js";
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import { call, ctxOf } from './helpers.js';

const s = (values: (string | null)[]) => ({ type: STRING, values });

function agg(name: string, cols: ScalarValue[][], types: DataType[], groups: number[]): ScalarValue[] {
  const r = lookupFunction(name)!.resolve(types, { ansi: true, literalArgs: [] });
  const k = getAggregateKernel(r.name)!;
  const acc = k.create(r.argTypes, r.returnType, ctxOf(0));
  acc.update(cols.map((c, i) => arrayFromValues(r.argTypes[i]!, c)), Uint32Array.from(groups), Math.max(...groups) + 1);
  return readValues(acc.finish());
}

describe('more functions', () => {
  it('substring_index, levenshtein, overlay, elt, decode', () => {
    expect(call('substring_index', [s(['www.apache.org', 'www.apache.org']), s(['.', '.']), { type: INT, values: [2, -2] }])).toEqual(['www.apache', 'apache.org']);
    expect(call('levenshtein', [s(['kitten']), s(['sitting'])])).toEqual([3]);
    expect(call('overlay', [s(['Spark SQL']), s(['CORE']), { type: INT, values: [7] }])).toEqual(['Spark CORE']);
    expect(call('elt', [{ type: INT, values: [2] }, s(['scala']), s(['java'])])).toEqual(['java']);
    expect(call('decode', [{ type: INT, values: [2, 5, null] }, { type: INT, values: [1, 1, null] }, s(['one', 'one', 'nul']), { type: INT, values: [2, 2, 2] }, s(['two', 'two', 'two']), s(['other', 'other', 'other'])])).toEqual(['two', 'other', 'nul']);
    expect(call('decode', [{ type: BINARY, values: [new TextEncoder().encode('hé')] }, s(['UTF-8'])])).toEqual(['hé']);
  });
  it('try_add gives NULL only for overflowing rows', () => {
    expect(call('try_add', [{ type: INT, values: [2147483647, 1] }, { type: INT, values: [1, 1] }])).toEqual([null, 2]);
  });
  it('JSON functions', () => {
    expect(call('get_json_object', [s(['{"a":{"b":[10,20]},"c":"x"}', '{"a":{"b":[10,20]},"c":"x"}', 'bad']), s(['$.a.b[1]', '$.c', '$.a'])])).toEqual(['20', 'x', null]);
    expect(call('to_json', [{ type: struct([field('a', INT), field('b', STRING)]), values: [[1, 'x']] }])).toEqual(['{"a":1,"b":"x"}']);
    const r = lookupFunction('from_json')!.resolve([STRING, STRING], { ansi: true, literalArgs: [undefined, 'a INT, b STRING'] });
    expect(r.returnType).toEqual(struct([field('a', INT), field('b', STRING)]));
    expect(parseTypeText('map<string, array<decimal(10,2)>>')).toEqual(mapOf(STRING, arrayOf({ kind: 'decimal', precision: 10, scale: 2 })));
  });
  it('map_concat and str_to_map; duplicate keys raise', () => {
    const m = (k: string, v: number) => ({ type: mapOf(STRING, INT), values: [{ keys: [k], values: [v] }] });
    expect(call('map_concat', [m('a', 1), m('b', 2)])).toEqual([{ keys: ['a', 'b'], values: [1, 2] }]);
    expect(() => call('map_concat', [m('a', 1), m('a', 2)])).toThrow(/DUPLICATED_MAP_KEY/);
    expect(call('str_to_map', [s(['a:1,b:2'])])).toEqual([{ keys: ['a', 'b'], values: ['1', '2'] }]);
  });
  it('covariance, correlation, regression, skewness, kurtosis, mode', () => {
    const x = [1, 2, 3, 4, 5];
    const y = [2, 4, 6, 8, 11];
    const g = [0, 0, 0, 0, 0];
    expect(agg('covar_pop', [x, y], [DOUBLE, DOUBLE], g)[0]).toBeCloseTo(4.4, 12);
    expect(agg('covar_samp', [x, y], [DOUBLE, DOUBLE], g)[0]).toBeCloseTo(5.5, 12);
    expect(agg('corr', [x, x], [DOUBLE, DOUBLE], g)[0]).toBeCloseTo(1, 12);
    expect(agg('regr_slope', [y, x], [DOUBLE, DOUBLE], g)[0]).toBeCloseTo(2.2, 12);
    expect(agg('regr_intercept', [y, x], [DOUBLE, DOUBLE], g)[0]).toBeCloseTo(-0.4, 12);
    expect(agg('regr_count', [y, [1, null, 3, 4, 5]], [DOUBLE, DOUBLE], g)).toEqual([4n]);
    expect(agg('skewness', [[1, 2, 3, 10]], [DOUBLE], [0, 0, 0, 0])[0]).toBeCloseTo((2 * 180) / 50 ** 1.5, 12); // m2 = 50, m3 = 180 around mean 4
    expect(agg('kurtosis', [[1, 2, 3, 10]], [DOUBLE], [0, 0, 0, 0])[0]).toBeCloseTo((4 * 1394) / 2500 - 3, 12); // m4 = 1394
    expect(agg('mode', [[3, 1, 3, null, 1, 3]], [LONG], [0, 0, 0, 0, 0, 0].map(() => 0))).toEqual([3n]);
  });
});

describe('cast functions', () => {
  it('int(), timestamp(), decimal() and arrow_cast() cast like CAST', async () => {
    expect(call('int', [s(['12', ' 7 '])])).toEqual([12, 7]);
    expect(call('decimal', [s(['1.5'])])).toEqual([2n]);
    expect(call('timestamp', [s(['1970-01-01 00:00:01'])])).toEqual([1_000_000n]);
    const r = lookupFunction('arrow_cast')!.resolve([STRING, STRING], { ansi: true, literalArgs: [undefined, 'Int64'] });
    expect(r).toMatchObject({ name: 'cast_function', returnType: LONG });
    expect(() => lookupFunction('arrow_cast')!.resolve([STRING, STRING], { ansi: true, literalArgs: [undefined, 'Dictionary(Int32, Utf8)'] })).toThrow(/not supported/);
  });
});
