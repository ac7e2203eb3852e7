/**
 * Spark's string → date / timestamp parsing for CAST (DateTimeUtils.stringToDate /
 * stringToTimestamp): `yyyy`, `yyyy-[m]m`, `yyyy-[m]m-[d]d`, then for timestamps an optional
 * ` ` or `T` and `[h]h:[m]m[:[s]s[.fraction]]` and an optional zone (`Z`, `±hh[:mm]`,
 * `UTC±...`, or a region id). A date may be followed by ` ` or `T` and anything.
 */
import { daysFromCivil, daysInMonth, MICROS_PER_DAY } from './date-civil.js';
import { isValidZone, localToUtcMicros } from './date-time-zone.js';
import { sparkTrim } from './cast-parse.js';

const DATE = /^([+-]?\d{4,7})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

function civil(y: string, m: string | undefined, d: string | undefined): number | null {
  const year = Number(y);
  const month = m === undefined ? 1 : Number(m);
  const day = d === undefined ? 1 : Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

/** Days since epoch, or null when the text is not a date. */
export function parseDate(text: string): number | null {
  const s = sparkTrim(text);
  const cut = s.search(/[ T]/);
  const head = cut >= 0 ? s.slice(0, cut) : s;
  // A trailing part is allowed only after a full yyyy-mm-dd.
  const m = DATE.exec(head);
  if (!m || (cut >= 0 && m[3] === undefined)) return null;
  return civil(m[1]!, m[2], m[3]);
}

const TS =
  /^([+-]?\d{4,7})(?:-(\d{1,2})(?:-(\d{1,2})(?:[ T](?:(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{0,9}))?)?)?)?)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?|(?:UTC|GMT|UT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Za-z][A-Za-z0-9_+\-/]*)?$/;

export interface ParsedTimestamp {
  /** Local wall-clock µs since epoch. */
  readonly local: bigint;
  /** Zone written in the text, if any. */
  readonly zone: string | undefined;
}

export function parseTimestampParts(text: string): ParsedTimestamp | null {
  const s = sparkTrim(text);
  const m = TS.exec(s);
  if (!m) return null;
  const days = civil(m[1]!, m[2], m[3]);
  if (days === null) return null;
  const h = Number(m[4] ?? 0);
  const mi = Number(m[5] ?? 0);
  const se = Number(m[6] ?? 0);
  if (h > 23 || mi > 59 || se > 59) return null;
  const frac = (m[7] ?? '').slice(0, 6).padEnd(6, '0');
  const tod = BigInt(((h * 60 + mi) * 60 + se) * 1_000_000 + Number(frac));
  let zone = m[8];
  if (zone !== undefined) {
    zone = normalizeZone(zone);
    if (zone === undefined) return null;
  }
  return { local: BigInt(days) * MICROS_PER_DAY + tod, zone };
}

function normalizeZone(z: string): string | undefined {
  if (z === 'Z') return 'UTC';
  const off = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (off) return `${off[1]}${off[2]!.padStart(2, '0')}:${off[3] ?? '00'}`;
  if (z === 'UTC' || z === 'GMT' || z === 'UT') return 'UTC';
  return isValidZone(z) ? z : undefined;
}

/** UTC µs for a timestamp string read in `sessionZone` unless it names its own zone; null when malformed. */
export function parseTimestamp(text: string, sessionZone: string): bigint | null {
  const p = parseTimestampParts(text);
  if (!p) return null;
  return localToUtcMicros(p.local, p.zone ?? sessionZone);
}

/** timestamp_ntz: local µs; a zone in the text is not allowed. */
export function parseTimestampNtz(text: string): bigint | null {
  const p = parseTimestampParts(text);
  if (!p || p.zone !== undefined) return null;
  return p.local;
}
