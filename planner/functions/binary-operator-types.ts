/**
 * Typing of binary arithmetic and comparison operators (Spark 4: DecimalPrecision,
 * PromoteStrings / AnsiStringPromotionTypeCoercion, DivisionRule, IntegralDivisionRule,
 * ImplicitTypeCasts). The binder casts each side to the returned operand types.
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import {
  DATE,
  DOUBLE,
  LONG,
  isIntegral,
  isNumeric,
  sameType,
  typeToSql,
  type DataType,
} from '../../src/common/types/data-type.js';
import type { ScalarValue } from '../expr/scalar-value.js';
import { decimalArithmeticType, type DecimalArithmeticOp } from './decimal-precision.js';
import {
  decimalForIntegralLiteral,
  decimalForType,
  findTightestCommonType,
  findWiderType,
  findWiderTypeForString,
} from './type-coercion.js';

export type ArithmeticOp = 'add' | 'subtract' | 'multiply' | 'divide' | 'div' | 'mod' | 'pmod';

export interface BinaryTyping {
  readonly left: DataType;
  readonly right: DataType;
  readonly result: DataType;
}

export interface OperandInfo {
  readonly type: DataType;
  /** The operand's value when it is a literal (Spark types integral literals beside decimals by their digits). */
  readonly literal?: ScalarValue | undefined;
}

function mismatch(op: string, a: DataType, b: DataType): never {
  throw new DeltaSqlError('TYPE_MISMATCH', `cannot apply ${op} to ${typeToSql(a)} and ${typeToSql(b)}`, {
    hint: 'cast one side explicitly',
  });
}

/** An integral operand beside a decimal becomes a decimal: by its digits when it is a literal. */
function asDecimal(o: OperandInfo): DataType {
  const lit = o.literal;
  if (isIntegral(o.type) && (typeof lit === 'number' || typeof lit === 'bigint')) return decimalForIntegralLiteral(lit);
  return decimalForType(o.type) ?? o.type;
}

/** String operands of arithmetic, per ANSI or legacy promotion; returns the promoted pair. */
function promoteStrings(a: DataType, b: DataType, ansi: boolean): [DataType, DataType] {
  if (a.kind !== 'string' && b.kind !== 'string') return [a, b];
  if (!ansi) return [a.kind === 'string' ? DOUBLE : a, b.kind === 'string' ? DOUBLE : b];
  if (a.kind === 'string' && b.kind === 'string') return [DOUBLE, DOUBLE];
  const t = findWiderTypeForString(a, b, true);
  if (!t || !isNumeric(t)) {
    // A string beside a date/timestamp in arithmetic: datetime functions handle those.
    if (a.kind === 'null' || b.kind === 'null') return [DOUBLE, DOUBLE];
    return [a, b];
  }
  return [t, t];
}

/**
 * Type `left op right` for arithmetic. `/` is always fractional (double, or decimal when both
 * sides are decimal/integral with a decimal), `div` is integral (long), `%`/pmod follow `+`.
 */
export function resolveArithmetic(op: ArithmeticOp, l: OperandInfo, r: OperandInfo, ansi: boolean, allowPrecisionLoss = true): BinaryTyping {
  let [a, b] = promoteStrings(l.type, r.type, ansi);
  if (a.kind === 'null' && b.kind === 'null') [a, b] = [DOUBLE, DOUBLE];
  else if (a.kind === 'null') a = b;
  else if (b.kind === 'null') b = a;
  if (!isNumeric(a) || !isNumeric(b)) mismatch(op, l.type, r.type);

  if (op === 'div') {
    if (a.kind === 'decimal' || b.kind === 'decimal') {
      if (a.kind === 'float' || a.kind === 'double' || b.kind === 'float' || b.kind === 'double') return { left: LONG, right: LONG, result: LONG };
      return { left: a.kind === 'decimal' ? a : asDecimal({ ...l, type: a }), right: b.kind === 'decimal' ? b : asDecimal({ ...r, type: b }), result: LONG };
    }
    return { left: LONG, right: LONG, result: LONG };
  }

  if (a.kind === 'decimal' || b.kind === 'decimal') {
    const fractional = (t: DataType): boolean => t.kind === 'float' || t.kind === 'double';
    if (fractional(a) || fractional(b)) return { left: DOUBLE, right: DOUBLE, result: DOUBLE };
    const da = a.kind === 'decimal' ? a : asDecimal({ ...l, type: a });
    const db = b.kind === 'decimal' ? b : asDecimal({ ...r, type: b });
    if (da.kind !== 'decimal' || db.kind !== 'decimal') return mismatch(op, l.type, r.type);
    return { left: da, right: db, result: decimalArithmeticType(op as DecimalArithmeticOp, da, db, allowPrecisionLoss) };
  }

  if (op === 'divide') return { left: DOUBLE, right: DOUBLE, result: DOUBLE };
  const common = findTightestCommonType(a, b, ansi);
  if (!common) return mismatch(op, l.type, r.type);
  return { left: common, right: common, result: common };
}

/**
 * The type both sides of a comparison (=, <, <=>, IN...) are cast to, or TYPE_MISMATCH.
 * Strings: ANSI promotes string beside integral to long, beside fractional/decimal to double,
 * beside another atomic type to that type; legacy casts the string to the other side's type
 * (decimal: both to double).
 */
export function resolveComparison(a: DataType, b: DataType, ansi: boolean): DataType {
  if (sameType(a, b)) return a;
  if (a.kind === 'null') return b;
  if (b.kind === 'null') return a;
  const str = a.kind === 'string' ? b : b.kind === 'string' ? a : undefined;
  if (str) {
    if (str.kind === 'interval' || str.kind === 'array' || str.kind === 'map' || str.kind === 'struct') mismatch('comparison', a, b);
    if (ansi) return findWiderTypeForString(a, b, true) ?? mismatch('comparison', a, b);
    if (str.kind === 'decimal' || str.kind === 'float' || str.kind === 'double') return DOUBLE;
    return str;
  }
  if ((a.kind === 'date' && b.kind !== 'date') || (b.kind === 'date' && a.kind !== 'date')) {
    const other = a.kind === 'date' ? b : a;
    if (other.kind === 'timestamp' || other.kind === 'timestamp_ntz') return other;
    if (!ansi && isNumeric(other)) mismatch('comparison', a, b);
    return DATE.kind === other.kind ? DATE : mismatch('comparison', a, b);
  }
  const t = findWiderType(a, b, ansi);
  if (!t || t.kind === 'string' && (a.kind !== 'string' || b.kind !== 'string')) return mismatch('comparison', a, b);
  return t;
}
