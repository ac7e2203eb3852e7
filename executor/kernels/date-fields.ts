/** Field extraction: year/quarter/month/day/.../hour/minute/second and extract(field FROM x). */
import { DeltaSqlError } from '../../src/common/errors.js';
import type { DataType } from '../../src/common/types/data-type.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import type { EvalContext, ScalarKernel } from '../functions/kernel.js';
import { civilFromDays, daysFromCivil, floorDayOfMicros, isoDayOfWeek, MICROS_PER_DAY } from './date-civil.js';
import { utcToLocalMicros } from './date-time-zone.js';
import { asData, combinedValidity, evalScalarOnce, rowwise, valueType } from './fn/columnar.js';
import { makeFixedData } from './make-data.js';

export type DateField = 'year' | 'quarter' | 'month' | 'day' | 'dayofweek' | 'dayofweek_iso' | 'dayofyear' | 'week' | 'weekday' | 'yearofweek';

function isoWeek(days: number): { week: number; year: number } {
  const thursday = days - isoDayOfWeek(days) + 4;
  const year = civilFromDays(thursday).year;
  return { week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1, year };
}

export function dateField(days: number, f: DateField): number {
  switch (f) {
    case 'year':
      return civilFromDays(days).year;
    case 'quarter':
      return Math.floor((civilFromDays(days).month - 1) / 3) + 1;
    case 'month':
      return civilFromDays(days).month;
    case 'day':
      return civilFromDays(days).day;
    case 'dayofweek':
      return (isoDayOfWeek(days) % 7) + 1;
    case 'dayofweek_iso':
      return isoDayOfWeek(days);
    case 'dayofyear':
      return days - daysFromCivil(civilFromDays(days).year, 1, 1) + 1;
    case 'week':
      return isoWeek(days).week;
    case 'weekday':
      return isoDayOfWeek(days) - 1;
    case 'yearofweek':
      return isoWeek(days).year;
  }
}

function dateFieldKernel(f: DateField): ScalarKernel {
  return (args, rt, ctx) =>
    evalScalarOnce(args, rt, ctx, (a, c) => {
      const d = asData(a[0]!, c.rowCount);
      const v = d.values as Int32Array;
      const out = new Int32Array(c.rowCount);
      for (let i = 0; i < out.length; i++) out[i] = dateField(v[i]!, f);
      return makeFixedData(rt, out, combinedValidity([d], c.rowCount), c.rowCount);
    });
}

/** Local µs of a timestamp value (zone-adjusted) or a timestamp_ntz value (as is). */
function localMicros(v: bigint, type: DataType, ctx: EvalContext): bigint {
  return type.kind === 'timestamp' ? utcToLocalMicros(v, ctx.timeZone) : v;
}

type TimeField = 'hour' | 'minute' | 'second' | 'second_micros';

function timeField(local: bigint, f: TimeField): number {
  const tod = Number(local - BigInt(floorDayOfMicros(local)) * MICROS_PER_DAY);
  switch (f) {
    case 'hour':
      return Math.floor(tod / 3_600_000_000);
    case 'minute':
      return Math.floor(tod / 60_000_000) % 60;
    case 'second':
      return Math.floor(tod / 1_000_000) % 60;
    case 'second_micros':
      return tod % 60_000_000;
  }
}

function timeFieldKernel(f: TimeField): ScalarKernel {
  return (args, rt, ctx) => {
    const t = valueType(args[0]!);
    return rowwise((v) => timeField(localMicros(v[0] as bigint, t, ctx), f))(args, rt, ctx);
  };
}

const FIELD_NAMES: Record<string, DateField | TimeField> = {
  YEAR: 'year', Y: 'year', YEARS: 'year', YR: 'year', YRS: 'year',
  QUARTER: 'quarter', QTR: 'quarter',
  MONTH: 'month', MON: 'month', MONS: 'month', MONTHS: 'month',
  WEEK: 'week', W: 'week', WEEKS: 'week',
  DAY: 'day', D: 'day', DAYS: 'day',
  DAYOFWEEK: 'dayofweek', DOW: 'dayofweek', DAYOFWEEK_ISO: 'dayofweek_iso', DOW_ISO: 'dayofweek_iso',
  DOY: 'dayofyear', DAYOFYEAR: 'dayofyear', YEAROFWEEK: 'yearofweek',
  HOUR: 'hour', H: 'hour', HOURS: 'hour', HR: 'hour', HRS: 'hour',
  MINUTE: 'minute', M: 'minute', MIN: 'minute', MINS: 'minute', MINUTES: 'minute',
  SECOND: 'second_micros', S: 'second_micros', SEC: 'second_micros', SECONDS: 'second_micros', SECS: 'second_micros',
};

/** extract(field, source): the field is a string constant; seconds come back as decimal(8,6). */
export const extractKernel: ScalarKernel = (args, rt, ctx) => {
  const fieldArg = args[0]!;
  const name = fieldArg.kind === 'scalar' ? String(fieldArg.value).toUpperCase() : '';
  const field = FIELD_NAMES[name];
  if (!field) throw new DeltaSqlError('INVALID_ARGUMENT', `extract: unknown field '${name}'`);
  const t = valueType(args[1]!);
  const f = (v: ScalarValue): ScalarValue => {
    if (t.kind === 'date') return dateField(v as number, field as DateField);
    const local = localMicros(v as bigint, t, ctx);
    if (field === 'hour' || field === 'minute') return timeField(local, field);
    if (field === 'second_micros') return BigInt(timeField(local, field));
    return dateField(floorDayOfMicros(local), field as DateField);
  };
  return rowwise((v) => f(v[0]!))([args[1]!], rt, ctx);
};

export const DATE_FIELD_KERNELS: Readonly<Record<string, ScalarKernel>> = {
  year: dateFieldKernel('year'),
  quarter: dateFieldKernel('quarter'),
  month: dateFieldKernel('month'),
  dayofmonth: dateFieldKernel('day'),
  dayofweek: dateFieldKernel('dayofweek'),
  dayofyear: dateFieldKernel('dayofyear'),
  weekofyear: dateFieldKernel('week'),
  weekday: dateFieldKernel('weekday'),
  hour: timeFieldKernel('hour'),
  minute: timeFieldKernel('minute'),
  second: timeFieldKernel('second'),
};
