/** Decodes Parquet SchemaElements and derives the leaf (primitive) columns. */
import { DeltaSqlError } from '../../common/errors.js';
import type {
  ParquetConvertedType,
  ParquetLeafColumn,
  ParquetLogicalType,
  ParquetPhysicalType,
  ParquetRepetition,
  ParquetSchemaNode,
  ParquetTimeUnit,
} from './parquet-metadata.js';
import { fieldBool, fieldI32, fieldString, fieldStruct, unionMember, type ThriftStruct } from './thrift-compact.js';

const PHYSICAL: readonly ParquetPhysicalType[] = ['BOOLEAN', 'INT32', 'INT64', 'INT96', 'FLOAT', 'DOUBLE', 'BYTE_ARRAY', 'FIXED_LEN_BYTE_ARRAY'];
const REPETITION: readonly ParquetRepetition[] = ['REQUIRED', 'OPTIONAL', 'REPEATED'];
const CONVERTED: readonly ParquetConvertedType[] = [
  'UTF8', 'MAP', 'MAP_KEY_VALUE', 'LIST', 'ENUM', 'DECIMAL', 'DATE', 'TIME_MILLIS', 'TIME_MICROS', 'TIMESTAMP_MILLIS',
  'TIMESTAMP_MICROS', 'UINT_8', 'UINT_16', 'UINT_32', 'UINT_64', 'INT_8', 'INT_16', 'INT_32', 'INT_64', 'JSON', 'BSON', 'INTERVAL',
];
const TIME_UNITS: readonly ParquetTimeUnit[] = ['MILLIS', 'MICROS', 'NANOS'];
/** LogicalType union ids of the members without parameters. */
const SIMPLE_LOGICAL: Readonly<Record<number, ParquetLogicalType>> = {
  1: { type: 'STRING' }, 2: { type: 'MAP' }, 3: { type: 'LIST' }, 4: { type: 'ENUM' }, 6: { type: 'DATE' },
  11: { type: 'UNKNOWN' }, 12: { type: 'JSON' }, 13: { type: 'BSON' }, 14: { type: 'UUID' }, 15: { type: 'FLOAT16' }, 16: { type: 'VARIANT' },
};

function enumValue<T>(values: readonly T[], index: number | undefined, what: string): T | undefined {
  if (index === undefined) return undefined;
  const value = values[index];
  if (value === undefined) throw new DeltaSqlError('CORRUPT_DATA', `invalid Parquet footer: unknown ${what} ${index}`);
  return value;
}

function decodeLogicalType(union: ThriftStruct): ParquetLogicalType | undefined {
  const member = unionMember(union);
  if (member === undefined) return undefined;
  const [id, value] = member;
  const simple = SIMPLE_LOGICAL[id];
  if (simple !== undefined) return simple;
  if (!(value instanceof Map)) return { type: 'OTHER', id };
  switch (id) {
    case 5:
      return { type: 'DECIMAL', scale: fieldI32(value, 1) ?? 0, precision: fieldI32(value, 2) ?? 0 };
    case 7:
    case 8: {
      const unitUnion = fieldStruct(value, 2);
      const unitId = unitUnion === undefined ? undefined : unionMember(unitUnion)?.[0];
      const unit = unitId === undefined ? undefined : TIME_UNITS[unitId - 1];
      if (unit === undefined) return { type: 'OTHER', id };
      return { type: id === 7 ? 'TIME' : 'TIMESTAMP', isAdjustedToUTC: fieldBool(value, 1) ?? false, unit };
    }
    case 10:
      return { type: 'INTEGER', bitWidth: fieldI32(value, 1) ?? 0, isSigned: fieldBool(value, 2) ?? true };
    default:
      return { type: 'OTHER', id };
  }
}

export function decodeSchemaElement(element: ThriftStruct): ParquetSchemaNode {
  const name = fieldString(element, 4);
  if (name === undefined) throw new DeltaSqlError('CORRUPT_DATA', 'invalid Parquet footer: schema element without a name');
  const physicalType = enumValue(PHYSICAL, fieldI32(element, 1), 'physical type');
  const typeLength = fieldI32(element, 2);
  const repetition = enumValue(REPETITION, fieldI32(element, 3), 'repetition');
  const numChildren = fieldI32(element, 5);
  const convertedType = enumValue(CONVERTED, fieldI32(element, 6), 'converted type');
  const logicalUnion = fieldStruct(element, 10);
  const logicalType = logicalUnion === undefined ? undefined : decodeLogicalType(logicalUnion);
  const scale = fieldI32(element, 7);
  const precision = fieldI32(element, 8);
  const fieldId = fieldI32(element, 9);
  return {
    name,
    ...(physicalType !== undefined ? { physicalType } : {}),
    ...(typeLength !== undefined ? { typeLength } : {}),
    ...(repetition !== undefined ? { repetition } : {}),
    ...(numChildren !== undefined ? { numChildren } : {}),
    ...(convertedType !== undefined ? { convertedType } : {}),
    ...(logicalType !== undefined ? { logicalType } : {}),
    ...(scale !== undefined ? { scale } : {}),
    ...(precision !== undefined ? { precision } : {}),
    ...(fieldId !== undefined ? { fieldId } : {}),
  };
}

function leafOf(node: ParquetSchemaNode, path: string[], def: number, rep: number): ParquetLeafColumn {
  const physicalType = node.physicalType as ParquetPhysicalType;
  const logical = node.logicalType;
  let scale = node.scale;
  let precision = node.precision;
  if (logical?.type === 'DECIMAL') {
    scale = logical.scale;
    precision = logical.precision;
  }
  let timeUnit: ParquetTimeUnit | undefined;
  let isAdjustedToUTC: boolean | undefined;
  if (logical?.type === 'TIMESTAMP' || logical?.type === 'TIME') {
    timeUnit = logical.unit;
    isAdjustedToUTC = logical.isAdjustedToUTC;
  } else if (node.convertedType === 'TIMESTAMP_MILLIS' || node.convertedType === 'TIMESTAMP_MICROS') {
    // Legacy converted types always meant UTC instants.
    timeUnit = node.convertedType === 'TIMESTAMP_MILLIS' ? 'MILLIS' : 'MICROS';
    isAdjustedToUTC = true;
  } else if (node.convertedType === 'TIME_MILLIS' || node.convertedType === 'TIME_MICROS') {
    timeUnit = node.convertedType === 'TIME_MILLIS' ? 'MILLIS' : 'MICROS';
    isAdjustedToUTC = true;
  }
  const isDecimal = logical?.type === 'DECIMAL' || node.convertedType === 'DECIMAL';
  return {
    path,
    physicalType,
    repetition: node.repetition ?? 'REQUIRED',
    maxDefinitionLevel: def,
    maxRepetitionLevel: rep,
    ...(node.typeLength !== undefined ? { typeLength: node.typeLength } : {}),
    ...(node.convertedType !== undefined ? { convertedType: node.convertedType } : {}),
    ...(logical !== undefined ? { logicalType: logical } : {}),
    ...(isDecimal && scale !== undefined ? { scale } : isDecimal ? { scale: 0 } : {}),
    ...(isDecimal && precision !== undefined ? { precision } : {}),
    ...(timeUnit !== undefined ? { timeUnit } : {}),
    ...(isAdjustedToUTC !== undefined ? { isAdjustedToUTC } : {}),
    ...(node.fieldId !== undefined ? { fieldId: node.fieldId } : {}),
  };
}

/** Depth-first walk of the flattened schema, collecting leaves with their def/rep levels. */
export function leafColumns(schema: readonly ParquetSchemaNode[]): ParquetLeafColumn[] {
  const out: ParquetLeafColumn[] = [];
  const root = schema[0];
  if (root === undefined) throw new DeltaSqlError('CORRUPT_DATA', 'invalid Parquet footer: empty schema');
  let next = 1;
  const visit = (path: string[], def: number, rep: number, depth: number): void => {
    const node = schema[next++];
    if (node === undefined || depth > 100) throw new DeltaSqlError('CORRUPT_DATA', 'invalid Parquet footer: schema tree is malformed');
    const repetition = node.repetition ?? 'REQUIRED';
    const d = def + (repetition === 'REQUIRED' ? 0 : 1);
    const r = rep + (repetition === 'REPEATED' ? 1 : 0);
    const p = [...path, node.name];
    if (node.physicalType !== undefined && (node.numChildren ?? 0) === 0) {
      out.push(leafOf(node, p, d, r));
      return;
    }
    for (let i = 0; i < (node.numChildren ?? 0); i++) visit(p, d, r, depth + 1);
  };
  for (let i = 0; i < (root.numChildren ?? 0); i++) visit([], 0, 0, 0);
  if (next !== schema.length) throw new DeltaSqlError('CORRUPT_DATA', 'invalid Parquet footer: schema tree does not cover every element');
  return out;
}
