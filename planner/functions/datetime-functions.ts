/** Signatures of date/time functions. Field extractors take dates (timestamps cast to the session-local date). */
import { DeltaSqlError } from '../../src/common/errors.js';
import { BOOLEAN, DATE, DOUBLE, INT, LONG, STRING, TIMESTAMP, TIMESTAMP_NTZ, decimal, isIntegral, typeToSql, type DataType } from '../../src/common/types/data-type.js';
import { checkArgCount, coerceArgs, customFunction, defineFunction } from './define-function.js';
import type { FunctionSignature } from './function-signature.js';
import { ANY_TIMESTAMP } from './implicit-cast.js';

const fn = (name: string, args: DataType[], returns: DataType, optional = 0, nullable = false): FunctionSignature =>
  defineFunction({ name, args, returns, optional, nullable });
const now = (name: string, returns: DataType): FunctionSignature => defineFunction({ name, args: [], returns, deterministic: false });

/** A date field: dates as they are, timestamps/strings cast to date. */
const dateField = (name: string): FunctionSignature => fn(name, [DATE], INT);

/** A time field: timestamps (either kind) as they are, dates/strings cast to timestamp. */
const timeField = (name: string): FunctionSignature => defineFunction({ name, args: [ANY_TIMESTAMP], returns: INT });

const DATE_FIELDS = new Set(['YEAR', 'Y', 'YEARS', 'YR', 'YRS', 'QUARTER', 'QTR', 'MONTH', 'MON', 'MONS', 'MONTHS', 'WEEK', 'W', 'WEEKS', 'DAY', 'D', 'DAYS', 'DAYOFWEEK', 'DOW', 'DAYOFWEEK_ISO', 'DOW_ISO', 'DOY', 'DAYOFYEAR', 'YEAROFWEEK']);
const TIME_FIELDS = new Set(['HOUR', 'H', 'HOURS', 'HR', 'HRS', 'MINUTE', 'M', 'MIN', 'MINS', 'MINUTES', 'SECOND', 'S', 'SEC', 'SECONDS', 'SECS']);

/** extract(field FROM source) / date_part('field', source): int, or decimal(8,6) for seconds. */
const extract = customFunction('extract', (argTypes, o) => {
  checkArgCount('extract', argTypes.length, 2, 2);
  const field = o.literalArgs[0];
  if (typeof field !== 'string') throw new DeltaSqlError('INVALID_ARGUMENT', 'extract: the field must be a string constant');
  const f = field.toUpperCase();
  const src = argTypes[1]!;
  if (!DATE_FIELDS.has(f) && !TIME_FIELDS.has(f)) throw new DeltaSqlError('INVALID_ARGUMENT', `extract: unknown field '${field}'`);
  let st: DataType = src.kind === 'string' || src.kind === 'null' ? TIMESTAMP : src;
  if (st.kind !== 'date' && st.kind !== 'timestamp' && st.kind !== 'timestamp_ntz')
    throw new DeltaSqlError('TYPE_MISMATCH', `extract: cannot extract ${field} from ${typeToSql(src)}`);
  if (TIME_FIELDS.has(f) && st.kind === 'date') st = TIMESTAMP;
  const seconds = ['SECOND', 'S', 'SEC', 'SECONDS', 'SECS'].includes(f);
  return { argTypes: [STRING, st], returnType: seconds ? decimal(8, 6) : INT, nullable: false };
});

const toDateLike = (name: string, target: DataType): FunctionSignature =>
  customFunction(name, (argTypes, o) => {
    checkArgCount(name, argTypes.length, 1, 2);
    const t = argTypes[0]!;
    const first = argTypes.length === 1 && (t.kind === 'date' || t.kind === 'timestamp' || t.kind === 'timestamp_ntz') ? t : STRING;
    const types = coerceArgs(name, argTypes, [first, STRING], o.ansi);
    return { argTypes: types, returnType: target, nullable: true };
  });

const unixTimestamp = (name: string): FunctionSignature =>
  customFunction(
    name,
    (argTypes, o) => {
      checkArgCount(name, argTypes.length, 0, 2);
      if (argTypes.length === 0) return { argTypes: [], returnType: LONG, nullable: false };
      const t = argTypes[0]!;
      const first = t.kind === 'date' || t.kind === 'timestamp' || t.kind === 'timestamp_ntz' ? t : STRING;
      return { argTypes: coerceArgs(name, argTypes, [first, STRING], o.ansi), returnType: LONG, nullable: true };
    },
    'scalar',
    false,
  );

const timestampSeconds = customFunction('timestamp_seconds', (argTypes, o) => {
  checkArgCount('timestamp_seconds', argTypes.length, 1, 1);
  const t = argTypes[0]!;
  const arg = isIntegral(t) ? LONG : t.kind === 'decimal' ? t : coerceArgs('timestamp_seconds', argTypes, [DOUBLE], o.ansi)[0]!;
  return { argTypes: [arg], returnType: TIMESTAMP, nullable: false };
});

export const DATETIME_FUNCTIONS: readonly FunctionSignature[] = [
  now('current_date', DATE),
  now('current_timestamp', TIMESTAMP),
  now('localtimestamp', TIMESTAMP_NTZ),
  now('current_timezone', STRING),
  fn('date_add', [DATE, INT], DATE),
  fn('date_sub', [DATE, INT], DATE),
  fn('datediff', [DATE, DATE], INT),
  fn('add_months', [DATE, INT], DATE),
  fn('months_between', [TIMESTAMP, TIMESTAMP, BOOLEAN], DOUBLE, 1),
  defineFunction({ name: 'date_trunc', args: [STRING, ANY_TIMESTAMP], returns: (t) => t[1]!, nullable: true }),
  fn('trunc', [DATE, STRING], DATE, 0, true),
  extract,
  ...['year', 'quarter', 'month', 'dayofmonth', 'dayofweek', 'dayofyear', 'weekofyear', 'weekday'].map(dateField),
  ...['hour', 'minute', 'second'].map(timeField),
  toDateLike('to_date', DATE),
  toDateLike('to_timestamp', TIMESTAMP),
  fn('date_format', [TIMESTAMP, STRING], STRING),
  unixTimestamp('unix_timestamp'),
  unixTimestamp('to_unix_timestamp'),
  fn('from_unixtime', [LONG, STRING], STRING, 1),
  fn('from_utc_timestamp', [TIMESTAMP, STRING], TIMESTAMP),
  fn('to_utc_timestamp', [TIMESTAMP, STRING], TIMESTAMP),
  fn('make_date', [INT, INT, INT], DATE, 0, true),
  fn('make_timestamp', [INT, INT, INT, INT, INT, decimal(16, 6), STRING], TIMESTAMP, 1, true),
  fn('last_day', [DATE], DATE),
  fn('next_day', [DATE, STRING], DATE, 0, true),
  timestampSeconds,
  fn('timestamp_millis', [LONG], TIMESTAMP),
  fn('timestamp_micros', [LONG], TIMESTAMP),
  fn('unix_seconds', [TIMESTAMP], LONG),
  fn('unix_millis', [TIMESTAMP], LONG),
  fn('unix_micros', [TIMESTAMP], LONG),
  fn('unix_date', [DATE], INT),
  fn('date_from_unix_date', [INT], DATE),
];
