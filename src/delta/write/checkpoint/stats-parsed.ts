/**
 * `add.stats_parsed` for checkpoints (PROTOCOL.md "Checkpoint Schema"): the stats JSON as a typed
 * struct over the data columns (physical names, nested structs mirrored). A bound that cannot be
 * carried exactly (decimals, longs beyond 2^53) is left null: a missing bound only skips less.
 */
import * as arrow from 'apache-arrow';
import type { DataType, StructField } from '../../../common/types/data-type.js';
import { toArrowType } from '../../../common/types/arrow-type.js';
import { isRecord } from '../../actions/field-reader.js';
import { physicalName, type ColumnMappingMode } from '../../column-mapping.js';

/** Column types whose min/max bounds stats_parsed carries (others have none in the stats JSON). */
const BOUNDED_KINDS: ReadonlySet<string> = new Set(['byte', 'short', 'int', 'long', 'float', 'double', 'string', 'date', 'timestamp', 'timestamp_ntz']);

function boundType(t: DataType, mode: ColumnMappingMode): arrow.DataType | undefined {
  if (t.kind === 'struct') {
    const fields = boundFields(t.fields, mode);
    return fields.length === 0 ? undefined : new arrow.Struct(fields);
  }
  return BOUNDED_KINDS.has(t.kind) ? toArrowType(t) : undefined;
}

function boundFields(fields: readonly StructField[], mode: ColumnMappingMode): arrow.Field[] {
  const out: arrow.Field[] = [];
  for (const f of fields) {
    const t = boundType(f.type, mode);
    if (t !== undefined) out.push(new arrow.Field(physicalName(f, mode), t, true));
  }
  return out;
}

function countFields(fields: readonly StructField[], mode: ColumnMappingMode): arrow.Field[] {
  return fields.map((f) => {
    const t = f.type.kind === 'struct' ? new arrow.Struct(countFields(f.type.fields, mode)) : new arrow.Int64();
    return new arrow.Field(physicalName(f, mode), t, true);
  });
}

/** The stats_parsed struct type for a table's data columns, or undefined when there is nothing to hold. */
export function statsParsedType(dataFields: readonly StructField[], mode: ColumnMappingMode): arrow.Struct | undefined {
  if (dataFields.length === 0) return undefined;
  const bounds = boundFields(dataFields, mode);
  const fields: arrow.Field[] = [new arrow.Field('numRecords', new arrow.Int64(), true)];
  if (bounds.length > 0) fields.push(new arrow.Field('minValues', new arrow.Struct(bounds), true), new arrow.Field('maxValues', new arrow.Struct(bounds), true));
  fields.push(new arrow.Field('nullCount', new arrow.Struct(countFields(dataFields, mode)), true));
  return new arrow.Struct(fields);
}

const SAFE = Number.MAX_SAFE_INTEGER;

/** Builder input for one bound (dates as Date, timestamps as epoch ms: stats have ms precision). */
function boundValue(t: DataType, v: unknown): unknown {
  switch (t.kind) {
    case 'byte':
    case 'short':
    case 'int':
    case 'float':
    case 'double':
      return typeof v === 'number' ? v : null;
    case 'long':
      return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= SAFE ? BigInt(v) : null;
    case 'string':
      return typeof v === 'string' ? v : null;
    case 'date': {
      const ms = typeof v === 'string' ? Date.parse(`${v}T00:00:00Z`) : NaN;
      return Number.isFinite(ms) ? new Date(ms) : null;
    }
    case 'timestamp':
    case 'timestamp_ntz': {
      const ms = typeof v === 'string' ? Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`) : NaN;
      // Arrow's timestamp builders take epoch milliseconds and scale them to the unit (µs).
      return Number.isFinite(ms) ? ms : null;
    }
    default:
      return null;
  }
}

function bounds(fields: readonly StructField[], values: unknown, mode: ColumnMappingMode): Record<string, unknown> {
  const obj = isRecord(values) ? values : {};
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const key = physicalName(f, mode);
    if (f.type.kind === 'struct') {
      if (boundType(f.type, mode) !== undefined) out[key] = bounds(f.type.fields, obj[key], mode);
    } else if (boundType(f.type, mode) !== undefined) out[key] = boundValue(f.type, obj[key]);
  }
  return out;
}

function counts(fields: readonly StructField[], values: unknown, mode: ColumnMappingMode): Record<string, unknown> {
  const obj = isRecord(values) ? values : {};
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const key = physicalName(f, mode);
    const v = obj[key];
    out[key] = f.type.kind === 'struct' ? counts(f.type.fields, v, mode) : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : null;
  }
  return out;
}

/** The stats_parsed row value for an add's `stats` JSON (null without stats). */
export function statsParsedValue(stats: string | undefined, dataFields: readonly StructField[], mode: ColumnMappingMode, withBounds: boolean): Record<string, unknown> | null {
  if (stats === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(stats);
  } catch {
    return null;
  }
  if (!isRecord(json)) return null;
  const n = json['numRecords'];
  const out: Record<string, unknown> = { numRecords: typeof n === 'number' && Number.isInteger(n) ? BigInt(n) : null };
  if (withBounds) {
    out['minValues'] = bounds(dataFields, json['minValues'], mode);
    out['maxValues'] = bounds(dataFields, json['maxValues'], mode);
  }
  out['nullCount'] = counts(dataFields, json['nullCount'], mode);
  return out;
}
