import { describe, expect, it } from 'vitest';
import { parseDateText, parseTimestampLtz, parseTimestampNtz } from '../../planner/bind/temporal-literal.js';
import { parseDecimalText } from '../../planner/bind/number-literal.js';

describe('literal text', () => {
  it('reads dates and timestamps in the session zone, resolving DST as java.time does', () => {
    expect(parseDateText('1970-01-02')).toBe(1);
    expect(parseDateText('2024-02-30')).toBeUndefined();
    expect(parseTimestampNtz('1970-01-01 00:00:01.5')).toBe(1_500_000n);
    expect(parseTimestampLtz('2024-01-01 00:00:00', 'UTC')).toBe(BigInt(Date.UTC(2024, 0, 1)) * 1000n);
    // Spring-forward gap: 02:30 does not exist in Los Angeles; it is read as 03:30 PDT (10:30 UTC).
    expect(parseTimestampLtz('2024-03-10 02:30:00', 'America/Los_Angeles')).toBe(BigInt(Date.UTC(2024, 2, 10, 10, 30)) * 1000n);
    // Fall-back overlap: 01:30 happens twice; the earlier offset (PDT) wins.
    expect(parseTimestampLtz('2024-11-03 01:30:00', 'America/Los_Angeles')).toBe(BigInt(Date.UTC(2024, 10, 3, 8, 30)) * 1000n);
    expect(parseTimestampLtz('2024-01-01 00:00:00+02:00', 'UTC')).toBe(BigInt(Date.UTC(2023, 11, 31, 22)) * 1000n);
  });

  it('reads decimal text exactly with Spark precision and scale', () => {
    expect(parseDecimalText('1.50')).toEqual({ unscaled: 150n, precision: 3, scale: 2 });
    expect(parseDecimalText('0.05')).toEqual({ unscaled: 5n, precision: 2, scale: 2 });
    expect(parseDecimalText('1e3')).toEqual({ unscaled: 1000n, precision: 4, scale: 0 });
  });
});
