/**
 * Text ↔ datetime functions with Spark patterns: to_date, to_timestamp, date_format,
 * unix_timestamp/to_unix_timestamp, from_unixtime. Malformed input raises CAST_INVALID_INPUT
 * under ANSI and gives NULL otherwise.
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import type { DataType } from '../../src/common/types/data-type.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import type { EvalContext, ScalarKernel } from '../functions/kernel.js';
import { castValue } from './cast-value.js';
import { floorDayOfMicros, MICROS_PER_DAY } from './date-civil.js';
import { formatWithPattern, parseWithPattern, tokenizePattern, type LocalFields } from './date-pattern.js';
import { localToUtcMicros, utcToLocalMicros, zoneOffsetMillis } from './date-time-zone.js';
import { rowwise, scalarOf, valueType } from './fn/columnar.js';

const DEFAULT_TS = 'yyyy-MM-dd HH:mm:ss';

function parseFailure(text: string, pattern: string | undefined, ctx: EvalContext): null {
  if (ctx.ansi)
    throw new DeltaSqlError('CAST_INVALID_INPUT', `cannot parse '${text}'${pattern ? ` with pattern '${pattern}'` : ''}`, {
      hint: 'use try_to_timestamp to tolerate malformed input, or set spark.sql.ansi.enabled to false',
    });
  return null;
}

/** UTC µs of `text` read with `pattern` (or Spark's cast rules without one), null when malformed. */
export function parseTimestampText(text: string, pattern: string | undefined, ctx: EvalContext): bigint | null {
  if (pattern === undefined) {
    const v = castValue(text, { kind: 'string' }, { kind: 'timestamp' }, 'try', ctx.timeZone);
    return v === null ? parseFailure(text, pattern, ctx) : (v as bigint);
  }
  const p = parseWithPattern(tokenizePattern(pattern), text);
  if (!p) return parseFailure(text, pattern, ctx);
  return localToUtcMicros(p.local, p.zone ?? ctx.timeZone);
}

export function localFields(us: bigint, zone: string): LocalFields {
  const local = utcToLocalMicros(us, zone);
  const days = floorDayOfMicros(local);
  return {
    days,
    microsOfDay: Number(local - BigInt(days) * MICROS_PER_DAY),
    offsetMinutes: Math.round(zoneOffsetMillis(zone, Number(us / 1000n)) / 60000),
    zone,
  };
}

/** A datetime argument (date, timestamp, timestamp_ntz or text) as UTC µs. */
function toMicros(v: ScalarValue, t: DataType, pattern: string | undefined, ctx: EvalContext): bigint | null {
  if (t.kind === 'string') return parseTimestampText(v as string, pattern, ctx);
  return castValue(v, t, { kind: 'timestamp' }, 'legacy', ctx.timeZone) as bigint | null;
}

function toDateKernel(): ScalarKernel {
  return (args, rt, ctx) => {
    const t = valueType(args[0]!);
    return rowwise((v) => {
      if (t.kind !== 'string') return castValue(v[0]!, t, rt, 'legacy', ctx.timeZone);
      const pattern = v[1] as string | undefined;
      if (pattern === undefined) {
        const d = castValue(v[0]!, t, rt, 'try', ctx.timeZone);
        return d === null ? parseFailure(v[0] as string, pattern, ctx) : d;
      }
      const us = parseTimestampText(v[0] as string, pattern, ctx);
      return us === null ? null : floorDayOfMicros(utcToLocalMicros(us, ctx.timeZone));
    })(args, rt, ctx);
  };
}

const toTimestamp: ScalarKernel = (args, rt, ctx) => {
  const t = valueType(args[0]!);
  return rowwise((v) => toMicros(v[0]!, t, v[1] as string | undefined, ctx))(args, rt, ctx);
};

const dateFormat: ScalarKernel = (args, rt, ctx) =>
  rowwise((v) => formatWithPattern(tokenizePattern(v[1] as string), localFields(v[0] as bigint, ctx.timeZone)))(args, rt, ctx);

const unixTimestamp: ScalarKernel = (args, rt, ctx) => {
  if (args.length === 0) return scalarOf(ctx.statementTime / 1_000_000n, rt);
  const t = valueType(args[0]!);
  return rowwise((v) => {
    const us = toMicros(v[0]!, t, t.kind === 'string' ? ((v[1] as string | undefined) ?? DEFAULT_TS) : undefined, ctx);
    if (us === null) return null;
    const q = us / 1_000_000n;
    return us % 1_000_000n < 0n ? q - 1n : q;
  })(args, rt, ctx);
};

const fromUnixtime: ScalarKernel = (args, rt, ctx) =>
  rowwise((v) => formatWithPattern(tokenizePattern((v[1] as string | undefined) ?? DEFAULT_TS), localFields((v[0] as bigint) * 1_000_000n, ctx.timeZone)))(args, rt, ctx);

export const DATE_PARSE_KERNELS: Readonly<Record<string, ScalarKernel>> = {
  to_date: toDateKernel(),
  to_timestamp: toTimestamp,
  date_format: dateFormat,
  unix_timestamp: unixTimestamp,
  to_unix_timestamp: unixTimestamp,
  from_unixtime: fromUnixtime,
};
