/** Decimal128 values (four little-endian 32-bit words, two's complement) ↔ exact decimal text. */

export function readDecimalWords(words: Uint32Array, row: number): bigint {
  const at = row * 4;
  let v = 0n;
  for (let w = 3; w >= 0; w--) v = (v << 32n) | BigInt(words[at + w] ?? 0);
  return v >= 1n << 127n ? v - (1n << 128n) : v;
}

/** Compare two rows without building bigints: signed high word first, then unsigned words. */
export function compareDecimalRows(words: Uint32Array, a: number, b: number): number {
  const ha = words[a * 4 + 3] ?? 0;
  const hb = words[b * 4 + 3] ?? 0;
  if (ha !== hb) return (ha | 0) < (hb | 0) ? -1 : 1;
  for (let w = 2; w >= 0; w--) {
    const x = words[a * 4 + w] ?? 0;
    const y = words[b * 4 + w] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Plain decimal text of an unscaled value (`12345`, scale 2 → `123.45`), no exponent. */
export function formatDecimal(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  let digits = (negative ? -unscaled : unscaled).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return negative ? `-${digits}` : digits;
}
