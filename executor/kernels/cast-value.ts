/**
 * CAST of one value per Spark's cast table, in ANSI (raise), TRY (NULL) or legacy (Spark's
 * non-ANSI: NULL for malformed input, Java wrap-around for integral narrowing, saturation for
 * fractional → integral) mode. Column casts call this for the paths without a typed fast path.
 */
import { isMapValue, type ScalarValue } from '../../planner/expr/scalar-value.js';
import { unsupported } from '../../src/common/errors.js';
import { sameType, typeToSql, type DataType, type DecimalType } from '../../src/common/types/data-type.js';
import { decimalOverflowError } from './arith-errors.js';
import { fitsPrecision, formatDecimal, pow10, rescale } from './arith-decimal-util.js';
import { castInvalidInput, castOverflow, INVALID } from './cast-errors.js';
import { formatDouble, valueToString } from './cast-format.js';
import { parseBoolean, parseDecimal, parseDouble, parseIntegral } from './cast-parse.js';
import { parseDate, parseTimestamp, parseTimestampParts } from './cast-parse-datetime.js';
import { floorDayOfMicros, MICROS_PER_DAY } from './date-civil.js';
import { localToUtcMicros, utcToLocalMicros } from './date-time-zone.js';

export type CastMode = 'ansi' | 'try' | 'legacy';

const encoder = new TextEncoder();
const BITS: Record<string, number> = { byte: 8, short: 16, int: 32, long: 64 };

/** Failure of one value: raise under ANSI, NULL otherwise. */
function fail(mode: CastMode, error: () => Error): null {
  if (mode === 'ansi') throw error();
  return null;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** An exact integral value into an integral type: range check (ANSI/TRY) or wrap (legacy). */
function toIntegral(v: bigint, from: DataType, to: DataType, mode: CastMode): ScalarValue {
  const bits = BITS[to.kind]!;
  const wrapped = BigInt.asIntN(bits, v);
  if (wrapped !== v) {
    if (mode === 'legacy') return bits === 64 ? wrapped : Number(wrapped);
    return fail(mode, () => castOverflow(String(v), from, to));
  }
  return bits === 64 ? v : Number(v);
}

function fractionalToIntegral(x: number, from: DataType, to: DataType, mode: CastMode): ScalarValue {
  const bits = BITS[to.kind]!;
  const t = Math.trunc(x);
  const limit = 2 ** (bits - 1);
  if (Number.isNaN(x) || t < -limit || t >= limit) {
    if (mode !== 'legacy') return fail(mode, () => castOverflow(formatDouble(x), from, to));
    // Java: (long)/(int) saturate and NaN → 0; byte/short narrow the int result.
    const sat = Number.isNaN(x) ? 0n : BigInt(Math.max(-limit, Math.min(limit - 1, t)));
    if (bits >= 32) return bits === 64 ? sat : Number(sat);
    const asInt = Number.isNaN(x) ? 0 : Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, t));
    return Number(BigInt.asIntN(bits, BigInt(asInt)));
  }
  return bits === 64 ? BigInt(t) : t;
}

function toDecimal(unscaled: bigint, scale: number, to: DecimalType, mode: CastMode): ScalarValue {
  const r = scale >= 0 ? rescale(unscaled, scale, to.scale) : rescale(unscaled * pow10(-scale), 0, to.scale);
  if (!fitsPrecision(r, to.precision)) return fail(mode, () => decimalOverflowError(to));
  return r;
}

function decimalToNumber(v: bigint, scale: number): number {
  return Number(formatDecimal(v, scale));
}

/** Cast one non-null value. */
export function castValue(v: ScalarValue, from: DataType, to: DataType, mode: CastMode, zone: string): ScalarValue {
  if (v === null || from.kind === 'null') return null;
  if (sameType(from, to)) return v;
  if (to.kind === 'string') return valueToString(v, from, zone);
  switch (to.kind) {
    case 'byte':
    case 'short':
    case 'int':
    case 'long':
      switch (from.kind) {
        case 'string': {
          const p = parseIntegral(v as string);
          if (p === INVALID || BigInt.asIntN(BITS[to.kind]!, p) !== p) return fail(mode, () => castInvalidInput(v as string, to));
          return BITS[to.kind] === 64 ? p : Number(p);
        }
        case 'boolean':
          return BITS[to.kind] === 64 ? (v ? 1n : 0n) : v ? 1 : 0;
        case 'float':
        case 'double':
          return fractionalToIntegral(v as number, from, to, mode);
        case 'decimal':
          return toIntegral((v as bigint) / pow10(from.scale), from, to, mode);
        case 'timestamp':
          return toIntegral(floorDiv(v as bigint, 1_000_000n), from, to, mode);
        case 'date':
          return null;
        default:
          if (BITS[from.kind]) return toIntegral(BigInt(v as number | bigint), from, to, mode);
      }
      break;
    case 'float':
    case 'double': {
      const round = to.kind === 'float' ? Math.fround : (x: number): number => x;
      switch (from.kind) {
        case 'string': {
          const p = parseDouble(v as string);
          return p === INVALID ? fail(mode, () => castInvalidInput(v as string, to)) : round(p);
        }
        case 'boolean':
          return v ? 1 : 0;
        case 'decimal':
          return round(decimalToNumber(v as bigint, from.scale));
        case 'timestamp':
          return round(Number(v as bigint) / 1e6);
        case 'date':
          return null;
        default:
          return round(Number(v as number | bigint));
      }
    }
    case 'decimal':
      switch (from.kind) {
        case 'string': {
          const p = parseDecimal(v as string);
          if (p === INVALID) return fail(mode, () => castInvalidInput(v as string, to));
          return toDecimal(p.unscaled, p.scale, to, mode);
        }
        case 'boolean':
          return toDecimal(v ? 1n : 0n, 0, to, mode);
        case 'float':
        case 'double': {
          const x = v as number;
          if (!Number.isFinite(x)) return fail(mode, () => castOverflow(formatDouble(x), from, to));
          const p = parseDecimal(formatDouble(x).replace('E', 'e'));
          return p === INVALID ? null : toDecimal(p.unscaled, p.scale, to, mode);
        }
        case 'decimal':
          return toDecimal(v as bigint, from.scale, to, mode);
        case 'timestamp':
          return toDecimal(v as bigint, 6, to, mode);
        case 'date':
          return null;
        default:
          if (BITS[from.kind]) return toDecimal(BigInt(v as number | bigint), 0, to, mode);
      }
      break;
    case 'boolean':
      switch (from.kind) {
        case 'string': {
          const p = parseBoolean(v as string);
          return p === INVALID ? fail(mode, () => castInvalidInput(v as string, to)) : p;
        }
        case 'decimal':
        case 'long':
        case 'timestamp':
          return v !== 0n;
        case 'date':
          return null;
        default:
          return v !== 0;
      }
    case 'date':
      switch (from.kind) {
        case 'string': {
          const d = parseDate(v as string);
          return d === null ? fail(mode, () => castInvalidInput(v as string, to)) : d;
        }
        case 'timestamp':
          return floorDayOfMicros(utcToLocalMicros(v as bigint, zone));
        case 'timestamp_ntz':
          return floorDayOfMicros(v as bigint);
      }
      break;
    case 'timestamp':
      switch (from.kind) {
        case 'string': {
          const t = parseTimestamp(v as string, zone);
          return t === null ? fail(mode, () => castInvalidInput(v as string, to)) : t;
        }
        case 'date':
          return localToUtcMicros(BigInt(v as number) * MICROS_PER_DAY, zone);
        case 'timestamp_ntz':
          return localToUtcMicros(v as bigint, zone);
        case 'boolean':
          return v ? 1n : 0n;
        case 'float':
        case 'double': {
          const x = v as number;
          if (!Number.isFinite(x)) return fail(mode, () => castOverflow(formatDouble(x), from, to));
          return BigInt(Math.trunc(x * 1e6));
        }
        case 'decimal':
          return from.scale <= 6 ? (v as bigint) * pow10(6 - from.scale) : (v as bigint) / pow10(from.scale - 6);
        default:
          if (BITS[from.kind]) {
            const us = BigInt(v as number | bigint) * 1_000_000n;
            const max = 2n ** 63n - 1n;
            return us > max ? max : us < -max - 1n ? -max - 1n : us;
          }
      }
      break;
    case 'timestamp_ntz':
      switch (from.kind) {
        case 'string': {
          const p = parseTimestampParts(v as string);
          return p === null ? fail(mode, () => castInvalidInput(v as string, to)) : p.local;
        }
        case 'date':
          return BigInt(v as number) * MICROS_PER_DAY;
        case 'timestamp':
          return utcToLocalMicros(v as bigint, zone);
      }
      break;
    case 'binary':
      if (from.kind === 'string') return encoder.encode(v as string);
      if (BITS[from.kind]) {
        const bytes = BITS[from.kind]! / 8;
        const out = new Uint8Array(bytes);
        let x = BigInt.asUintN(bytes * 8, BigInt(v as number | bigint));
        for (let i = bytes - 1; i >= 0; i--, x >>= 8n) out[i] = Number(x & 0xffn);
        return out;
      }
      break;
    case 'array':
      if (from.kind === 'array') return (v as readonly ScalarValue[]).map((e) => castValue(e, from.element, to.element, mode, zone));
      break;
    case 'map':
      if (from.kind === 'map' && isMapValue(v))
        return {
          keys: v.keys.map((k) => castValue(k, from.key, to.key, mode, zone)),
          values: v.values.map((x) => castValue(x, from.value, to.value, mode, zone)),
        };
      break;
    case 'struct':
      if (from.kind === 'struct')
        return to.fields.map((f, i) => castValue((v as readonly ScalarValue[])[i] ?? null, from.fields[i]!.type, f.type, mode, zone));
      break;
    case 'interval':
      if (from.kind === 'interval' && from.unit === to.unit) return v;
      break;
    case 'null':
      return null;
  }
  return unsupported(`CAST from ${typeToSql(from)} to ${typeToSql(to)}`);
}
