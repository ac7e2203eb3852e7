/**
 * Delta schema JSON (PROTOCOL.md "Schema Serialization Format") ↔ the shared type model.
 * Field metadata is kept verbatim (numbers, strings, nested objects) so writers can round-trip it.
 */
import { DeltaSqlError } from '../errors.js';
import { MAX_DECIMAL_PRECISION, type DataType, type StructField } from './data-type.js';

const PRIMITIVES: Readonly<Record<string, DataType>> = {
  byte: { kind: 'byte' },
  short: { kind: 'short' },
  integer: { kind: 'int' },
  long: { kind: 'long' },
  float: { kind: 'float' },
  double: { kind: 'double' },
  string: { kind: 'string' },
  binary: { kind: 'binary' },
  boolean: { kind: 'boolean' },
  date: { kind: 'date' },
  timestamp: { kind: 'timestamp' },
  timestamp_ntz: { kind: 'timestamp_ntz' },
  void: { kind: 'null' },
};

const DECIMAL = /^decimal\(\s*(\d+)\s*,\s*(-?\d+)\s*\)$/;

function bad(message: string): never {
  throw new DeltaSqlError('SCHEMA_MISMATCH', `invalid Delta schema: ${message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parsePrimitive(name: string, where: string): DataType {
  const known = PRIMITIVES[name];
  if (known !== undefined) return known;
  if (name === 'decimal') return { kind: 'decimal', precision: 10, scale: 0 };
  const m = DECIMAL.exec(name);
  if (m) {
    const precision = Number(m[1]);
    const scale = Number(m[2]);
    if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
      bad(`decimal(${precision},${scale}) at ${where} is out of range (precision 1..38, 0 <= scale <= precision)`);
    }
    return { kind: 'decimal', precision, scale };
  }
  if (name === 'variant') throw new DeltaSqlError('UNSUPPORTED', `Delta type 'variant' (at ${where}) is not supported`);
  return bad(`unknown type '${name}' at ${where}`);
}

/** Parse one Delta type: a primitive name or a struct/array/map object. */
export function parseDeltaType(value: unknown, where = 'schema'): DataType {
  if (typeof value === 'string') return parsePrimitive(value, where);
  if (!isRecord(value)) return bad(`type at ${where} must be a string or an object, got ${JSON.stringify(value)}`);
  switch (value['type']) {
    case 'struct':
      return { kind: 'struct', fields: parseFields(value['fields'], where) };
    case 'array':
      return {
        kind: 'array',
        element: parseDeltaType(value['elementType'], `${where}.element`),
        containsNull: value['containsNull'] !== false,
      };
    case 'map':
      return {
        kind: 'map',
        key: parseDeltaType(value['keyType'], `${where}.key`),
        value: parseDeltaType(value['valueType'], `${where}.value`),
        valueContainsNull: value['valueContainsNull'] !== false,
      };
    default:
      return bad(`unknown type ${JSON.stringify(value['type'])} at ${where}`);
  }
}

function parseFields(value: unknown, where: string): StructField[] {
  if (!Array.isArray(value)) return bad(`struct at ${where} has no 'fields' array`);
  return value.map((f: unknown, i) => {
    if (!isRecord(f)) return bad(`field #${i} at ${where} is not an object`);
    const name = f['name'];
    if (typeof name !== 'string') return bad(`field #${i} at ${where} has no string 'name'`);
    const path = where === 'schema' ? name : `${where}.${name}`;
    const metadata = f['metadata'];
    return {
      name,
      type: parseDeltaType(f['type'], path),
      nullable: f['nullable'] !== false,
      metadata: isRecord(metadata) ? metadata : {},
    };
  });
}

/** Parse a `schemaString` (or its already-parsed JSON) into top-level fields. */
export function parseDeltaSchema(schema: string | unknown): StructField[] {
  let json: unknown = schema;
  if (typeof schema === 'string') {
    try {
      json = JSON.parse(schema);
    } catch (error) {
      throw new DeltaSqlError('SCHEMA_MISMATCH', `invalid Delta schema: not JSON (${String(error)})`, { cause: error });
    }
  }
  const t = parseDeltaType(json);
  if (t.kind !== 'struct') return bad('the top-level schema must be a struct');
  return [...t.fields];
}

/** The Delta JSON form of a type (objects, not yet stringified). */
export function deltaTypeToJson(t: DataType): unknown {
  switch (t.kind) {
    case 'int':
      return 'integer';
    case 'null':
      return 'void';
    case 'decimal':
      return `decimal(${t.precision},${t.scale})`;
    case 'interval':
      throw new DeltaSqlError('UNSUPPORTED', `interval columns cannot be stored in a Delta table`);
    case 'array':
      return { type: 'array', elementType: deltaTypeToJson(t.element), containsNull: t.containsNull };
    case 'map':
      return {
        type: 'map',
        keyType: deltaTypeToJson(t.key),
        valueType: deltaTypeToJson(t.value),
        valueContainsNull: t.valueContainsNull,
      };
    case 'struct':
      return { type: 'struct', fields: t.fields.map(deltaFieldToJson) };
    default:
      return t.kind;
  }
}

export function deltaFieldToJson(f: StructField): unknown {
  return { name: f.name, type: deltaTypeToJson(f.type), nullable: f.nullable, metadata: f.metadata };
}

/** The `schemaString` for a list of top-level fields. */
export function deltaSchemaToJson(fields: readonly StructField[]): string {
  return JSON.stringify({ type: 'struct', fields: fields.map(deltaFieldToJson) });
}
