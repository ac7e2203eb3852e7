/**
 * How the CLI shows one value: Spark's string form (what spark-sql prints), except that SQL NULL
 * stays `null` so each output format can mark it its own way.
 */
import type { Cell } from '../slt/arrow-cells.js';

const MICROS_PER_DAY = 86_400_000_000n;

function pad(n: number | bigint, width: number): string {
  return String(n).padStart(width, '0');
}

function daysToDate(days: number): string {
  const d = new Date(days * 86_400_000);
  const y = d.getUTCFullYear();
  const year = y < 0 ? `-${pad(-y, 4)}` : pad(y, 4);
  return `${year}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** µs since epoch → `yyyy-MM-dd HH:mm:ss[.ffffff]` (trailing zeros of the fraction dropped), in UTC wall time. */
export function microsToText(micros: bigint): string {
  let days = micros / MICROS_PER_DAY;
  let rest = micros % MICROS_PER_DAY;
  if (rest < 0n) {
    rest += MICROS_PER_DAY;
    days -= 1n;
  }
  const seconds = rest / 1_000_000n;
  const fraction = rest % 1_000_000n;
  const hh = seconds / 3600n;
  const mm = (seconds % 3600n) / 60n;
  const ss = seconds % 60n;
  const frac = fraction === 0n ? '' : `.${pad(fraction, 6).replace(/0+$/, '')}`;
  return `${daysToDate(Number(days))} ${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}${frac}`;
}

/** Java's Double.toString shape, which Spark uses: `1.0`, `0.1`, `1.0E10`, `1.0E-5`, `NaN`, `Infinity`. */
export function doubleToText(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(v);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(v);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mantissa = '0', exponent = '0'] = v.toExponential().split('e');
  const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${m}E${exponent.replace('+', '')}`;
}

function decimalToText(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${body}` : body;
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0').toUpperCase();
  return out;
}

/** Nested values print as Spark prints them inside arrays/structs/maps. */
function nestedText(cell: Cell, timeZone: string): string {
  return cell === null ? 'null' : cellText(cell, timeZone) ?? 'null';
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset in µs at instant `micros` (time-zone-aware timestamps show in the session zone). */
function zoneOffsetMicros(micros: bigint, timeZone: string): bigint {
  if (timeZone === 'UTC') return 0n;
  let fmt = offsetFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    offsetFormatters.set(timeZone, fmt);
  }
  const ms = Number(micros / 1000n);
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  const instant = Math.floor(ms / 1000) * 1000;
  return BigInt(wall - instant) * 1000n;
}

export function cellText(cell: Cell, timeZone = 'UTC'): string | null {
  if (cell === null) return null;
  switch (cell.t) {
    case 'bool':
      return cell.v ? 'true' : 'false';
    case 'int':
      return cell.v.toString();
    case 'float':
      return doubleToText(cell.single ? Math.fround(cell.v) : cell.v);
    case 'decimal':
      return decimalToText(cell.unscaled, cell.scale);
    case 'string':
      return cell.v;
    case 'binary':
      return `X'${hex(cell.v)}'`;
    case 'date':
      return daysToDate(cell.days);
    case 'timestamp':
      return microsToText(cell.zone === null ? cell.micros : cell.micros + zoneOffsetMicros(cell.micros, timeZone));
    case 'interval-ym': {
      const sign = cell.months < 0 ? '-' : '';
      const m = Math.abs(cell.months);
      return `INTERVAL '${sign}${Math.floor(m / 12)}-${m % 12}' YEAR TO MONTH`;
    }
    case 'interval-dt': {
      const negative = cell.micros < 0n;
      const text = microsToText(negative ? -cell.micros : cell.micros);
      const days = (negative ? -cell.micros : cell.micros) / MICROS_PER_DAY;
      return `INTERVAL '${negative ? '-' : ''}${days} ${text.slice(11)}' DAY TO SECOND`;
    }
    case 'list':
      return `[${cell.items.map((c) => nestedText(c, timeZone)).join(', ')}]`;
    case 'struct':
      return `{${cell.fields.map((f) => nestedText(f.value, timeZone)).join(', ')}}`;
    case 'map':
      return `{${cell.entries.map((e) => `${nestedText(e.key, timeZone)} -> ${nestedText(e.value, timeZone)}`).join(', ')}}`;
  }
}
