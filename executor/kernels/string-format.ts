/**
 * format_string / printf (a java.util.Formatter subset: %s %S %d %f %e %E %g %x %X %o %c %b %%
 * %n with flags `-`, `0`, `+`, ` `, `,`, width, precision, and `n$` positions) and
 * format_number (HALF_EVEN like java.text.DecimalFormat, grouping by three).
 */
import { unsupported } from '../../src/common/errors.js';
import type { DataType } from '../../src/common/types/data-type.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import { divHalfEven, formatDecimal, pow10 } from './arith-decimal-util.js';
import { valueToString } from './cast-format.js';

const SPEC = /%(\d+\$)?([-#+ 0,(]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g;

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function applyWidth(s: string, flags: string, width: number | undefined, numeric: boolean): string {
  if (width === undefined || s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width, ' ');
  if (numeric && flags.includes('0')) {
    const sign = /^[+\- ]/.test(s) ? s[0]! : '';
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  }
  return s.padStart(width, ' ');
}

function signed(body: string, neg: boolean, flags: string): string {
  if (neg) return flags.includes('(') ? `(${body})` : `-${body}`;
  return flags.includes('+') ? `+${body}` : flags.includes(' ') ? ` ${body}` : body;
}

/** Exact fixed-point text of a number/bigint/decimal value at `prec` digits, HALF_UP (Java's %f). */
function fixed(v: ScalarValue, type: DataType | undefined, prec: number): { neg: boolean; text: string } {
  let unscaled: bigint;
  let scale: number;
  if (typeof v === 'bigint' && type?.kind === 'decimal') [unscaled, scale] = [v, type.scale];
  else if (typeof v === 'bigint') [unscaled, scale] = [v, 0];
  else {
    const x = Number(v);
    if (!Number.isFinite(x)) return { neg: x < 0, text: Number.isNaN(x) ? 'NaN' : 'Infinity' };
    const t = x.toExponential().split('e');
    const digits = t[0]!.replace('.', '').replace('-', '');
    const exp = Number(t[1]);
    unscaled = BigInt(digits) * (x < 0 ? -1n : 1n);
    scale = digits.length - 1 - exp;
  }
  let r: bigint;
  if (scale <= prec) r = unscaled * pow10(prec - scale);
  else {
    const d = pow10(scale - prec);
    const q = unscaled / d;
    const rem = unscaled % d;
    r = (rem < 0n ? -rem : rem) * 2n >= d ? q + (unscaled < 0n ? -1n : 1n) : q;
  }
  const neg = r < 0n || (r === 0n && Object.is(Number(v), -0));
  return { neg: r < 0n || (neg && r !== 0n), text: formatDecimal(r < 0n ? -r : r, prec) };
}

/** Format with Java Formatter rules; `types` give the SQL type of each argument. */
export function formatString(fmt: string, args: readonly ScalarValue[], types: readonly (DataType | undefined)[], zone: string): string {
  let next = 0;
  return fmt.replace(SPEC, (_all, pos: string | undefined, flags: string, w: string | undefined, p: string | undefined, conv: string) => {
    if (conv === '%') return applyWidth('%', flags, w ? Number(w) : undefined, false);
    if (conv === 'n') return '\n';
    const idx = pos ? Number(pos.slice(0, -1)) - 1 : next++;
    const v = args[idx] ?? null;
    const type = types[idx];
    const width = w ? Number(w) : undefined;
    const prec = p !== undefined ? Number(p) : undefined;
    const lower = conv.toLowerCase();
    let s: string;
    if (lower === 's') s = v === null ? 'null' : type ? valueToString(v, type, zone) : String(v);
    else if (lower === 'b') s = v === null ? 'false' : typeof v === 'boolean' ? String(v) : 'true';
    else if (v === null) s = 'null';
    else if (lower === 'c') s = typeof v === 'string' ? v.slice(0, 1) : String.fromCodePoint(Number(v));
    else if (lower === 'd') {
      const big = BigInt(typeof v === 'bigint' ? v : Math.trunc(Number(v)));
      const body = (big < 0n ? -big : big).toString();
      s = signed(flags.includes(',') ? group(body) : body, big < 0n, flags);
      return applyWidth(s, flags, width, true);
    } else if (lower === 'x' || lower === 'o') {
      const big = BigInt(typeof v === 'bigint' ? v : Math.trunc(Number(v)));
      const bits = type?.kind === 'long' ? 64 : type?.kind === 'short' ? 16 : type?.kind === 'byte' ? 8 : 32;
      s = BigInt.asUintN(bits, big).toString(lower === 'x' ? 16 : 8);
      if (conv === 'X') s = s.toUpperCase();
      return applyWidth(s, flags, width, true);
    } else if (lower === 'f') {
      const r = fixed(v, type, prec ?? 6);
      const [int, frac] = r.text.split('.');
      const body = (flags.includes(',') ? group(int!) : int!) + (frac !== undefined ? `.${frac}` : '');
      s = signed(body, r.neg, flags);
      return applyWidth(s, flags, width, true);
    } else if (lower === 'e') {
      const x = Number(typeof v === 'bigint' && type?.kind === 'decimal' ? formatDecimal(v, type.scale) : v);
      const [m, e] = Math.abs(x).toExponential(prec ?? 6).split('e') as [string, string];
      const exp = Number(e);
      s = signed(`${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`, x < 0, flags);
      if (conv === 'E') s = s.toUpperCase();
      return applyWidth(s, flags, width, true);
    } else return unsupported(`format_string conversion %${conv}`);
    if (prec !== undefined) s = s.slice(0, prec);
    if (conv === conv.toUpperCase() && lower !== conv) s = s.toUpperCase();
    return applyWidth(s, flags, width, false);
  });
}

/** format_number(x, d): `#,###.dd` with d decimals, rounding HALF_EVEN; NULL for d < 0. */
export function formatNumber(v: ScalarValue, type: DataType, d: number): string | null {
  if (d < 0) return null;
  let unscaled: bigint;
  let scale: number;
  if (typeof v === 'bigint') [unscaled, scale] = [v, type.kind === 'decimal' ? type.scale : 0];
  else {
    const x = Number(v);
    if (Number.isNaN(x)) return '\uFFFD';
    if (!Number.isFinite(x)) return x > 0 ? '\u221E' : '-\u221E';
    const t = Math.abs(x).toExponential().split('e');
    const digits = t[0]!.replace('.', '');
    unscaled = BigInt(digits) * (x < 0 ? -1n : 1n);
    scale = digits.length - 1 - Number(t[1]);
  }
  const r = scale <= d ? unscaled * pow10(d - scale) : divHalfEven(unscaled, pow10(scale - d));
  const text = formatDecimal(r < 0n ? -r : r, d);
  const [int, frac] = text.split('.');
  return `${r < 0n ? '-' : ''}${group(int!)}${frac !== undefined ? `.${frac}` : ''}`;
}
