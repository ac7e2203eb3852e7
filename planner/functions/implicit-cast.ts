/**
 * Implicit casts of function arguments to what a function expects (Spark's implicitCast in
 * TypeCoercion / AnsiTypeCoercion). An expectation is a concrete DataType or an abstract class
 * of types; the answer is the type the binder casts the argument to, or undefined.
 */
import { DOUBLE, LONG, STRING, TIMESTAMP, isIntegral, isNumeric, sameType, type DataType } from '../../src/common/types/data-type.js';
import { canStoreAssign } from './cast-rules.js';
import { decimalForType } from './type-coercion.js';

/** Abstract argument classes (Spark's AbstractDataType). */
export type AbstractType =
  | { readonly abstract: 'any' }
  | { readonly abstract: 'numeric' }
  | { readonly abstract: 'integral' }
  | { readonly abstract: 'decimal' }
  | { readonly abstract: 'string_or_binary' }
  | { readonly abstract: 'any_timestamp' }
  | { readonly abstract: 'array' }
  | { readonly abstract: 'map' }
  | { readonly abstract: 'struct' };

export type Expected = DataType | AbstractType;

export const ANY: AbstractType = { abstract: 'any' };
export const NUMERIC: AbstractType = { abstract: 'numeric' };
export const INTEGRAL: AbstractType = { abstract: 'integral' };
export const ANY_DECIMAL: AbstractType = { abstract: 'decimal' };
export const STRING_OR_BINARY: AbstractType = { abstract: 'string_or_binary' };
export const ANY_TIMESTAMP: AbstractType = { abstract: 'any_timestamp' };
export const ANY_ARRAY: AbstractType = { abstract: 'array' };
export const ANY_MAP: AbstractType = { abstract: 'map' };
export const ANY_STRUCT: AbstractType = { abstract: 'struct' };

function isAbstract(e: Expected): e is AbstractType {
  return 'abstract' in e;
}

function accepts(e: AbstractType, t: DataType): boolean {
  switch (e.abstract) {
    case 'any':
      return true;
    case 'numeric':
      return isNumeric(t);
    case 'integral':
      return isIntegral(t);
    case 'decimal':
      return t.kind === 'decimal';
    case 'string_or_binary':
      return t.kind === 'string' || t.kind === 'binary';
    case 'any_timestamp':
      return t.kind === 'timestamp' || t.kind === 'timestamp_ntz';
    case 'array':
    case 'map':
    case 'struct':
      return t.kind === e.abstract;
  }
}

/** The concrete type an abstract class defaults to (Spark's defaultConcreteType). */
function defaultConcrete(e: AbstractType): DataType | undefined {
  switch (e.abstract) {
    case 'numeric':
      return DOUBLE;
    case 'integral':
      return LONG;
    case 'decimal':
      return { kind: 'decimal', precision: 10, scale: 0 };
    case 'string_or_binary':
      return STRING;
    case 'any_timestamp':
      return TIMESTAMP;
    default:
      return undefined;
  }
}

/** Legacy (non-ANSI) TypeCoercion.implicitCast between atomic types. */
function legacyImplicit(from: DataType, to: DataType): boolean {
  if (isNumeric(from) && isNumeric(to)) return true;
  if (to.kind === 'string') return isNumeric(from) || from.kind === 'date' || from.kind === 'timestamp' || from.kind === 'timestamp_ntz' || from.kind === 'binary' || from.kind === 'boolean';
  if (from.kind === 'string') return isNumeric(to) || to.kind === 'date' || to.kind === 'timestamp' || to.kind === 'timestamp_ntz' || to.kind === 'binary' || to.kind === 'boolean';
  if (from.kind === 'date') return to.kind === 'timestamp' || to.kind === 'timestamp_ntz';
  if (from.kind === 'timestamp' || from.kind === 'timestamp_ntz') return to.kind === 'date' || to.kind === 'timestamp' || to.kind === 'timestamp_ntz';
  return false;
}

/** The type to cast an argument of type `from` to so it satisfies `expected`, or undefined. */
export function implicitCast(from: DataType, expected: Expected, ansi: boolean): DataType | undefined {
  if (isAbstract(expected)) {
    if (accepts(expected, from)) return from;
    if (from.kind === 'null') return defaultConcrete(expected) ?? from;
    if (expected.abstract === 'decimal' && isNumeric(from)) return decimalForType(from);
    if (expected.abstract === 'integral' && (from.kind === 'float' || from.kind === 'double' || from.kind === 'decimal')) return undefined;
    if (expected.abstract === 'any_timestamp' && from.kind === 'date') return TIMESTAMP;
    if (expected.abstract === 'string_or_binary' && from.kind !== 'array' && from.kind !== 'map' && from.kind !== 'struct') {
      return ansi ? (from.kind === 'interval' ? undefined : STRING) : legacyImplicit(from, STRING) ? STRING : undefined;
    }
    const concrete = defaultConcrete(expected);
    if (!concrete) return undefined;
    if (from.kind === 'string') return concrete;
    return implicitCast(from, concrete, ansi);
  }
  if (sameType(from, expected) || from.kind === 'null') return expected;
  // Date functions take the session-local date of a timestamp (Spark's GetDateFieldOperations rule).
  if (expected.kind === 'date' && (from.kind === 'timestamp' || from.kind === 'timestamp_ntz')) return expected;
  if (from.kind === 'string' && expected.kind !== 'array' && expected.kind !== 'map' && expected.kind !== 'struct' && expected.kind !== 'interval') return expected;
  if (from.kind === 'array' && expected.kind === 'array') {
    const e = implicitCast(from.element, expected.element, ansi);
    return e && { kind: 'array', element: e, containsNull: true };
  }
  if (ansi) return canStoreAssign(from, expected) ? expected : undefined;
  return legacyImplicit(from, expected) ? expected : undefined;
}

