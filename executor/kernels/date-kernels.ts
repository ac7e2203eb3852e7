/**
 * Date/time kernels. Field extraction and day arithmetic on dates run as Int32Array loops;
 * timestamp work converts to session-local wall-clock µs first (date-time-zone.ts).
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import type { DataType } from '../../src/common/types/data-type.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import type { EvalContext, ScalarKernel } from '../functions/kernel.js';
import { addMonthsToDays, civilFromDays, daysFromCivil, daysInMonth, floorDayOfMicros, isoDayOfWeek, MICROS_PER_DAY } from './date-civil.js';
import { DATE_FIELD_KERNELS, extractKernel } from './date-fields.js';
import { DATE_PARSE_KERNELS } from './date-parse-kernels.js';
import { isValidZone, localToUtcMicros, utcToLocalMicros } from './date-time-zone.js';
import { rowwise, scalarOf } from './fn/columnar.js';

const num = (v: ScalarValue | undefined): number => Number(v);
const big = (v: ScalarValue | undefined): bigint => v as bigint;

function zoneArg(z: string): string {
  if (!isValidZone(z)) throw new DeltaSqlError('INVALID_ARGUMENT', `invalid time zone '${z}'`);
  return z;
}

/** months_between: whole months when both days match or are month-ends, else a 31-day-month fraction; rounded to 8 digits. */
function monthsBetween(t1: bigint, t2: bigint, roundOff: boolean, zone: string): number {
  const l1 = utcToLocalMicros(t1, zone);
  const l2 = utcToLocalMicros(t2, zone);
  const d1 = floorDayOfMicros(l1);
  const d2 = floorDayOfMicros(l2);
  const c1 = civilFromDays(d1);
  const c2 = civilFromDays(d2);
  const months = (c1.year - c2.year) * 12 + (c1.month - c2.month);
  const end1 = c1.day === daysInMonth(c1.year, c1.month);
  const end2 = c2.day === daysInMonth(c2.year, c2.month);
  if (c1.day === c2.day || (end1 && end2)) return months;
  const tod1 = Number(l1 - BigInt(d1) * MICROS_PER_DAY);
  const tod2 = Number(l2 - BigInt(d2) * MICROS_PER_DAY);
  const secs = (c1.day - c2.day) * 86400 + (tod1 - tod2) / 1e6;
  const r = months + secs / (31 * 86400);
  return roundOff ? Math.round(r * 1e8) / 1e8 : r;
}

const TRUNC_LEVELS = ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND'] as const;
type TruncLevel = (typeof TRUNC_LEVELS)[number];

function truncLevel(fmt: string): TruncLevel | null {
  const f = fmt.toUpperCase();
  const alias: Record<string, TruncLevel> = { YYYY: 'YEAR', YY: 'YEAR', MON: 'MONTH', MM: 'MONTH', DD: 'DAY', QUARTER: 'QUARTER' };
  const l = alias[f] ?? f;
  return (TRUNC_LEVELS as readonly string[]).includes(l) ? (l as TruncLevel) : null;
}

function truncDays(days: number, level: TruncLevel): number {
  const c = civilFromDays(days);
  switch (level) {
    case 'YEAR':
      return daysFromCivil(c.year, 1, 1);
    case 'QUARTER':
      return daysFromCivil(c.year, Math.floor((c.month - 1) / 3) * 3 + 1, 1);
    case 'MONTH':
      return daysFromCivil(c.year, c.month, 1);
    case 'WEEK':
      return days - (isoDayOfWeek(days) - 1);
    default:
      return days;
  }
}

/** date_trunc on local µs. */
function truncMicros(local: bigint, level: TruncLevel): bigint {
  const unit: Partial<Record<TruncLevel, bigint>> = { HOUR: 3_600_000_000n, MINUTE: 60_000_000n, SECOND: 1_000_000n, MILLISECOND: 1000n, MICROSECOND: 1n };
  const u = unit[level];
  if (u !== undefined) {
    const r = local % u;
    return local - (r < 0n ? r + u : r);
  }
  return BigInt(truncDays(floorDayOfMicros(local), level)) * MICROS_PER_DAY;
}

const DOW: Record<string, number> = { MO: 1, MON: 1, MONDAY: 1, TU: 2, TUE: 2, TUESDAY: 2, WE: 3, WED: 3, WEDNESDAY: 3, TH: 4, THU: 4, THURSDAY: 4, FR: 5, FRI: 5, FRIDAY: 5, SA: 6, SAT: 6, SATURDAY: 6, SU: 7, SUN: 7, SUNDAY: 7 };

function nextDay(days: number, name: string, ctx: EvalContext): number | null {
  const target = DOW[name.trim().toUpperCase()];
  if (target === undefined) {
    if (ctx.ansi) throw new DeltaSqlError('INVALID_ARGUMENT', `next_day: '${name}' is not a day of week`);
    return null;
  }
  const delta = (target - isoDayOfWeek(days) + 7) % 7 || 7;
  return days + delta;
}

function makeDate(y: number, m: number, d: number, ctx: EvalContext): number | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    if (ctx.ansi) throw new DeltaSqlError('INVALID_ARGUMENT', `invalid date: year ${y}, month ${m}, day ${d}`);
    return null;
  }
  return daysFromCivil(y, m, d);
}

function makeTimestamp(v: readonly ScalarValue[], ctx: EvalContext): bigint | null {
  const [y, mo, d, h, mi] = v.slice(0, 5).map(num) as [number, number, number, number, number];
  const secMicros = big(v[5]);
  const zone = v[6] === undefined || v[6] === null ? ctx.timeZone : zoneArg(v[6] as string);
  const bad = (): null => {
    if (ctx.ansi) throw new DeltaSqlError('INVALID_ARGUMENT', 'make_timestamp: invalid field value');
    return null;
  };
  const days = makeDate(y, mo, d, { ...ctx, ansi: false });
  if (days === null || h < 0 || h > 23 || mi < 0 || mi > 59 || secMicros < 0n || secMicros > 60_000_000n) return bad();
  // Seconds = 60 is allowed only with no fraction: it rolls into the next minute.
  if (secMicros === 60_000_000n || secMicros < 60_000_000n) {
    const local = BigInt(days) * MICROS_PER_DAY + BigInt((h * 60 + mi) * 60) * 1_000_000n + secMicros;
    return localToUtcMicros(local, zone);
  }
  return bad();
}

const now =
  (f: (ctx: EvalContext) => ScalarValue): ScalarKernel =>
  (_args, rt, ctx) =>
    scalarOf(f(ctx), rt);

export const DATE_KERNELS: Readonly<Record<string, ScalarKernel>> = {
  ...DATE_FIELD_KERNELS,
  ...DATE_PARSE_KERNELS,
  extract: extractKernel,
  current_date: now((c) => floorDayOfMicros(utcToLocalMicros(c.statementTime, c.timeZone))),
  current_timestamp: now((c) => c.statementTime),
  localtimestamp: now((c) => utcToLocalMicros(c.statementTime, c.timeZone)),
  current_timezone: now((c) => c.timeZone),
  date_add: rowwise((v) => num(v[0]) + num(v[1])),
  date_sub: rowwise((v) => num(v[0]) - num(v[1])),
  datediff: rowwise((v) => num(v[0]) - num(v[1])),
  add_months: rowwise((v) => addMonthsToDays(num(v[0]), num(v[1]))),
  months_between: (args, rt, ctx) => rowwise((v) => monthsBetween(big(v[0]), big(v[1]), v[2] === undefined ? true : v[2] === true, ctx.timeZone))(args, rt, ctx),
  date_trunc: (args, rt: DataType, ctx) =>
    rowwise((v) => {
      const level = truncLevel(v[0] as string);
      if (!level) return null;
      if (rt.kind === 'timestamp_ntz') return truncMicros(big(v[1]), level);
      return localToUtcMicros(truncMicros(utcToLocalMicros(big(v[1]), ctx.timeZone), level), ctx.timeZone);
    })(args, rt, ctx),
  trunc: rowwise((v) => {
    const level = truncLevel(v[1] as string);
    return level && ['YEAR', 'QUARTER', 'MONTH', 'WEEK'].includes(level) ? truncDays(num(v[0]), level) : null;
  }),
  from_utc_timestamp: rowwise((v) => utcToLocalMicros(big(v[0]), zoneArg(v[1] as string))),
  to_utc_timestamp: rowwise((v) => localToUtcMicros(big(v[0]), zoneArg(v[1] as string))),
  make_date: (args, rt, ctx) => rowwise((v) => makeDate(num(v[0]), num(v[1]), num(v[2]), ctx))(args, rt, ctx),
  make_timestamp: (args, rt, ctx) => rowwise((v) => makeTimestamp(v, ctx))(args, rt, ctx),
  last_day: rowwise((v) => {
    const c = civilFromDays(num(v[0]));
    return daysFromCivil(c.year, c.month, daysInMonth(c.year, c.month));
  }),
  next_day: (args, rt, ctx) => rowwise((v) => nextDay(num(v[0]), v[1] as string, ctx))(args, rt, ctx),
  timestamp_seconds: (args, rt, ctx) =>
    rowwise((v) => {
      const x = v[0]!;
      if (typeof x === 'bigint') return x * 1_000_000n;
      return BigInt(Math.trunc(Number(x) * 1e6));
    })(args, rt, ctx),
  timestamp_millis: rowwise((v) => big(v[0]) * 1000n),
  timestamp_micros: rowwise((v) => big(v[0])),
  unix_seconds: rowwise((v) => floorDiv(big(v[0]), 1_000_000n)),
  unix_millis: rowwise((v) => floorDiv(big(v[0]), 1000n)),
  unix_micros: rowwise((v) => big(v[0])),
  unix_date: rowwise((v) => num(v[0])),
  date_from_unix_date: rowwise((v) => num(v[0])),
};

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}
