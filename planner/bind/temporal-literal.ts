/**
 * DATE / TIMESTAMP / TIMESTAMP_NTZ literal text → the ScalarValue forms (days; µs since epoch).
 * Accepts Spark's literal shapes: `yyyy[-[m]m[-[d]d]]` and `yyyy-mm-dd[ |T]hh[:mm[:ss[.ffffff]]][zone]`.
 */
const TS =
  /^\s*([+-]?\d{4,6})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[ T](\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d{0,9}))?)?)?)?\s*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?|(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?|[A-Za-z_]+\/[A-Za-z_\/+-]+)?\s*$/;

export interface TimestampFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly micros: number;
  readonly zone: string | undefined;
}

export function parseTimestampText(text: string): TimestampFields | undefined {
  const m = TS.exec(text);
  if (m === null) return undefined;
  const f: TimestampFields = {
    year: Number(m[1]),
    month: m[2] === undefined ? 1 : Number(m[2]),
    day: m[3] === undefined ? 1 : Number(m[3]),
    hour: m[4] === undefined ? 0 : Number(m[4]),
    minute: m[5] === undefined ? 0 : Number(m[5]),
    second: m[6] === undefined ? 0 : Number(m[6]),
    micros: m[7] === undefined || m[7] === '' ? 0 : Number((m[7] + '000000').slice(0, 6)),
    zone: m[8],
  };
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.hour > 23 || f.minute > 59 || f.second > 59) return undefined;
  const probe = new Date(Date.UTC(2000, f.month - 1, f.day));
  if (probe.getUTCMonth() !== f.month - 1) return undefined;
  if (f.day > daysInMonth(f.year, f.month)) return undefined;
  return f;
}

function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

function utcMillis(f: TimestampFields): number {
  const d = new Date(0);
  d.setUTCFullYear(f.year, f.month - 1, f.day);
  d.setUTCHours(f.hour, f.minute, f.second, 0);
  return d.getTime();
}

/** Days since epoch for a date literal, or undefined when invalid. */
export function parseDateText(text: string): number | undefined {
  const f = parseTimestampText(text);
  if (f === undefined) return undefined;
  return Math.floor(utcMillis({ ...f, hour: 0, minute: 0, second: 0 }) / 86_400_000);
}

/** Offset of `zone` from UTC at the instant `ms`, in milliseconds. */
export function zoneOffsetMs(zone: string, ms: number): number {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const d = new Date(0);
  d.setUTCFullYear(parts['year'] ?? 1970, (parts['month'] ?? 1) - 1, parts['day'] ?? 1);
  d.setUTCHours(parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0, 0);
  return d.getTime() - Math.floor(ms / 1000) * 1000;
}

function fixedOffsetMs(zone: string): number | undefined {
  const z = zone.replace(/^(UTC|GMT)/, '');
  if (z === '' || z === 'Z') return 0;
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (m === null) return undefined;
  const v = (Number(m[2]) * 60 + Number(m[3] ?? '0')) * 60_000;
  return m[1] === '-' ? -v : v;
}

/**
 * Wall-clock ms (as if UTC) in `zone` → the UTC instant, as java.time resolves it: in an overlap
 * the earlier offset, in a gap the offset before the transition (02:30 in a spring-forward gap is 03:30).
 */
export function zonedToUtc(local: number, zone: string): number {
  const before = zoneOffsetMs(zone, local - 86_400_000);
  const after = zoneOffsetMs(zone, local + 86_400_000);
  const valid = [before, after].filter((o) => zoneOffsetMs(zone, local - o) === o);
  if (valid.length > 0) return local - (valid.includes(before) ? before : (valid[0] as number));
  return local - before;
}

/** µs since epoch of a TIMESTAMP literal read in `sessionZone` unless it names its own zone. */
export function parseTimestampLtz(text: string, sessionZone: string): bigint | undefined {
  const f = parseTimestampText(text);
  if (f === undefined) return undefined;
  const local = utcMillis(f);
  const zone = f.zone ?? sessionZone;
  const fixed = fixedOffsetMs(zone);
  let utc: number;
  if (fixed !== undefined) utc = local - fixed;
  else {
    try {
      utc = zonedToUtc(local, zone);
    } catch {
      return undefined;
    }
  }
  return BigInt(utc) * 1000n + BigInt(f.micros);
}

/** µs since epoch of a TIMESTAMP_NTZ literal (wall clock, no zone). */
export function parseTimestampNtz(text: string): bigint | undefined {
  const f = parseTimestampText(text);
  if (f === undefined || f.zone !== undefined) return undefined;
  return BigInt(utcMillis(f)) * 1000n + BigInt(f.micros);
}
