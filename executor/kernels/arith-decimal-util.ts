/** Exact decimal helpers on unscaled bigints: powers of ten, HALF_UP division and rescaling, precision checks. */

const POW10: bigint[] = [1n];
for (let i = 1; i <= 80; i++) POW10.push(POW10[i - 1]! * 10n);

export function pow10(n: number): bigint {
  return POW10[n] ?? 10n ** BigInt(n);
}

/** num / den rounded HALF_UP (ties away from zero), as Java's RoundingMode.HALF_UP. */
export function divHalfUp(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r = num % den;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  const absDen = den < 0n ? -den : den;
  if (twice >= absDen) return (num < 0n) !== (den < 0n) ? q - 1n : q + 1n;
  return q;
}

/** num / den rounded HALF_EVEN (banker's), for bround. */
export function divHalfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r = num % den;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  const absDen = den < 0n ? -den : den;
  const away = (num < 0n) !== (den < 0n) ? q - 1n : q + 1n;
  if (twice > absDen) return away;
  if (twice < absDen) return q;
  return q % 2n === 0n ? q : away;
}

/** Change the scale of an unscaled value, rounding HALF_UP when scale shrinks. */
export function rescale(v: bigint, from: number, to: number): bigint {
  if (to === from) return v;
  if (to > from) return v * pow10(to - from);
  return divHalfUp(v, pow10(from - to));
}

/** Whether an unscaled value fits `precision` digits. */
export function fitsPrecision(v: bigint, precision: number): boolean {
  const lim = pow10(precision);
  return v < lim && v > -lim;
}

/** Format an unscaled value with its scale as plain text (Spark's Decimal.toString). */
export function formatDecimal(v: bigint, scale: number): string {
  const neg = v < 0n;
  let digits = (neg ? -v : v).toString();
  if (scale <= 0) return (neg ? '-' : '') + digits + '0'.repeat(-scale);
  if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
  const cut = digits.length - scale;
  return `${neg ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}
