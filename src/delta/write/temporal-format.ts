/**
 * Dates and timestamps as Delta writes them: partition values (µs, UTC ISO or zone-less) and
 * stats (ms precision, `Z` for timestamp, no zone for timestamp_ntz).
 */

export type TimestampStyle = 'partition-utc' | 'partition-ntz' | 'stats-utc' | 'stats-ntz';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function civil(days: number): { year: number; month: number; day: number } {
  const d = new Date(days * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function yearText(year: number): string {
  if (year < 0) return `-${pad(-year, 4)}`;
  return year > 9999 ? `+${year}` : pad(year, 4);
}

export function formatDays(days: number): string {
  const { year, month, day } = civil(days);
  return `${yearText(year)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Milliseconds precision bounds: min rounds down, max rounds up, so the bound stays safe. */
export function floorToMillis(micros: bigint): bigint {
  return floorDiv(micros, 1000n) * 1000n;
}

export function ceilToMillis(micros: bigint): bigint {
  const floor = floorToMillis(micros);
  return floor === micros ? floor : floor + 1000n;
}

export function formatMicros(micros: bigint, style: TimestampStyle): string {
  const days = floorDiv(micros, 86400000000n);
  const inDay = Number(micros - days * 86400000000n);
  const secondsOfDay = Math.floor(inDay / 1000000);
  const fraction = inDay % 1000000;
  const time = `${pad(Math.floor(secondsOfDay / 3600), 2)}:${pad(Math.floor(secondsOfDay / 60) % 60, 2)}:${pad(secondsOfDay % 60, 2)}`;
  const date = formatDays(Number(days));
  switch (style) {
    case 'partition-utc':
      return `${date}T${time}.${pad(fraction, 6)}Z`;
    case 'partition-ntz':
      return fraction === 0 ? `${date} ${time}` : `${date} ${time}.${pad(fraction, 6)}`;
    case 'stats-utc':
      return `${date}T${time}.${pad(Math.floor(fraction / 1000), 3)}Z`;
    case 'stats-ntz':
      return `${date}T${time}.${pad(Math.floor(fraction / 1000), 3)}`;
  }
}
