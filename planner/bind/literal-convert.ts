/**
 * Exact conversions of literal values between types, for the widenings coercion inserts
 * (int → bigint/double/decimal, decimal → wider decimal/double, NULL → anything). Anything
 * else is left to a runtime cast (undefined).
 */
import type { DataType } from '../../src/common/types/data-type.js';
import type { ScalarValue } from '../expr/scalar-value.js';

export function convertLiteral(value: ScalarValue, from: DataType, to: DataType): ScalarValue | undefined {
  if (value === null) return null;
  const integral = from.kind === 'byte' || from.kind === 'short' || from.kind === 'int' || from.kind === 'long';
  if (integral) {
    const n = typeof value === 'bigint' ? value : BigInt(value as number);
    switch (to.kind) {
      case 'short':
      case 'int':
        return from.kind === 'byte' || from.kind === 'short' || from.kind === to.kind ? Number(n) : undefined;
      case 'long':
        return n;
      case 'double':
        return Number(n);
      case 'float':
        return Number.isSafeInteger(Number(n)) && Math.abs(Number(n)) < 2 ** 24 ? Number(n) : undefined;
      case 'decimal': {
        const scaled = n * 10n ** BigInt(to.scale);
        return (scaled < 0n ? -scaled : scaled).toString().length <= to.precision ? scaled : undefined;
      }
      default:
        return undefined;
    }
  }
  if (from.kind === 'decimal' && typeof value === 'bigint') {
    if (to.kind === 'decimal' && to.scale >= from.scale) {
      const scaled = value * 10n ** BigInt(to.scale - from.scale);
      return (scaled < 0n ? -scaled : scaled).toString().length <= to.precision ? scaled : undefined;
    }
    if (to.kind === 'double') return Number(value) / 10 ** from.scale;
    return undefined;
  }
  if (from.kind === 'float' && to.kind === 'double') return value;
  if (from.kind === 'string' && to.kind === 'string') return value;
  return undefined;
}
