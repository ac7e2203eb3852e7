/**
 * Spark's string → number/boolean parsing for CAST. Leading/trailing whitespace (and other
 * characters <= U+0020) is trimmed. Integral strings may carry a fraction, which is truncated
 * ("1.9" → 1) as UTF8String.toLong does; no exponent. Doubles accept Java's syntax (optional
 * d/f suffix) and inf/infinity/nan in any case. Decimals accept exponents.
 */
import { INVALID, type Invalid } from './cast-errors.js';

export function sparkTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

const INTEGRAL = /^([+-]?)(\d+)(?:\.(\d*))?$|^([+-]?)\.(\d+)$/;

/** Parse an integral value (bigint, unchecked range); INVALID for malformed text. */
export function parseIntegral(text: string): bigint | Invalid {
  const s = sparkTrim(text);
  const m = INTEGRAL.exec(s);
  if (!m) return INVALID;
  if (m[5] !== undefined) return 0n;
  const v = BigInt(m[2]!);
  return m[1] === '-' ? -v : v;
}

const DOUBLE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[dDfF]?$/;

export function parseDouble(text: string): number | Invalid {
  const s = sparkTrim(text);
  if (DOUBLE.test(s)) return Number(/[dDfF]$/.test(s) ? s.slice(0, -1) : s);
  switch (s.toLowerCase()) {
    case 'inf':
    case '+inf':
    case 'infinity':
    case '+infinity':
      return Infinity;
    case '-inf':
    case '-infinity':
      return -Infinity;
    case 'nan':
      return NaN;
    default:
      return INVALID;
  }
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parse a decimal literal into an exact unscaled value and scale (scale may be negative). */
export function parseDecimal(text: string): { unscaled: bigint; scale: number } | Invalid {
  const s = sparkTrim(text);
  const m = DECIMAL.exec(s);
  if (!m) return INVALID;
  const int = m[2] ?? '';
  const frac = m[3] ?? '';
  if (int === '' && frac === '') return INVALID;
  const exp = m[4] ? Number(m[4]) : 0;
  if (!Number.isFinite(exp) || Math.abs(exp) > 10_000) return INVALID;
  const digits = BigInt((int + frac) || '0');
  return { unscaled: m[1] === '-' ? -digits : digits, scale: frac.length - exp };
}

const TRUE = new Set(['t', 'true', 'y', 'yes', '1']);
const FALSE = new Set(['f', 'false', 'n', 'no', '0']);

export function parseBoolean(text: string): boolean | Invalid {
  const s = sparkTrim(text).toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return INVALID;
}
