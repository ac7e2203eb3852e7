/**
 * Number → text conversions the golden-file formats need: SQLite's `%.3f` and `%!.15g`
 * (FORMAT.md §3), DataFusion's 12-decimal rounding (§7.1), Java's Double/Float.toString and
 * BigDecimal.toPlainString (§8). Exact decimal arithmetic is done on bigint.
 */

/** The shortest decimal that reads back as the same float32, as a double (Java's Float.toString digits). */
export function float32AsDouble(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  for (let p = 1; p <= 9; p++) {
    const candidate = Number(x.toPrecision(p));
    if (Math.fround(candidate) === x) return candidate;
  }
  return x;
}

/** `m × 10^e` with `m` holding `digits` significant digits of |x| (x finite, non-zero). */
function decimalParts(x: number, digits: number): { m: bigint; e: number } {
  const [mantissa = '0', exp = '0'] = Math.abs(x).toExponential(digits - 1).split('e');
  const [int = '0', frac = ''] = mantissa.split('.');
  return { m: BigInt(int + frac), e: Number(exp) - frac.length };
}

/** round(m × 10^e × 10^places), ties away from zero (m ≥ 0). */
function roundScaled(m: bigint, e: number, places: number): bigint {
  const q = e + places;
  if (q >= 0) return m * 10n ** BigInt(q);
  const div = 10n ** BigInt(-q);
  return (m + div / 2n) / div;
}

function withPoint(n: bigint, places: number): string {
  const digits = n.toString().padStart(places + 1, '0');
  return places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/**
 * SQLite's `%.3f` (FORMAT.md §3.3): 16 significant digits first, then half-up at 3 places;
 * `-0.0` prints `0.000`, a tiny negative prints `-0.000`.
 */
export function sqliteFixed3(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0.000';
  const { m, e } = decimalParts(x, 16);
  return (x < 0 ? '-' : '') + withPoint(roundScaled(m, e, 3), 3);
}

/** SQLite's `%!.15g`: 15 significant digits, trailing zeros dropped but at least `.0`. */
export function sqliteG15(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0.0';
  const [mantissa = '0', expText = '0'] = x.toExponential(14).split('e');
  const exp = Number(expText);
  const trim = (s: string): string => {
    const t = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
    return t.includes('.') ? t : `${t}.0`;
  };
  if (exp < -4 || exp >= 15) {
    const sign = exp < 0 ? '-' : '+';
    return `${trim(mantissa)}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return trim(x.toFixed(Math.max(0, 14 - exp)));
}

function trimFraction(s: string): string {
  if (!s.includes('.')) return s;
  const t = s.replace(/0+$/, '').replace(/\.$/, '');
  return t === '-0' ? '0' : t;
}

/** DataFusion's float text: round to 12 decimal places, drop trailing zeros (FORMAT.md §7.1). */
export function dataFusionFloat(x: number, single: boolean): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  const v = single ? float32AsDouble(x) : x;
  if (v === 0) return '0';
  if (Math.abs(v) >= 2 ** 53) return BigInt(v).toString(); // an integer: print its exact value
  const { m, e } = decimalParts(v, 17);
  return trimFraction((v < 0 ? '-' : '') + withPoint(roundScaled(m, e, 12), 12));
}

/** BigDecimal.toPlainString: the unscaled value with the point `scale` digits from the right. */
export function decimalPlain(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const abs = negative ? -unscaled : unscaled;
  if (scale <= 0) return (negative ? '-' : '') + (abs * 10n ** BigInt(-scale)).toString();
  return (negative ? '-' : '') + withPoint(abs, scale);
}

/** DataFusion's decimal text: at most 12 decimal places (half-up), trailing zeros dropped. */
export function dataFusionDecimal(unscaled: bigint, scale: number): string {
  if (scale <= 12) return trimFraction(decimalPlain(unscaled, scale));
  const negative = unscaled < 0n;
  const rounded = roundScaled(negative ? -unscaled : unscaled, -scale, 12);
  return trimFraction(decimalPlain(negative ? -rounded : rounded, 12));
}

/** The decimal's value as a double (for SQLite-style `R`/`I` formatting). */
export function decimalToNumber(unscaled: bigint, scale: number): number {
  return Number(decimalPlain(unscaled, scale));
}

/** Java's Double.toString / Float.toString: `1.0`, `1.0E-4`, `1.2345678901234567E19`. */
export function javaFloatString(x: number, single: boolean): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const v = single ? float32AsDouble(x) : x;
  const abs = Math.abs(v);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(v);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mantissa = '0', exp = '0'] = v.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exp)}`;
}

/** Truncates toward zero to a 64-bit integer as SQLite's double → int64 does (NaN → 0, clamped). */
export function truncToInt64(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (x >= 9223372036854775807) return 9223372036854775807n;
  if (x <= -9223372036854775808) return -9223372036854775808n;
  return BigInt(Math.trunc(x));
}
