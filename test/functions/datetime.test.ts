import { describe, expect, it } from 'vitest';
import { DATE, INT, LONG, STRING, TIMESTAMP, decimal } from '../../src/common/types/data-type.js';
import { getScalarKernel } from '../../executor/functions/registry.js';
import { lookupFunction } from '../../planner/functions/registry.js';
import { call, col, ctxOf, lit, values } from './helpers.js';

const d = (values: (number | null)[]) => ({ type: DATE, values });
const ts = (values: (bigint | null)[]) => ({ type: TIMESTAMP, values });
const s = (values: (string | null)[]) => ({ type: STRING, values });
// 2024-03-15 = 19797 days; 2024-03-15 13:45:30.25 UTC
const T = 1710510330250000n;

describe('datetime functions', () => {
  it('date fields', () => {
    expect(call('year', [d([19797, null])])).toEqual([2024, null]);
    expect(call('month', [d([19797])])).toEqual([3]);
    expect(call('day', [d([19797])])).toEqual([15]);
    expect(call('quarter', [d([19797])])).toEqual([1]);
    expect(call('dayofweek', [d([19797])])).toEqual([6]); // Friday: Sunday = 1
    expect(call('dayofyear', [d([19797])])).toEqual([75]);
    expect(call('weekofyear', [d([19797, 19723])])).toEqual([11, 1]);
  });
  it('time fields in the session zone and extract', () => {
    expect(call('hour', [ts([T])])).toEqual([13]);
    expect(call('hour', [ts([T])], true, 'Asia/Kolkata')).toEqual([19]);
    expect(call('minute', [ts([T])], true, 'Asia/Kolkata')).toEqual([15]);
    expect(call('second', [ts([T])])).toEqual([30]);
    const r = lookupFunction('extract')!.resolve([STRING, TIMESTAMP], { ansi: true, literalArgs: ['SECOND', undefined] });
    expect(r.returnType).toEqual(decimal(8, 6));
    const k = getScalarKernel(r.name)!;
    expect(values(k([lit('SECOND', STRING), col(TIMESTAMP, [T])], r.returnType, ctxOf(1)), 1)).toEqual([30250000n]);
    expect(values(k([lit('year', STRING), col(DATE, [19797])], INT, ctxOf(1)), 1)).toEqual([2024]);
  });
  it('date arithmetic', () => {
    expect(call('date_add', [d([19797]), { type: INT, values: [20] }])).toEqual([19817]);
    expect(call('datediff', [d([19797]), d([19723])])).toEqual([74]);
  });
  it('add_months clamps to month end; last_day; next_day; trunc', () => {
    // 2024-01-31 = 19753
    expect(call('add_months', [d([19753]), { type: INT, values: [1] }])).toEqual([19782]); // 2024-02-29
    expect(call('last_day', [d([19797])])).toEqual([19813]);
    expect(call('next_day', [d([19797]), s(['Mon'])])).toEqual([19800]);
    expect(call('trunc', [d([19797]), s(['MM'])])).toEqual([19783]);
    expect(call('trunc', [d([19797]), s(['bogus'])])).toEqual([null]);
  });
  it('date_trunc, date_format, to_timestamp, unix_timestamp, from_unixtime', () => {
    expect(call('date_trunc', [s(['HOUR']), ts([T])])).toEqual([1710507600000000n]);
    expect(call('date_format', [ts([T]), s(['yyyy-MM-dd HH:mm:ss.SSS EEE MMM a'])])).toEqual(['2024-03-15 13:45:30.250 Fri Mar PM']);
    expect(call('to_timestamp', [s(['15/03/2024 13:45']), s(['dd/MM/yyyy HH:mm'])])).toEqual([1710510300000000n]);
    expect(call('to_timestamp', [s(['2024-03-15 13:45:30.25'])])).toEqual([T]);
    expect(() => call('to_timestamp', [s(['nope']), s(['yyyy'])], true)).toThrow(expect.objectContaining({ code: 'CAST_INVALID_INPUT' }));
    expect(call('to_timestamp', [s(['nope']), s(['yyyy'])], false)).toEqual([null]);
    expect(call('to_date', [s(['2024-03-15', 'x'])], false)).toEqual([19797, null]);
    expect(call('unix_timestamp', [s(['2024-03-15 13:45:30'])])).toEqual([1710510330n]);
    expect(call('from_unixtime', [{ type: LONG, values: [1710510330n] }])).toEqual(['2024-03-15 13:45:30']);
  });
  it('from/to_utc_timestamp, make_date, months_between', () => {
    expect(call('from_utc_timestamp', [ts([0n]), s(['Asia/Tokyo'])])).toEqual([9n * 3600n * 1_000_000n]);
    expect(call('to_utc_timestamp', [ts([9n * 3600n * 1_000_000n]), s(['Asia/Tokyo'])])).toEqual([0n]);
    expect(call('make_date', [{ type: INT, values: [2024] }, { type: INT, values: [2] }, { type: INT, values: [30] }], false)).toEqual([null]);
    expect(() => call('make_date', [{ type: INT, values: [2024] }, { type: INT, values: [2] }, { type: INT, values: [30] }], true)).toThrow();
    // 1997-02-28 10:30:00 vs 1996-10-30 → 3.94959677
    expect(call('months_between', [ts([857125800000000n]), ts([846633600000000n])])).toEqual([3.94959677]);
  });
});
