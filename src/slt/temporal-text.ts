/**
 * Date, timestamp and interval text for golden files: Spark's `yyyy-MM-dd HH:mm:ss[.ffffff]`
 * in the session time zone, Arrow's display `yyyy-MM-ddTHH:mm:ss[.f]` for DataFusion files,
 * and Spark's ANSI interval strings.
 */
import { DeltaSqlError } from '../common/errors.js';

const MICROS_PER_DAY = 86_400_000_000n;

function pad(n: number, width = 2): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

/** Days since 1970-01-01 → `yyyy-MM-dd` (proleptic Gregorian). */
export function dateText(days: number): string {
  const d = new Date(days * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', era: 'short',
        year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch (error) {
      throw new DeltaSqlError('INVALID_ARGUMENT', `unknown time zone '${zone}'`, { cause: error });
    }
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's UTC offset in seconds at the instant `epochSeconds`. */
export function zoneOffsetSeconds(zone: string, epochSeconds: number): number {
  if (/^(utc|z|gmt|\+00:?00)$/i.test(zone)) return 0;
  const fixed = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 3600 + Number(fixed[3]) * 60);
  const parts: Record<string, string> = {};
  for (const p of zoneFormatter(zone).formatToParts(new Date(epochSeconds * 1000))) parts[p.type] = p.value;
  const year = parts['era'] === 'BC' || parts['era'] === 'B' ? 1 - Number(parts['year']) : Number(parts['year']);
  const wall = Date.UTC(year, Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  const asUtc = new Date(wall);
  if (year >= 0 && year < 100) asUtc.setUTCFullYear(year); // Date.UTC maps 0-99 to 1900-1999
  return Math.round((asUtc.getTime() - epochSeconds * 1000) / 1000);
}

interface WallClock {
  readonly date: string;
  readonly time: string; // HH:mm:ss
  readonly fraction: string; // 6 digits
  readonly offsetSeconds: number;
}

function wallClock(micros: bigint, zone: string | null): WallClock {
  const floorSeconds = micros >= 0n ? micros / 1_000_000n : -((-micros + 999_999n) / 1_000_000n);
  const offsetSeconds = zone === null ? 0 : zoneOffsetSeconds(zone, Number(floorSeconds));
  const local = micros + BigInt(offsetSeconds) * 1_000_000n;
  const dayMicros = ((local % MICROS_PER_DAY) + MICROS_PER_DAY) % MICROS_PER_DAY;
  const days = Number((local - dayMicros) / MICROS_PER_DAY);
  const secondsOfDay = Number(dayMicros / 1_000_000n);
  const time = `${pad(Math.floor(secondsOfDay / 3600))}:${pad(Math.floor(secondsOfDay / 60) % 60)}:${pad(secondsOfDay % 60)}`;
  return { date: dateText(days), time, fraction: String(dayMicros % 1_000_000n).padStart(6, '0'), offsetSeconds };
}

/** Spark: `yyyy-MM-dd HH:mm:ss[.ffffff]`, trailing fraction zeros dropped, in `zone` (null: as is). */
export function sparkTimestampText(micros: bigint, zone: string | null): string {
  const w = wallClock(micros, zone);
  const fraction = w.fraction.replace(/0+$/, '');
  return `${w.date} ${w.time}${fraction === '' ? '' : `.${fraction}`}`;
}

/** Arrow display: `yyyy-MM-ddTHH:mm:ss[.f]`, plus `Z` or `+hh:mm` when the type has a zone. */
export function arrowTimestampText(micros: bigint, zone: string | null): string {
  const w = wallClock(micros, zone);
  const fraction = w.fraction.replace(/0+$/, '');
  const base = `${w.date}T${w.time}${fraction === '' ? '' : `.${fraction}`}`;
  if (zone === null) return base;
  if (w.offsetSeconds === 0) return `${base}Z`;
  const abs = Math.abs(w.offsetSeconds);
  return `${base}${w.offsetSeconds < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}`;
}

/** Spark's ANSI year-month interval: `INTERVAL '1-2' YEAR TO MONTH`. */
export function yearMonthIntervalText(months: number): string {
  const abs = Math.abs(months);
  return `INTERVAL '${months < 0 ? '-' : ''}${Math.floor(abs / 12)}-${abs % 12}' YEAR TO MONTH`;
}

/** Spark's ANSI day-time interval: `INTERVAL '1 02:03:04.5' DAY TO SECOND`. */
export function dayTimeIntervalText(micros: bigint): string {
  const negative = micros < 0n;
  let rest = negative ? -micros : micros;
  const days = rest / MICROS_PER_DAY;
  rest %= MICROS_PER_DAY;
  const seconds = Number(rest / 1_000_000n);
  const fraction = String(rest % 1_000_000n).padStart(6, '0').replace(/0+$/, '');
  const hms = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  return `INTERVAL '${negative ? '-' : ''}${days} ${hms}${fraction === '' ? '' : `.${fraction}`}' DAY TO SECOND`;
}
