/**
 * Datetime arithmetic: date ± days, date - date and timestamp - timestamp (day-time intervals in
 * µs), timestamp ± day-time interval, date/timestamp ± year-month interval (add_months rules),
 * interval ± interval.
 */
import type * as arrow from 'apache-arrow';
import type { DataType } from '../../src/common/types/data-type.js';
import type { ColumnarValue, EvalContext } from '../functions/kernel.js';
import { overflowError } from './arith-errors.js';
import type { NumericOp } from './arith.js';
import { addMonthsToDays, floorDayOfMicros, MICROS_PER_DAY } from './date-civil.js';
import { localToUtcMicros, utcToLocalMicros } from './date-time-zone.js';
import { asData, combinedValidity } from './fn/columnar.js';
import { makeFixedData } from './make-data.js';

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const isTs = (t: DataType): boolean => t.kind === 'timestamp' || t.kind === 'timestamp_ntz';

/** Add months to a µs timestamp, keeping the local time of day (in `zone` for timestamp, raw for ntz). */
function addMonthsMicros(us: bigint, months: number, zone: string | null): bigint {
  const local = zone ? utcToLocalMicros(us, zone) : us;
  const day = floorDayOfMicros(local);
  const tod = local - BigInt(day) * MICROS_PER_DAY;
  const shifted = BigInt(addMonthsToDays(day, months)) * MICROS_PER_DAY + tod;
  return zone ? localToUtcMicros(shifted, zone) : shifted;
}

/** Returns the result column, or undefined when the operands are not datetime forms. */
export function datetimeArithmetic(
  op: NumericOp,
  at: DataType,
  bt: DataType,
  resultType: DataType,
  left: ColumnarValue,
  right: ColumnarValue,
  ctx: EvalContext,
): arrow.Data | undefined {
  if (op !== 'add' && op !== 'subtract') return undefined;
  const n = ctx.rowCount;
  const sign = op === 'add' ? 1 : -1;
  const a = asData(left, n);
  const b = asData(right, n);
  const valid = combinedValidity([a, b], n);
  const big = (x: bigint): bigint => {
    if (ctx.ansi && (x > LONG_MAX || x < LONG_MIN)) throw overflowError('long');
    return x;
  };
  // date ± int, int + date
  if ((at.kind === 'date' && bt.kind === 'int') || (at.kind === 'int' && bt.kind === 'date')) {
    const [d, k] = at.kind === 'date' ? [a, b] : [b, a];
    const dv = d.values as Int32Array;
    const kv = k.values as Int32Array;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = dv[i]! + sign * kv[i]!;
    return makeFixedData(resultType, out, valid, n);
  }
  if (at.kind === 'date' && bt.kind === 'date') {
    const av = a.values as Int32Array;
    const bv = b.values as Int32Array;
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) out[i] = BigInt(av[i]! - bv[i]!) * MICROS_PER_DAY;
    return makeFixedData(resultType, out, valid, n);
  }
  if (isTs(at) && isTs(bt)) {
    const av = a.values as BigInt64Array;
    const bv = b.values as BigInt64Array;
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) out[i] = big(av[i]! - bv[i]!);
    return makeFixedData(resultType, out, valid, n);
  }
  if (at.kind === 'interval' && bt.kind === 'interval') {
    if (at.unit === 'year_month') {
      const av = a.values as Int32Array;
      const bv = b.values as Int32Array;
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = av[i]! + sign * bv[i]!;
      return makeFixedData(resultType, out, valid, n);
    }
    const av = a.values as BigInt64Array;
    const bv = b.values as BigInt64Array;
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) out[i] = big(op === 'add' ? av[i]! + bv[i]! : av[i]! - bv[i]!);
    return makeFixedData(resultType, out, valid, n);
  }
  const dtSide = at.kind === 'interval' ? 1 : 0;
  const [dt, it, dData, iData] = dtSide === 0 ? [at, bt, a, b] : [bt, at, b, a];
  if (it.kind !== 'interval' || !(isTs(dt) || dt.kind === 'date')) return undefined;
  if (it.unit === 'year_month') {
    const mv = iData.values as Int32Array;
    if (dt.kind === 'date') {
      const dv = dData.values as Int32Array;
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = addMonthsToDays(dv[i]!, sign * mv[i]!);
      return makeFixedData(resultType, out, valid, n);
    }
    const zone = dt.kind === 'timestamp' ? ctx.timeZone : null;
    const tv = dData.values as BigInt64Array;
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) out[i] = addMonthsMicros(tv[i]!, sign * mv[i]!, zone);
    return makeFixedData(resultType, out, valid, n);
  }
  if (dt.kind === 'date') return undefined;
  const tv = dData.values as BigInt64Array;
  const iv = iData.values as BigInt64Array;
  const out = new BigInt64Array(n);
  for (let i = 0; i < n; i++) out[i] = big(op === 'add' ? tv[i]! + iv[i]! : tv[i]! - iv[i]!);
  return makeFixedData(resultType, out, valid, n);
}
