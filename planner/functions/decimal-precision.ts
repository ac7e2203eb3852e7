/**
 * Spark's DecimalPrecision: result types of decimal arithmetic, capped at 38 digits.
 * With `allowPrecisionLoss` (spark.sql.decimalOperations.allowPrecisionLoss, default true) an
 * oversized result keeps its integer digits and gives up scale down to 6; without it the type is
 * simply clamped (DecimalType.bounded) and results that do not fit overflow.
 */
import { MAX_DECIMAL_PRECISION, decimal, type DecimalType } from '../../src/common/types/data-type.js';
import { boundedDecimal } from './type-coercion.js';

/** Spark's MINIMUM_ADJUSTED_SCALE. */
export const MINIMUM_ADJUSTED_SCALE = 6;

/** DecimalType.adjustPrecisionScale. */
export function adjustPrecisionScale(precision: number, scale: number): DecimalType {
  if (precision <= MAX_DECIMAL_PRECISION) return decimal(precision, scale);
  const intDigits = precision - scale;
  const minScale = Math.min(scale, MINIMUM_ADJUSTED_SCALE);
  const adjustedScale = Math.max(MAX_DECIMAL_PRECISION - intDigits, minScale);
  return decimal(MAX_DECIMAL_PRECISION, adjustedScale);
}

export type DecimalArithmeticOp = 'add' | 'subtract' | 'multiply' | 'divide' | 'mod' | 'pmod';

/** The result type of `a op b` for two decimals. */
export function decimalArithmeticType(op: DecimalArithmeticOp, a: DecimalType, b: DecimalType, allowPrecisionLoss = true): DecimalType {
  const { precision: p1, scale: s1 } = a;
  const { precision: p2, scale: s2 } = b;
  const fit = (p: number, s: number): DecimalType => (allowPrecisionLoss ? adjustPrecisionScale(p, s) : boundedDecimal(p, s));
  switch (op) {
    case 'add':
    case 'subtract': {
      const s = Math.max(s1, s2);
      return fit(Math.max(p1 - s1, p2 - s2) + s + 1, s);
    }
    case 'multiply':
      return fit(p1 + p2 + 1, s1 + s2);
    case 'divide': {
      if (allowPrecisionLoss) {
        const intDigits = p1 - s1 + s2;
        const scale = Math.max(MINIMUM_ADJUSTED_SCALE, s1 + p2 + 1);
        return adjustPrecisionScale(intDigits + scale, scale);
      }
      // Without precision loss Spark keeps as much scale as fits beside the integer digits.
      let intDigits = Math.min(MAX_DECIMAL_PRECISION, p1 - s1 + s2);
      let decDigits = Math.min(MAX_DECIMAL_PRECISION, Math.max(6, s1 + p2 + 1));
      const diff = intDigits + decDigits - MAX_DECIMAL_PRECISION;
      if (diff > 0) {
        decDigits -= Math.floor(diff / 2) + 1;
        intDigits = MAX_DECIMAL_PRECISION - decDigits;
      }
      return boundedDecimal(intDigits + decDigits, decDigits);
    }
    case 'mod':
    case 'pmod': {
      const s = Math.max(s1, s2);
      return fit(Math.min(p1 - s1, p2 - s2) + s, s);
    }
  }
}
