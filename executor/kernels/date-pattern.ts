/**
 * Spark datetime patterns (DateTimeFormatter letters) for date_format/to_timestamp/to_date/
 * unix_timestamp/from_unixtime: y, M/L, d, D, H, h, k, K, m, s, S (fraction), a, E, Q, u,
 * z/X/x/Z/O/V zones, '' quoted literals. Unknown letters raise UNSUPPORTED naming them.
 */
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import { civilFromDays, daysFromCivil, daysInMonth, isoDayOfWeek } from './date-civil.js';

export type PatternToken = { kind: 'field'; letter: string; count: number } | { kind: 'literal'; text: string };

const cache = new Map<string, PatternToken[]>();
const KNOWN = new Set('yuMLdDHhkKmsSaEQzXxZOVGe'.split(''));

export function tokenizePattern(pattern: string): PatternToken[] {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const out: PatternToken[] = [];
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out.push({ kind: 'literal', text: "'" });
        i += 2;
        continue;
      }
      if (end < 0) throw new DeltaSqlError('INVALID_ARGUMENT', `unterminated quote in datetime pattern '${pattern}'`);
      out.push({ kind: 'literal', text: pattern.slice(i + 1, end) });
      i = end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      if (!KNOWN.has(c)) unsupported(`datetime pattern letter '${c}'`);
      out.push({ kind: 'field', letter: c, count: j - i });
      i = j;
    } else {
      out.push({ kind: 'literal', text: c });
      i++;
    }
  }
  cache.set(pattern, out);
  return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const pad = (n: number, w: number): string => (n < 0 ? `-${String(-n).padStart(w, '0')}` : String(n).padStart(w, '0'));

/** Local wall-clock fields plus the zone offset (minutes) for zone letters. */
export interface LocalFields {
  readonly days: number;
  readonly microsOfDay: number;
  readonly offsetMinutes: number;
  readonly zone: string;
}

function formatOffset(min: number, colon: boolean, zForZero: boolean): string {
  if (min === 0 && zForZero) return 'Z';
  const s = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${s}${pad(Math.floor(a / 60), 2)}${colon ? ':' : ''}${pad(a % 60, 2)}`;
}

export function formatWithPattern(tokens: readonly PatternToken[], f: LocalFields): string {
  const c = civilFromDays(f.days);
  const secs = Math.floor(f.microsOfDay / 1e6);
  const frac = f.microsOfDay % 1e6;
  const h = Math.floor(secs / 3600);
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'literal') {
      out += t.text;
      continue;
    }
    const n = t.count;
    switch (t.letter) {
      case 'y':
      case 'u':
        out += n === 2 ? pad(((c.year % 100) + 100) % 100, 2) : pad(c.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[c.month - 1] : n === 3 ? MONTHS[c.month - 1]!.slice(0, 3) : pad(c.month, n);
        break;
      case 'd':
        out += pad(c.day, n);
        break;
      case 'D':
        out += pad(f.days - daysFromCivil(c.year, 1, 1) + 1, n);
        break;
      case 'Q':
        out += pad(Math.floor((c.month - 1) / 3) + 1, n);
        break;
      case 'H':
        out += pad(h, n);
        break;
      case 'k':
        out += pad(h === 0 ? 24 : h, n);
        break;
      case 'h':
        out += pad(h % 12 === 0 ? 12 : h % 12, n);
        break;
      case 'K':
        out += pad(h % 12, n);
        break;
      case 'm':
        out += pad(Math.floor(secs / 60) % 60, n);
        break;
      case 's':
        out += pad(secs % 60, n);
        break;
      case 'S':
        out += String(frac).padStart(6, '0').padEnd(n, '0').slice(0, n);
        break;
      case 'a':
        out += h < 12 ? 'AM' : 'PM';
        break;
      case 'E':
        out += n >= 4 ? DAYS[isoDayOfWeek(f.days) - 1] : DAYS[isoDayOfWeek(f.days) - 1]!.slice(0, 3);
        break;
      case 'e':
        out += pad((isoDayOfWeek(f.days) % 7) + 1, n);
        break;
      case 'G':
        out += c.year > 0 ? 'AD' : 'BC';
        break;
      case 'V':
        out += f.zone;
        break;
      case 'z':
        out += f.offsetMinutes === 0 ? 'UTC' : formatOffset(f.offsetMinutes, true, false);
        break;
      case 'X':
        out += formatOffset(f.offsetMinutes, n >= 3, true);
        break;
      case 'x':
      case 'Z':
        out += formatOffset(f.offsetMinutes, n >= 3 && t.letter === 'x', false);
        break;
      case 'O':
        out += f.offsetMinutes === 0 ? 'GMT' : `GMT${formatOffset(f.offsetMinutes, true, false)}`;
        break;
    }
  }
  return out;
}

export interface ParsedFields {
  /** Local µs since epoch. */
  readonly local: bigint;
  /** Offset in minutes or zone id written in the text. */
  readonly zone: string | undefined;
}

function fieldRegex(t: Extract<PatternToken, { kind: 'field' }>): string {
  switch (t.letter) {
    case 'M':
    case 'L':
      return t.count >= 3 ? '([A-Za-z]+)' : t.count === 2 ? '(\\d{2})' : '(\\d{1,2})';
    case 'E':
    case 'a':
    case 'G':
      return '([A-Za-z]+)';
    case 'y':
    case 'u':
      return t.count === 2 ? '(\\d{2})' : t.count >= 4 ? '([+-]?\\d{4,})' : '([+-]?\\d{1,})';
    case 'S':
      return `(\\d{1,${t.count}})`;
    case 'X':
    case 'x':
    case 'Z':
    case 'z':
    case 'O':
    case 'V':
      return '(Z|[+-]\\d{2}:?\\d{2}|GMT[+-]\\d{1,2}(?::\\d{2})?|UTC|GMT|[A-Za-z_]+(?:/[A-Za-z_]+)*)';
    default:
      return t.count === 1 ? '(\\d{1,2})' : `(\\d{${t.count}})`;
  }
}

/** Parse text with a pattern into local µs (and a zone if the text carried one); null if it does not match. */
export function parseWithPattern(tokens: readonly PatternToken[], text: string): ParsedFields | null {
  const fields = tokens.filter((t): t is Extract<PatternToken, { kind: 'field' }> => t.kind === 'field');
  const src = tokens.map((t) => (t.kind === 'literal' ? t.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : fieldRegex(t))).join('');
  const m = new RegExp(`^${src}$`).exec(text);
  if (!m) return null;
  let year = 1970;
  let month = 1;
  let day = 1;
  let doy: number | undefined;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let micros = 0;
  let pm: boolean | undefined;
  let zone: string | undefined;
  for (let k = 0; k < fields.length; k++) {
    const t = fields[k]!;
    const v = m[k + 1]!;
    switch (t.letter) {
      case 'y':
      case 'u':
        year = t.count === 2 ? 2000 + Number(v) : Number(v);
        break;
      case 'M':
      case 'L':
        if (t.count >= 3) {
          const idx = MONTHS.findIndex((name) => name.toLowerCase().startsWith(v.toLowerCase()) && (t.count >= 4 ? name.length === v.length : v.length === 3));
          if (idx < 0) return null;
          month = idx + 1;
        } else month = Number(v);
        break;
      case 'd':
        day = Number(v);
        break;
      case 'D':
        doy = Number(v);
        break;
      case 'H':
      case 'k':
        hour = Number(v) % 24;
        break;
      case 'h':
      case 'K':
        hour = Number(v) % 12;
        break;
      case 'm':
        minute = Number(v);
        break;
      case 's':
        second = Number(v);
        break;
      case 'S':
        micros = Number(v.padEnd(6, '0').slice(0, 6));
        break;
      case 'a':
        pm = v.toUpperCase() === 'PM';
        break;
      case 'X':
      case 'x':
      case 'Z':
      case 'z':
      case 'O':
      case 'V':
        zone = v === 'Z' ? 'UTC' : v.replace(/^GMT(?=[+-])/, '').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
        break;
    }
  }
  if (pm !== undefined && pm) hour += 12;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || minute > 59 || second > 59) return null;
  const days = doy !== undefined ? daysFromCivil(year, 1, 1) + doy - 1 : daysFromCivil(year, month, day);
  const tod = ((hour * 60 + minute) * 60 + second) * 1e6 + micros;
  return { local: BigInt(days) * 86_400_000_000n + BigInt(tod), zone };
}
