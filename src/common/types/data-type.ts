/**
 * The SQL type model shared by every layer: Spark/Delta types (ARCHITECTURE.md §4).
 * Delta schema JSON and Arrow types convert to and from this (see delta-schema.ts, arrow-type.ts).
 */

export type PrimitiveKind =
  | 'null'
  | 'boolean'
  | 'byte'
  | 'short'
  | 'int'
  | 'long'
  | 'float'
  | 'double'
  | 'string'
  | 'binary'
  | 'date'
  | 'timestamp'
  | 'timestamp_ntz';

export interface PrimitiveType {
  readonly kind: PrimitiveKind;
}

export interface DecimalType {
  readonly kind: 'decimal';
  readonly precision: number;
  readonly scale: number;
}

/** Spark's ANSI interval types. Year-month counts months (int32); day-time counts microseconds (int64). */
export interface IntervalType {
  readonly kind: 'interval';
  readonly unit: 'year_month' | 'day_time';
}

export interface ArrayType {
  readonly kind: 'array';
  readonly element: DataType;
  readonly containsNull: boolean;
}

export interface MapType {
  readonly kind: 'map';
  readonly key: DataType;
  readonly value: DataType;
  readonly valueContainsNull: boolean;
}

/** Field metadata as Delta stores it (column mapping ids, comments, generation expressions, ...). */
export type FieldMetadata = Readonly<Record<string, unknown>>;

export interface StructField {
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
  readonly metadata: FieldMetadata;
}

export interface StructType {
  readonly kind: 'struct';
  readonly fields: readonly StructField[];
}

export type DataType = PrimitiveType | DecimalType | IntervalType | ArrayType | MapType | StructType;

export const MAX_DECIMAL_PRECISION = 38;

const primitive = <K extends PrimitiveKind>(kind: K): { readonly kind: K } => Object.freeze({ kind });

export const NULL = primitive('null');
export const BOOLEAN = primitive('boolean');
export const BYTE = primitive('byte');
export const SHORT = primitive('short');
export const INT = primitive('int');
export const LONG = primitive('long');
export const FLOAT = primitive('float');
export const DOUBLE = primitive('double');
export const STRING = primitive('string');
export const BINARY = primitive('binary');
export const DATE = primitive('date');
export const TIMESTAMP = primitive('timestamp');
export const TIMESTAMP_NTZ = primitive('timestamp_ntz');

export function decimal(precision: number, scale: number): DecimalType {
  return { kind: 'decimal', precision, scale };
}

export function arrayOf(element: DataType, containsNull = true): ArrayType {
  return { kind: 'array', element, containsNull };
}

export function mapOf(key: DataType, value: DataType, valueContainsNull = true): MapType {
  return { kind: 'map', key, value, valueContainsNull };
}

export function field(name: string, type: DataType, nullable = true, metadata: FieldMetadata = {}): StructField {
  return { name, type, nullable, metadata };
}

export function struct(fields: readonly StructField[]): StructType {
  return { kind: 'struct', fields };
}

export const INTEGRAL_KINDS: ReadonlySet<string> = new Set(['byte', 'short', 'int', 'long']);
export const FRACTIONAL_KINDS: ReadonlySet<string> = new Set(['float', 'double']);

export function isIntegral(t: DataType): boolean {
  return INTEGRAL_KINDS.has(t.kind);
}

export function isNumeric(t: DataType): boolean {
  return INTEGRAL_KINDS.has(t.kind) || FRACTIONAL_KINDS.has(t.kind) || t.kind === 'decimal';
}

export function isTemporal(t: DataType): boolean {
  return t.kind === 'date' || t.kind === 'timestamp' || t.kind === 'timestamp_ntz';
}

export function isNested(t: DataType): t is ArrayType | MapType | StructType {
  return t.kind === 'array' || t.kind === 'map' || t.kind === 'struct';
}

/** Structural equality; field metadata is ignored, field names compare exactly. */
export function sameType(a: DataType, b: DataType): boolean {
  switch (a.kind) {
    case 'decimal':
      return b.kind === 'decimal' && a.precision === b.precision && a.scale === b.scale;
    case 'interval':
      return b.kind === 'interval' && a.unit === b.unit;
    case 'array':
      return b.kind === 'array' && sameType(a.element, b.element);
    case 'map':
      return b.kind === 'map' && sameType(a.key, b.key) && sameType(a.value, b.value);
    case 'struct':
      return (
        b.kind === 'struct' &&
        a.fields.length === b.fields.length &&
        a.fields.every((f, i) => {
          const g = b.fields[i];
          return g !== undefined && f.name === g.name && sameType(f.type, g.type);
        })
      );
    default:
      return a.kind === b.kind;
  }
}

/** Spark's SQL spelling of a type, as DESCRIBE and error messages show it (e.g. `decimal(10,2)`, `array<int>`). */
export function typeToSql(t: DataType): string {
  switch (t.kind) {
    case 'null':
      return 'void';
    case 'byte':
      return 'tinyint';
    case 'short':
      return 'smallint';
    case 'long':
      return 'bigint';
    case 'decimal':
      return `decimal(${t.precision},${t.scale})`;
    case 'interval':
      return t.unit === 'year_month' ? 'interval year to month' : 'interval day to second';
    case 'array':
      return `array<${typeToSql(t.element)}>`;
    case 'map':
      return `map<${typeToSql(t.key)},${typeToSql(t.value)}>`;
    case 'struct':
      return `struct<${t.fields.map((f) => `${f.name}:${typeToSql(f.type)}`).join(',')}>`;
    default:
      return t.kind;
  }
}
