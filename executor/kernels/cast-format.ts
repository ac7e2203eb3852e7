/**
 * Spark's text forms of values (CAST(x AS STRING)): doubles and floats print like Java's
 * Double.toString / Float.toString (`1.0`, `1.0E10`, `1.0E-5`), dates `yyyy-MM-dd`, timestamps
 * `yyyy-MM-dd HH:mm:ss[.ffffff]` (trailing zeros of the fraction dropped) in the session zone,
 * arrays `[a, b]`, structs `{a, b}`, maps `{k -> v}`, NULL inside nested values as `null`.
 */
import { isMapValue, type ScalarValue } from '../../planner/expr/scalar-value.js';
import type { DataType } from '../../src/common/types/data-type.js';
import { formatDecimal } from './arith-decimal-util.js';
import { civilFromDays, floorDayOfMicros, MICROS_PER_DAY } from './date-civil.js';
import { utcToLocalMicros } from './date-time-zone.js';

const decoder = new TextDecoder();

/** Java's rendering of the shortest round-trip digits `digits` with decimal exponent `exp` (value = 0.d1d2... × 10^exp). */
function javaStyle(neg: boolean, digits: string, exp: number): string {
  const sign = neg ? '-' : '';
  // Java uses plain notation for 1e-3 <= |x| < 1e7.
  if (exp > -3 && exp <= 7) {
    if (exp <= 0) return `${sign}0.${'0'.repeat(-exp)}${digits}`;
    if (digits.length <= exp) return `${sign}${digits}${'0'.repeat(exp - digits.length)}.0`;
    return `${sign}${digits.slice(0, exp)}.${digits.slice(exp)}`;
  }
  const mant = digits.length === 1 ? `${digits}.0` : `${digits[0]}.${digits.slice(1)}`;
  return `${sign}${mant}E${exp - 1}`;
}

function split(shortest: string): { digits: string; exp: number } {
  // shortest is JS exponential form d.ddde±n
  const [m, e] = shortest.split('e') as [string, string];
  const digits = m.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, exp: Number(e) + 1 };
}

export function formatDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const { digits, exp } = split(Math.abs(x).toExponential());
  return javaStyle(x < 0, digits, exp);
}

/** Float.toString: the shortest digits that round-trip through float32. */
export function formatFloat(x: number): string {
  if (Number.isNaN(x) || !Number.isFinite(x) || x === 0) return formatDouble(x);
  const a = Math.abs(x);
  for (let p = 1; p <= 9; p++) {
    const s = a.toExponential(p - 1);
    if (Math.fround(Number(s)) === a) {
      const { digits, exp } = split(s);
      return javaStyle(x < 0, digits, exp);
    }
  }
  return formatDouble(x);
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

export function formatDate(days: number): string {
  const c = civilFromDays(days);
  const y = c.year < 0 ? `-${pad(-c.year, 4)}` : c.year > 9999 ? `+${c.year}` : pad(c.year, 4);
  return `${y}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
}

/** Local µs → `yyyy-MM-dd HH:mm:ss[.fraction]`. */
export function formatLocalMicros(local: bigint): string {
  const day = floorDayOfMicros(local);
  const tod = Number(local - BigInt(day) * MICROS_PER_DAY);
  const secs = Math.floor(tod / 1_000_000);
  const frac = tod % 1_000_000;
  const hms = `${pad(Math.floor(secs / 3600), 2)}:${pad(Math.floor(secs / 60) % 60, 2)}:${pad(secs % 60, 2)}`;
  const f = frac === 0 ? '' : `.${pad(frac, 6).replace(/0+$/, '')}`;
  return `${formatDate(day)} ${hms}${f}`;
}

export function formatTimestamp(us: bigint, zone: string): string {
  return formatLocalMicros(utcToLocalMicros(us, zone));
}

function formatInterval(v: ScalarValue, unit: 'year_month' | 'day_time'): string {
  if (unit === 'year_month') {
    const m = Number(v);
    const s = m < 0 ? '-' : '';
    const a = Math.abs(m);
    return `INTERVAL '${s}${Math.floor(a / 12)}-${a % 12}' YEAR TO MONTH`;
  }
  const us = BigInt(v as bigint);
  const neg = us < 0n;
  const a = neg ? -us : us;
  const days = a / MICROS_PER_DAY;
  const rest = Number(a % MICROS_PER_DAY);
  const secs = Math.floor(rest / 1_000_000);
  const frac = rest % 1_000_000;
  const f = frac === 0 ? '' : `.${pad(frac, 6)}`;
  return `INTERVAL '${neg ? '-' : ''}${days} ${pad(Math.floor(secs / 3600), 2)}:${pad(Math.floor(secs / 60) % 60, 2)}:${pad(secs % 60, 2)}${f}' DAY TO SECOND`;
}

/** Spark's string form of a non-null value of `type`. */
export function valueToString(v: ScalarValue, type: DataType, zone: string): string {
  if (v === null) return 'null';
  switch (type.kind) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'byte':
    case 'short':
    case 'int':
    case 'long':
      return String(v);
    case 'float':
      return formatFloat(v as number);
    case 'double':
      return formatDouble(v as number);
    case 'decimal':
      return formatDecimal(v as bigint, type.scale);
    case 'string':
      return v as string;
    case 'binary':
      return decoder.decode(v as Uint8Array);
    case 'date':
      return formatDate(v as number);
    case 'timestamp':
      return formatTimestamp(v as bigint, zone);
    case 'timestamp_ntz':
      return formatLocalMicros(v as bigint);
    case 'interval':
      return formatInterval(v, type.unit);
    case 'array': {
      const items = v as readonly ScalarValue[];
      return `[${items.map((e) => valueToString(e, type.element, zone)).join(', ')}]`;
    }
    case 'struct': {
      const items = v as readonly ScalarValue[];
      return `{${type.fields.map((f, i) => valueToString(items[i] ?? null, f.type, zone)).join(', ')}}`;
    }
    case 'map': {
      if (!isMapValue(v)) return String(v);
      const parts = v.keys.map((k, i) => `${valueToString(k, type.key, zone)} -> ${valueToString(v.values[i] ?? null, type.value, zone)}`);
      return `{${parts.join(', ')}}`;
    }
    case 'null':
      return 'null';
  }
}
