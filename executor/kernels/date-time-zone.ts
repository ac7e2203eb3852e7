/**
 * Session time-zone conversions: UTC µs ↔ local wall-clock µs for an IANA zone, via Intl
 * (offsets cached per zone and hour). Local → UTC picks the earlier offset in an overlap and
 * shifts forward through a gap, as java.time's ZonedDateTime.of does.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

const FIXED = /^(?:UTC|GMT|Z)?([+-])(\d{1,2})(?::?(\d{2}))?$/;

/** Offset (ms) of `zone` at UTC instant `ms`. */
export function zoneOffsetMillis(zone: string, ms: number): number {
  if (zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT' || zone === 'Z') return 0;
  const fixed = FIXED.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)) * 60_000;
  const hour = Math.floor(ms / 3_600_000);
  let cache = offsetCache.get(zone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(zone, cache);
  }
  const hit = cache.get(hour);
  if (hit !== undefined) return hit;
  const parts = formatter(zone).formatToParts(new Date(hour * 3_600_000));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  let year = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const d = new Date(0);
  d.setUTCFullYear(year, get('month') - 1, get('day'));
  d.setUTCHours(get('hour'), get('minute'), get('second'), 0);
  const off = d.getTime() - hour * 3_600_000;
  if (cache.size > 100_000) cache.clear();
  cache.set(hour, off);
  return off;
}

/** UTC µs → local wall-clock µs in `zone`. */
export function utcToLocalMicros(us: bigint, zone: string): bigint {
  const ms = Number(us / 1000n);
  return us + BigInt(zoneOffsetMillis(zone, ms)) * 1000n;
}

/** Local wall-clock µs in `zone` → UTC µs. */
export function localToUtcMicros(local: bigint, zone: string): bigint {
  const lms = Number(local / 1000n);
  const o1 = zoneOffsetMillis(zone, lms);
  const o2 = zoneOffsetMillis(zone, lms - o1);
  if (o1 === o2) return local - BigInt(o1) * 1000n;
  // Overlap or gap: prefer the earlier offset when it round-trips, otherwise shift through the gap.
  const early = Math.max(o1, o2);
  const late = Math.min(o1, o2);
  if (zoneOffsetMillis(zone, lms - early) === early) return local - BigInt(early) * 1000n;
  return local - BigInt(late) * 1000n;
}

/** Whether `zone` is a zone Intl or our fixed-offset parser understands. */
export function isValidZone(zone: string): boolean {
  if (FIXED.test(zone) || zone === 'UTC' || zone === 'Z') return true;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}
