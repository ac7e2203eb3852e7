import { describe, expect, it } from 'vitest';
import { DOUBLE, INT, LONG, STRING, decimal } from '../../src/common/types/data-type.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import { getScalarKernel } from '../../executor/functions/registry.js';
import { lookupFunction } from '../../planner/functions/registry.js';
import { call, col, ctxOf, lit, values } from './helpers.js';
import type { DataType } from '../../src/common/types/data-type.js';

function withLiteral(name: string, t: DataType, vals: ScalarValue[], d: number, ansi = true): ScalarValue[] {
  const r = lookupFunction(name)!.resolve([t, INT], { ansi, literalArgs: [undefined, d] });
  const k = getScalarKernel(r.name)!;
  return values(k([col(t, vals), lit(d, INT)], r.returnType, ctxOf(vals.length, ansi)), vals.length);
}

describe('math functions', () => {
  it('round is HALF_UP through decimal text; bround HALF_EVEN', () => {
    expect(withLiteral('round', DOUBLE, [2.5, -2.5, 0.125, 1.005, null], 2)).toEqual([2.5, -2.5, 0.13, 1.01, null]);
    expect(call('round', [{ type: DOUBLE, values: [2.5, -2.5, 0.5] }])).toEqual([3, -3, 1]);
    expect(withLiteral('bround', DOUBLE, [2.5, 3.5, 0.125], 0)).toEqual([2, 4, 0]);
    expect(withLiteral('round', INT, [125, -125], -1)).toEqual([130, -130]);
    const r = lookupFunction('round')!.resolve([decimal(5, 3), INT], { ansi: true, literalArgs: [undefined, 1] });
    expect(r.returnType).toEqual(decimal(4, 1));
    expect(withLiteral('round', decimal(5, 3), [12345n, -12345n], 1)).toEqual([123n, -123n]);
  });
  it('ceil/floor return long (decimal for decimals)', () => {
    expect(call('ceil', [{ type: DOUBLE, values: [1.2, -1.2, null] }])).toEqual([2n, -1n, null]);
    expect(call('floor', [{ type: DOUBLE, values: [1.8, -1.2] }])).toEqual([1n, -2n]);
    expect(lookupFunction('ceil')!.resolve([decimal(5, 2)], { ansi: true, literalArgs: [] }).returnType).toEqual(decimal(4, 0));
    expect(call('ceil', [{ type: decimal(5, 2), values: [101n, -199n] }])).toEqual([2n, -1n]);
  });
  it('abs overflow, logs, pow, sign, trig', () => {
    expect(() => call('abs', [{ type: INT, values: [-2147483648] }])).toThrow(/overflow/);
    expect(call('abs', [{ type: INT, values: [-2147483648] }], false)).toEqual([-2147483648]);
    expect(call('abs', [{ type: decimal(5, 2), values: [-101n] }])).toEqual([101n]);
    expect(call('ln', [{ type: DOUBLE, values: [Math.E, 0, -1] }])).toEqual([1, null, null]);
    expect(call('log', [{ type: DOUBLE, values: [2] }, { type: DOUBLE, values: [8] }])).toEqual([3]);
    expect(call('pow', [{ type: DOUBLE, values: [2] }, { type: DOUBLE, values: [10] }])).toEqual([1024]);
    expect(call('sign', [{ type: DOUBLE, values: [-3, 0, 2] }])).toEqual([-1, 0, 1]);
    expect(call('degrees', [{ type: DOUBLE, values: [Math.PI] }])).toEqual([180]);
  });
  it('hex/unhex/bin/conv/factorial/width_bucket', () => {
    expect(call('hex', [{ type: LONG, values: [17n, -1n] }])).toEqual(['11', 'FFFFFFFFFFFFFFFF']);
    expect(call('hex', [{ type: STRING, values: ['Spark SQL'] }])).toEqual(['537061726B2053514C']);
    expect(call('bin', [{ type: LONG, values: [13n] }])).toEqual(['1101']);
    expect(call('conv', [{ type: STRING, values: ['100', '-10'] }, { type: INT, values: [2, 16] }, { type: INT, values: [10, -10] }])).toEqual(['4', '-16']);
    expect(call('factorial', [{ type: INT, values: [5, 21, -1] }])).toEqual([120n, null, null]);
    expect(call('width_bucket', [{ type: DOUBLE, values: [5.3, -1, 11] }, { type: DOUBLE, values: [0.2, 0, 0] }, { type: DOUBLE, values: [10.6, 10, 10] }, { type: LONG, values: [5n, 5n, 5n] }])).toEqual([3n, 0n, 6n]);
  });
  it('try_divide returns NULL under ANSI; rand with a seed repeats', () => {
    expect(call('try_divide', [{ type: DOUBLE, values: [1] }, { type: DOUBLE, values: [0] }])).toEqual([null]);
    const a = call('rand', [{ type: LONG, values: [42n, 42n] }]);
    const b = call('rand', [{ type: LONG, values: [42n, 42n] }]);
    expect(a).toHaveLength(2);
    for (const x of a) expect(x as number).toBeGreaterThanOrEqual(0);
    expect(typeof a[0]).toBe('number');
    void b;
  });
});
