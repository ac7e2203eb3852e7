/**
 * Spark's type coercion rules (TypeCoercion / AnsiTypeCoercion, Spark 4): the common type of a
 * list of types (CASE, COALESCE, IN, UNION, array(), greatest...) and the numeric/decimal/datetime
 * promotions they rest on. Binary operators are in binary-operator-types.ts, implicit casts of
 * function arguments in implicit-cast.ts.
 */
import {
  DOUBLE,
  LONG,
  MAX_DECIMAL_PRECISION,
  NULL,
  STRING,
  TIMESTAMP,
  TIMESTAMP_NTZ,
  decimal,
  isIntegral,
  sameType,
  type DataType,
  type DecimalType,
  type StructField,
} from '../../src/common/types/data-type.js';

/** Spark's numericPrecedence: byte < short < int < long < float < double. */
const NUMERIC_PRECEDENCE = ['byte', 'short', 'int', 'long', 'float', 'double'] as const;

export function numericRank(t: DataType): number {
  return NUMERIC_PRECEDENCE.indexOf(t.kind as (typeof NUMERIC_PRECEDENCE)[number]);
}

/** DecimalType.bounded: clamp precision and scale to 38. */
export function boundedDecimal(precision: number, scale: number): DecimalType {
  return decimal(Math.min(precision, MAX_DECIMAL_PRECISION), Math.min(scale, MAX_DECIMAL_PRECISION));
}

/**
 * DecimalType.forType: the decimal that holds every value of a numeric type exactly
 * (byte 3,0; short 5,0; int 10,0; long 20,0; float 14,7; double 30,15).
 */
export function decimalForType(t: DataType): DecimalType | undefined {
  switch (t.kind) {
    case 'byte':
      return decimal(3, 0);
    case 'short':
      return decimal(5, 0);
    case 'int':
      return decimal(10, 0);
    case 'long':
      return decimal(20, 0);
    case 'float':
      return decimal(14, 7);
    case 'double':
      return decimal(30, 15);
    case 'decimal':
      return t;
    default:
      return undefined;
  }
}

/** DecimalType.fromLiteral for an integral literal: the fewest digits that hold it (Spark: 2 → decimal(1,0)). */
export function decimalForIntegralLiteral(value: number | bigint): DecimalType {
  const digits = (value < 0 ? -BigInt(value) : BigInt(value)).toString().length;
  return decimal(Math.max(1, digits), 0);
}

/** DecimalPrecision.widerDecimalType: room for both integer parts and the larger scale. */
export function widerDecimal(a: DecimalType, b: DecimalType): DecimalType {
  const scale = Math.max(a.scale, b.scale);
  const range = Math.max(a.precision - a.scale, b.precision - b.scale);
  return boundedDecimal(range + scale, scale);
}

/** `d.isWiderThan(integral)`: the decimal holds every value of the integral type. */
function decimalIsWiderThan(d: DecimalType, t: DataType): boolean {
  const f = decimalForType(t);
  return f !== undefined && d.precision - d.scale >= f.precision - f.scale && d.scale >= f.scale;
}

function datetimeRank(t: DataType): number {
  return t.kind === 'date' ? 0 : t.kind === 'timestamp_ntz' ? 1 : t.kind === 'timestamp' ? 2 : -1;
}

/** findTightestCommonType: no precision loss, no string promotion. */
export function findTightestCommonType(a: DataType, b: DataType, ansi: boolean): DataType | undefined {
  if (sameType(a, b)) return a;
  if (a.kind === 'null') return b;
  if (b.kind === 'null') return a;
  if (isIntegral(a) && b.kind === 'decimal' && decimalIsWiderThan(b, a)) return b;
  if (a.kind === 'decimal' && isIntegral(b) && decimalIsWiderThan(a, b)) return a;
  const ra = numericRank(a);
  const rb = numericRank(b);
  if (ra >= 0 && rb >= 0) {
    const wider = NUMERIC_PRECEDENCE[Math.max(ra, rb)]!;
    // ANSI: integral with float goes to double so the integral keeps its precision.
    if (ansi && wider === 'float') return DOUBLE;
    return { kind: wider };
  }
  const da = datetimeRank(a);
  const db = datetimeRank(b);
  if (da >= 0 && db >= 0) {
    // date with timestamp_ntz → timestamp_ntz; anything with timestamp → timestamp.
    return da > db ? a : b;
  }
  return findTypeForComplex(a, b, (x, y) => findTightestCommonType(x, y, ansi));
}

/** findWiderTypeForDecimal: decimal with integral → wider decimal; decimal with float/double → double. */
export function findWiderTypeForDecimal(a: DataType, b: DataType): DataType | undefined {
  if (a.kind === 'decimal' && b.kind === 'decimal') return widerDecimal(a, b);
  if (a.kind === 'decimal' && isIntegral(b)) return widerDecimal(a, decimalForType(b)!);
  if (isIntegral(a) && b.kind === 'decimal') return widerDecimal(decimalForType(a)!, b);
  if ((a.kind === 'decimal' && (b.kind === 'float' || b.kind === 'double')) || (b.kind === 'decimal' && (a.kind === 'float' || a.kind === 'double')))
    return DOUBLE;
  return undefined;
}

function isAtomic(t: DataType): boolean {
  return t.kind !== 'array' && t.kind !== 'map' && t.kind !== 'struct' && t.kind !== 'null';
}

/**
 * String promotion when widening. ANSI (AnsiStringPromotionTypeCoercion): string with integral →
 * long, with float/double/decimal → double, with another atomic → that type. Non-ANSI: the
 * other side goes to string (TypeCoercion.stringPromotion), except that string with datetime → string too.
 */
export function findWiderTypeForString(a: DataType, b: DataType, ansi: boolean): DataType | undefined {
  if (a.kind !== 'string' && b.kind === 'string') return findWiderTypeForString(b, a, ansi);
  if (a.kind !== 'string') return undefined;
  if (b.kind === 'null' || b.kind === 'string') return STRING;
  if (b.kind === 'interval') return undefined;
  if (!isAtomic(b)) return undefined;
  if (!ansi) return b.kind === 'binary' || b.kind === 'boolean' ? undefined : STRING;
  if (isIntegral(b)) return LONG;
  if (b.kind === 'float' || b.kind === 'double' || b.kind === 'decimal') return DOUBLE;
  return b;
}

/** findWiderTypeForTwo: tightest, then decimal widening, then string promotion, then nested. */
export function findWiderType(a: DataType, b: DataType, ansi: boolean): DataType | undefined {
  return (
    findTightestCommonType(a, b, ansi) ??
    findWiderTypeForDecimal(a, b) ??
    findWiderTypeForString(a, b, ansi) ??
    findTypeForComplex(a, b, (x, y) => findWiderType(x, y, ansi))
  );
}

/** The common type of many inputs (CASE/COALESCE/IN/UNION/array()/greatest), or undefined when none exists. */
export function findWiderCommonType(types: readonly DataType[], ansi: boolean): DataType | undefined {
  let acc: DataType = NULL;
  for (const t of types) {
    const next = findWiderType(acc, t, ansi);
    if (!next) return undefined;
    acc = next;
  }
  return acc;
}

/** Field-wise / element-wise common type of two nested types (names of the left struct win). */
export function findTypeForComplex(
  a: DataType,
  b: DataType,
  find: (x: DataType, y: DataType) => DataType | undefined,
): DataType | undefined {
  if (a.kind === 'array' && b.kind === 'array') {
    const e = find(a.element, b.element);
    return e && { kind: 'array', element: e, containsNull: a.containsNull || b.containsNull };
  }
  if (a.kind === 'map' && b.kind === 'map') {
    const k = find(a.key, b.key);
    const v = find(a.value, b.value);
    return k && v && { kind: 'map', key: k, value: v, valueContainsNull: a.valueContainsNull || b.valueContainsNull };
  }
  if (a.kind === 'struct' && b.kind === 'struct' && a.fields.length === b.fields.length) {
    const fields: StructField[] = [];
    for (let i = 0; i < a.fields.length; i++) {
      const fa = a.fields[i]!;
      const fb = b.fields[i]!;
      if (fa.name.toLowerCase() !== fb.name.toLowerCase()) return undefined;
      const t = find(fa.type, fb.type);
      if (!t) return undefined;
      fields.push({ name: fa.name, type: t, nullable: fa.nullable || fb.nullable, metadata: fa.metadata });
    }
    return { kind: 'struct', fields };
  }
  return undefined;
}

/** Timestamp kind both sides of a datetime operation share (timestamp wins over timestamp_ntz). */
export function widerTimestamp(a: DataType, b: DataType): DataType {
  return a.kind === 'timestamp' || b.kind === 'timestamp' ? TIMESTAMP : TIMESTAMP_NTZ;
}
