import { describe, expect, it } from 'vitest';
import { BOOLEAN, DATE, DOUBLE, FLOAT, INT, LONG, STRING, TIMESTAMP, arrayOf, decimal, field, struct, BYTE, SHORT } from '../../src/common/types/data-type.js';
import { castColumnar } from '../../executor/functions/registry.js';
import { call, col, ctxOf, values } from './helpers.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import type { DataType } from '../../src/common/types/data-type.js';

function cast(from: DataType, to: DataType, vals: ScalarValue[], mode: 'ansi' | 'try' | 'legacy', tz = 'UTC'): ScalarValue[] {
  return values(castColumnar(col(from, vals), from, to, mode, ctxOf(vals.length, mode === 'ansi', tz)), vals.length);
}

describe('comparisons', () => {
  it('compares strings by UTF-8 bytes (not UTF-16 units)', () => {
    // U+FF61 (EF BD A1) vs U+1F600 (F0 9F 98 80): UTF-16 puts the emoji first, UTF-8 after.
    expect(call('lt', [{ type: STRING, values: ['\uFF61', 'a', 'ab', null] }, { type: STRING, values: ['😀', 'b', 'a', 'x'] }])).toEqual([true, true, false, null]);
  });
  it('NaN equals NaN and is largest; -0.0 = 0.0', () => {
    expect(call('eq', [{ type: DOUBLE, values: [NaN, -0, 1] }, { type: DOUBLE, values: [NaN, 0, NaN] }])).toEqual([true, true, false]);
    expect(call('gt', [{ type: DOUBLE, values: [NaN, Infinity] }, { type: DOUBLE, values: [Infinity, NaN] }])).toEqual([true, false]);
  });
  it('eq_null_safe never returns NULL', () => {
    expect(call('eq_null_safe', [{ type: INT, values: [null, null, 1] }, { type: INT, values: [null, 1, 1] }])).toEqual([true, false, true]);
  });
  it('compares longs, decimals, booleans, dates and nested values', () => {
    expect(call('lt', [{ type: LONG, values: [2n ** 62n] }, { type: LONG, values: [2n ** 62n + 1n] }])).toEqual([true]);
    expect(call('ge', [{ type: decimal(38, 2), values: [-(10n ** 37n)] }, { type: decimal(38, 2), values: [5n] }])).toEqual([false]);
    expect(call('lt', [{ type: BOOLEAN, values: [false] }, { type: BOOLEAN, values: [true] }])).toEqual([true]);
    expect(call('eq', [{ type: arrayOf(INT), values: [[1, 2]] }, { type: arrayOf(INT), values: [[1, 2]] }])).toEqual([true]);
    expect(call('lt', [{ type: DATE, values: [-1] }, { type: DATE, values: [0] }])).toEqual([true]);
  });
  it('IN with NULL semantics', () => {
    expect(call('in', [{ type: INT, values: [1, 2, null] }, { type: INT, values: [1, 1, 1] }, { type: INT, values: [null, null, null] }])).toEqual([true, null, null]);
    expect(call('in', [{ type: STRING, values: ['a', 'c'] }, { type: STRING, values: ['a', 'a'] }, { type: STRING, values: ['b', 'b'] }])).toEqual([true, false]);
  });
  it('resolves comparison types per ANSI string promotion', async () => {
    const { resolveComparison } = await import('../../planner/functions/binary-operator-types.js');
    expect(resolveComparison(STRING, INT, true)).toEqual(LONG);
    expect(resolveComparison(STRING, decimal(5, 2), true)).toEqual(DOUBLE);
    expect(resolveComparison(STRING, DATE, true)).toEqual(DATE);
    expect(resolveComparison(DATE, TIMESTAMP, true)).toEqual(TIMESTAMP);
    expect(resolveComparison(INT, decimal(5, 2), true)).toEqual(decimal(12, 2));
  });
});

describe('casts', () => {
  it('string → int: ANSI raises, TRY and legacy give NULL; fractions truncate', () => {
    expect(cast(STRING, INT, [' 12 ', '1.9', '-3', null], 'ansi')).toEqual([12, 1, -3, null]);
    expect(() => cast(STRING, INT, ['abc'], 'ansi')).toThrow(expect.objectContaining({ code: 'CAST_INVALID_INPUT' }));
    expect(cast(STRING, INT, ['abc', '99999999999'], 'try')).toEqual([null, null]);
    expect(cast(STRING, INT, ['abc', ''], 'legacy')).toEqual([null, null]);
    expect(cast(STRING, LONG, ['9223372036854775807'], 'ansi')).toEqual([9223372036854775807n]);
  });
  it('numeric narrowing: overflow error / NULL / wrap', () => {
    expect(() => cast(LONG, INT, [2n ** 40n], 'ansi')).toThrow(expect.objectContaining({ code: 'ARITHMETIC_OVERFLOW' }));
    expect(cast(LONG, INT, [2n ** 32n + 5n], 'try')).toEqual([null]);
    expect(cast(LONG, INT, [2n ** 32n + 5n], 'legacy')).toEqual([5]);
    expect(cast(INT, BYTE, [300], 'legacy')).toEqual([44]);
    expect(cast(DOUBLE, INT, [1e20, NaN, -2.7], 'legacy')).toEqual([2147483647, 0, -2]);
    expect(cast(DOUBLE, SHORT, [-2.7], 'ansi')).toEqual([-2]);
    expect(() => cast(DOUBLE, INT, [NaN], 'ansi')).toThrow(/overflow/);
    expect(cast(DOUBLE, LONG, [1e19], 'legacy')).toEqual([9223372036854775807n]);
  });
  it('doubles and floats print like Java', () => {
    expect(cast(DOUBLE, STRING, [1, 1e10, 1e-5, 0.1, 123.456, -0, 1e7, 1234567, NaN, -Infinity, 0.001], 'ansi')).toEqual([
      '1.0', '1.0E10', '1.0E-5', '0.1', '123.456', '-0.0', '1.0E7', '1234567.0', 'NaN', '-Infinity', '0.001',
    ]);
    expect(cast(FLOAT, STRING, [Math.fround(0.1), Math.fround(3.14)], 'ansi')).toEqual(['0.1', '3.14']);
  });
  it('decimals: HALF_UP rounding and overflow', () => {
    expect(cast(STRING, decimal(5, 2), ['1.005', '-1.005', '1e2', 'x'], 'try')).toEqual([101n, -101n, 10000n, null]);
    expect(cast(STRING, decimal(3, 1), ['123.4'], 'legacy')).toEqual([null]);
    expect(() => cast(STRING, decimal(3, 1), ['123.4'], 'ansi')).toThrow(expect.objectContaining({ code: 'ARITHMETIC_OVERFLOW' }));
    expect(cast(DOUBLE, decimal(10, 2), [0.125, 2.675], 'ansi')).toEqual([13n, 268n]);
    expect(cast(decimal(10, 3), STRING, [-5n, 12345n], 'ansi')).toEqual(['-0.005', '12.345']);
    expect(cast(decimal(10, 3), INT, [-5999n], 'ansi')).toEqual([-5]);
  });
  it('booleans', () => {
    expect(cast(STRING, BOOLEAN, ['t', 'YES', '0', 'n', ' true '], 'ansi')).toEqual([true, true, false, false, true]);
    expect(cast(STRING, BOOLEAN, ['maybe'], 'legacy')).toEqual([null]);
    expect(cast(INT, BOOLEAN, [0, 5], 'ansi')).toEqual([false, true]);
  });
  it('dates and timestamps in the session zone', () => {
    expect(cast(STRING, DATE, ['2024-02-29', '2024-2-3', '2023-02-29', '2024-01-01T10:00', '2024'], 'try')).toEqual([19782, 19756, null, 19723, 19723]);
    const ts = cast(STRING, TIMESTAMP, ['2024-01-01 00:00:00', '2024-01-01T01:02:03.5Z', '2024-01-01 00:00:00+02:00'], 'ansi', 'America/New_York');
    expect(ts).toEqual([1704085200000000n, 1704070923500000n, 1704060000000000n]);
    expect(cast(TIMESTAMP, STRING, [1704085200000000n, 1704070923500000n], 'ansi', 'America/New_York')).toEqual(['2024-01-01 00:00:00', '2023-12-31 20:02:03.5']);
    expect(cast(TIMESTAMP, DATE, [1704085200000000n - 1n], 'ansi', 'America/New_York')).toEqual([19722]);
    expect(cast(DATE, TIMESTAMP, [19723], 'ansi', 'Asia/Tokyo')).toEqual([1704034800000000n]);
    expect(cast(DATE, STRING, [0, -719162], 'ansi')).toEqual(['1970-01-01', '0001-01-01']);
  });
  it('nested values print as Spark does', () => {
    const t = struct([field('a', INT), field('b', arrayOf(STRING))]);
    expect(cast(t, STRING, [[1, ['x', null]], null], 'ansi')).toEqual(['{1, [x, null]}', null]);
    expect(cast(arrayOf(STRING), arrayOf(INT), [['1', '2'], null], 'ansi')).toEqual([[1, 2], null]);
  });
});

describe('compareStrings', () => {
  it('orders by code point like UTF-8 bytes', async () => {
    const { compareStrings, compareBytes } = await import('../../executor/kernels/compare-scalar-values.js');
    const samples = ['', 'a', 'ab', 'b', '\uFF61', '😀', '\uE000', 'é', 'z😀', 'z\uFFFF', 'A'];
    const enc = new TextEncoder();
    for (const x of samples)
      for (const y of samples) {
        const bx = enc.encode(x);
        const by = enc.encode(y);
        expect(Math.sign(compareStrings(x, y))).toBe(Math.sign(compareBytes(bx, 0, bx.length, by, 0, by.length)));
      }
  });
});

describe('cast fast paths agree with the general path', () => {
  it('string → integral and integral/date → string', () => {
    const texts = [' 42 ', '-7', '+3', '2147483647', '2147483648', '1.9', '', 'x', '00012', '-0', '123456789012345678', null];
    for (const mode of ['try', 'legacy'] as const) {
      expect(cast(STRING, INT, texts, mode)).toEqual([42, -7, 3, 2147483647, null, 1, null, null, 12, 0, null, null]);
    }
    expect(cast(STRING, LONG, ['123456789012345678', '-9223372036854775808', '9'], 'ansi')).toEqual([123456789012345678n, -(2n ** 63n), 9n]);
    expect(() => cast(STRING, INT, ['2147483648'], 'ansi')).toThrow(expect.objectContaining({ code: 'CAST_INVALID_INPUT' }));
    expect(cast(INT, STRING, [1, -2, null], 'ansi')).toEqual(['1', '-2', null]);
    expect(cast(LONG, STRING, [-(2n ** 63n)], 'ansi')).toEqual(['-9223372036854775808']);
    expect(cast(DATE, STRING, [19797, null], 'ansi')).toEqual(['2024-03-15', null]);
  });
});
