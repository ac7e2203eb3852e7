import { describe, expect, it } from 'vitest';
import { BYTE, DOUBLE, INT, LONG, DATE, decimal } from '../../src/common/types/data-type.js';
import { call, col, ctxOf, values } from './helpers.js';
import { getScalarKernel } from '../../executor/functions/registry.js';

describe('arithmetic kernels', () => {
  it('adds ints with NULLs', () => {
    expect(call('add', [{ type: INT, values: [1, null, 3] }, { type: INT, values: [10, 20, null] }])).toEqual([11, null, null]);
  });

  it('integer overflow raises under ANSI and wraps in legacy', () => {
    const args = [{ type: INT, values: [2147483647] }, { type: INT, values: [1] }];
    expect(() => call('add', args, true)).toThrow(expect.objectContaining({ code: 'ARITHMETIC_OVERFLOW' }));
    expect(call('add', args, false)).toEqual([-2147483648]);
    const mul = [{ type: INT, values: [65536] }, { type: INT, values: [65537] }];
    expect(call('multiply', mul, false)).toEqual([Math.imul(65536, 65537)]);
    expect(call('add', [{ type: BYTE, values: [127] }, { type: BYTE, values: [1] }], false)).toEqual([-128]);
  });

  it('long overflow is exact', () => {
    const max = 2n ** 63n - 1n;
    expect(() => call('add', [{ type: LONG, values: [max] }, { type: LONG, values: [1n] }])).toThrow(/overflow/);
    expect(call('add', [{ type: LONG, values: [max] }, { type: LONG, values: [1n] }], false)).toEqual([-(2n ** 63n)]);
    expect(call('multiply', [{ type: LONG, values: [9007199254740993n] }, { type: LONG, values: [3n] }])).toEqual([27021597764222979n]);
  });

  it('divide by zero: error in ANSI, NULL otherwise', () => {
    const args = [{ type: DOUBLE, values: [1, 4] }, { type: DOUBLE, values: [0, 2] }];
    expect(() => call('divide', args, true)).toThrow(expect.objectContaining({ code: 'DIVIDE_BY_ZERO' }));
    expect(call('divide', args, false)).toEqual([null, 2]);
  });

  it('/ on ints resolves to double; div to long', () => {
    expect(call('divide', [{ type: INT, values: [7] }, { type: INT, values: [2] }].map((a) => ({ ...a, type: DOUBLE })))).toEqual([3.5]);
    expect(call('div', [{ type: LONG, values: [-7n] }, { type: LONG, values: [2n] }])).toEqual([-3n]);
  });

  it('mod keeps the dividend sign; pmod is positive', () => {
    expect(call('mod', [{ type: INT, values: [-7, 7] }, { type: INT, values: [3, -3] }])).toEqual([-1, 1]);
    expect(call('pmod', [{ type: INT, values: [-7, 7] }, { type: INT, values: [3, 3] }])).toEqual([2, 1]);
  });

  it('decimal add/multiply/divide are exact with HALF_UP', () => {
    const a = decimal(10, 2);
    const b = decimal(5, 1);
    const r = call('add', [{ type: a, values: [12345n] }, { type: b, values: [-5n] }]);
    expect(r).toEqual([12295n]); // 123.45 + -0.5 = 122.95 at scale 2
    // 1 / 3 as decimal(1,0)/decimal(1,0) → decimal(7,6) = 0.333333
    expect(call('divide', [{ type: decimal(1, 0), values: [1n] }, { type: decimal(1, 0), values: [3n] }])).toEqual([333333n]);
    // 2/3 rounds half up: 0.666667
    expect(call('divide', [{ type: decimal(1, 0), values: [2n] }, { type: decimal(1, 0), values: [3n] }])).toEqual([666667n]);
    expect(call('multiply', [{ type: decimal(3, 2), values: [150n] }, { type: decimal(3, 2), values: [-250n] }])).toEqual([-37500n]);
  });

  it('decimal overflow: ANSI error, legacy NULL', () => {
    const t = decimal(38, 0);
    const big = 10n ** 38n - 1n;
    const args = [{ type: t, values: [big] }, { type: t, values: [big] }];
    expect(() => call('add', args, true)).toThrow(expect.objectContaining({ code: 'ARITHMETIC_OVERFLOW' }));
    expect(call('add', args, false)).toEqual([null]);
  });

  it('date + int and date - date', () => {
    expect(call('add', [{ type: DATE, values: [0, null] }, { type: INT, values: [31, 1] }])).toEqual([31, null]);
    expect(call('subtract', [{ type: DATE, values: [2] }, { type: DATE, values: [0] }])).toEqual([2n * 86_400_000_000n]);
  });

  it('all-scalar input returns a scalar; negate overflows MIN in ANSI', () => {
    const k = getScalarKernel('add')!;
    const r = k([{ kind: 'scalar', value: 1, type: INT }, { kind: 'scalar', value: 2, type: INT }], INT, ctxOf(5));
    expect(r).toEqual({ kind: 'scalar', value: 3, type: INT });
    const neg = getScalarKernel('negate')!;
    expect(() => neg([col(INT, [-2147483648])], INT, ctxOf(1))).toThrow(/overflow/);
    expect(values(neg([col(INT, [5, null])], INT, ctxOf(2)), 2)).toEqual([-5, null]);
  });
});

describe('long arithmetic fast path', () => {
  it('is exact on both sides of the double-exact boundary', () => {
    const xs = [2n ** 52n - 1n, -(2n ** 52n), 2n ** 52n, -(2n ** 60n), 123n, -5n, 2n ** 32n + 7n, -(2n ** 32n) - 3n];
    const ys = [2n ** 52n - 1n, -(2n ** 52n), 1n, 2n ** 60n - 1n, -456n, -7n, 2n ** 31n, 2n ** 33n];
    const add = call('add', [{ type: LONG, values: xs }, { type: LONG, values: ys }]);
    expect(add).toEqual(xs.map((x, i) => x + ys[i]!));
    const sub = call('subtract', [{ type: LONG, values: xs }, { type: LONG, values: ys }]);
    expect(sub).toEqual(xs.map((x, i) => x - ys[i]!));
    const ms = [2n ** 25n, -(2n ** 25n) + 1n, 2n ** 26n, 3n, -(2n ** 40n)];
    const mt = [2n ** 25n, 2n ** 25n - 1n, 2n ** 26n, -(2n ** 20n), 5n];
    expect(call('multiply', [{ type: LONG, values: ms }, { type: LONG, values: mt }])).toEqual(ms.map((x, i) => x * mt[i]!));
  });
});
