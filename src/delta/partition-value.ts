/**
 * Partition values as the log stores them (PROTOCOL.md "Partition Value Serialization") → typed
 * scalars: `""`/missing = null; integers as number (long as bigint); decimals as unscaled bigint;
 * dates as epoch days; timestamps as epoch microseconds (bigint); binary as bytes (UTF-8 of the text).
 */
import { DeltaSqlError } from '../common/errors.js';
import type { DataType } from '../common/types/data-type.js';

export type PartitionScalar = null | boolean | number | bigint | string | Uint8Array;

const encoder = new TextEncoder();
const DATE = /^([+-]?\d{4,})-(\d{1,2})-(\d{1,2})$/;
const TIMESTAMP = /^([+-]?\d{4,})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

function invalid(raw: string, t: DataType, column: string): never {
  throw new DeltaSqlError('CORRUPT_LOG', `invalid partition value '${raw}' for column '${column}' of type ${t.kind}`);
}

function daysFromCivil(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(0, 0, 0, 0);
  return Math.round(d.getTime() / 86400000);
}

export function parseDateDays(raw: string): number | undefined {
  const m = DATE.exec(raw.trim());
  if (!m) return undefined;
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Epoch microseconds; text without a zone is read as UTC (the writer's zone is not recorded). */
export function parseTimestampMicros(raw: string): bigint | undefined {
  const m = TIMESTAMP.exec(raw.trim());
  if (!m) return undefined;
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  const seconds = Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0);
  const fraction = (m[7] ?? '').padEnd(6, '0').slice(0, 6);
  let micros = (BigInt(days) * 86400n + BigInt(seconds)) * 1000000n + BigInt(fraction === '' ? 0 : Number(fraction));
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1n : 1n;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = BigInt(Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
    micros -= sign * offsetMinutes * 60000000n;
  }
  return micros;
}

/** A decimal string (plain or scientific) → unscaled integer at `scale`; undefined when not a number. */
export function parseDecimalUnscaled(raw: string, scale: number): bigint | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(raw.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const digits = `${m[2] ?? ''}${m[3] ?? ''}`;
  const exponent = Number(m[4] ?? 0) - (m[3] ?? '').length + scale;
  let unscaled = BigInt(digits === '' ? '0' : digits);
  if (exponent >= 0) unscaled *= 10n ** BigInt(exponent);
  else {
    // Round half up, as Spark's decimal cast does.
    const div = 10n ** BigInt(-exponent);
    const q = unscaled / div;
    unscaled = unscaled - q * div >= div / 2n && div > 1n ? q + 1n : q;
  }
  return m[1] === '-' ? -unscaled : unscaled;
}

function parseInteger(raw: string): bigint | undefined {
  const s = raw.trim();
  if (/^[+-]?\d+$/.test(s)) return BigInt(s);
  // Some writers serialise integral values as `2021.0`.
  if (/^[+-]?\d+\.0*$/.test(s)) return BigInt(s.slice(0, s.indexOf('.')));
  return undefined;
}

const INT_RANGE: Readonly<Record<string, readonly [bigint, bigint]>> = {
  byte: [-128n, 127n],
  short: [-32768n, 32767n],
  int: [-2147483648n, 2147483647n],
  long: [-9223372036854775808n, 9223372036854775807n],
};

export function parsePartitionValue(raw: string | null | undefined, t: DataType, column: string): PartitionScalar {
  if (raw === null || raw === undefined || raw === '') return null;
  switch (t.kind) {
    case 'string':
      return raw;
    case 'byte':
    case 'short':
    case 'int':
    case 'long': {
      const v = parseInteger(raw);
      const range = INT_RANGE[t.kind];
      if (v === undefined || range === undefined || v < range[0] || v > range[1]) invalid(raw, t, column);
      return t.kind === 'long' ? v : Number(v);
    }
    case 'float':
    case 'double': {
      const s = raw.trim();
      const v = s === 'NaN' ? NaN : s === 'Infinity' ? Infinity : s === '-Infinity' ? -Infinity : Number(s);
      if (Number.isNaN(v) && s !== 'NaN') invalid(raw, t, column);
      return t.kind === 'float' ? Math.fround(v) : v;
    }
    case 'decimal': {
      const v = parseDecimalUnscaled(raw, t.scale);
      if (v === undefined) invalid(raw, t, column);
      return v;
    }
    case 'boolean': {
      const s = raw.trim().toLowerCase();
      if (s !== 'true' && s !== 'false') invalid(raw, t, column);
      return s === 'true';
    }
    case 'date': {
      const v = parseDateDays(raw);
      if (v === undefined) invalid(raw, t, column);
      return v;
    }
    case 'timestamp':
    case 'timestamp_ntz': {
      const v = parseTimestampMicros(raw);
      if (v === undefined) invalid(raw, t, column);
      return v;
    }
    case 'binary':
      return encoder.encode(raw);
    default:
      throw new DeltaSqlError('UNSUPPORTED', `partition column '${column}' of type ${t.kind} is not supported`);
  }
}
