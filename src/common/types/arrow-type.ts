/**
 * DataType ↔ Apache Arrow type mapping (ARCHITECTURE.md §4):
 * date → Date32 (days), timestamp → Timestamp(µs, "UTC"), timestamp_ntz → Timestamp(µs, no zone),
 * decimal → Decimal128, long → Int64, intervals → Interval(YEAR_MONTH) / Duration(µs) as Spark does.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../errors.js';
import {
  BINARY,
  BOOLEAN,
  BYTE,
  DATE,
  DOUBLE,
  FLOAT,
  INT,
  LONG,
  NULL,
  SHORT,
  STRING,
  TIMESTAMP,
  TIMESTAMP_NTZ,
  type DataType,
  type StructField,
} from './data-type.js';

export function toArrowType(t: DataType): arrow.DataType {
  switch (t.kind) {
    case 'null':
      return new arrow.Null();
    case 'boolean':
      return new arrow.Bool();
    case 'byte':
      return new arrow.Int8();
    case 'short':
      return new arrow.Int16();
    case 'int':
      return new arrow.Int32();
    case 'long':
      return new arrow.Int64();
    case 'float':
      return new arrow.Float32();
    case 'double':
      return new arrow.Float64();
    case 'decimal':
      return new arrow.Decimal(t.scale, t.precision, 128);
    case 'string':
      return new arrow.Utf8();
    case 'binary':
      return new arrow.Binary();
    case 'date':
      return new arrow.DateDay();
    case 'timestamp':
      return new arrow.TimestampMicrosecond('UTC');
    case 'timestamp_ntz':
      return new arrow.TimestampMicrosecond();
    case 'interval':
      return t.unit === 'year_month' ? new arrow.IntervalYearMonth() : new arrow.DurationMicrosecond();
    case 'array':
      return new arrow.List(new arrow.Field('element', toArrowType(t.element), t.containsNull));
    case 'map':
      return new arrow.Map_(
        new arrow.Field(
          'entries',
          new arrow.Struct<{ key: arrow.DataType; value: arrow.DataType }>([
            new arrow.Field('key', toArrowType(t.key), false),
            new arrow.Field('value', toArrowType(t.value), t.valueContainsNull),
          ]),
          false,
        ),
        false,
      );
    case 'struct':
      return new arrow.Struct(t.fields.map(toArrowField));
  }
}

export function toArrowField(f: StructField): arrow.Field {
  const metadata = new Map<string, string>();
  for (const [k, v] of Object.entries(f.metadata)) metadata.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  return new arrow.Field(f.name, toArrowType(f.type), f.nullable, metadata);
}

export function toArrowSchema(fields: readonly StructField[]): arrow.Schema {
  return new arrow.Schema(fields.map(toArrowField));
}

/** Arrow → DataType. Timestamps of any unit map by zone: with a zone → timestamp, without → timestamp_ntz. */
export function fromArrowType(t: arrow.DataType): DataType {
  switch (t.typeId) {
    case arrow.Type.Null:
      return NULL;
    case arrow.Type.Bool:
      return BOOLEAN;
    case arrow.Type.Int: {
      const it = t as arrow.Int;
      if (it.bitWidth === 8) return it.isSigned ? BYTE : SHORT;
      if (it.bitWidth === 16) return it.isSigned ? SHORT : INT;
      if (it.bitWidth === 32) return it.isSigned ? INT : LONG;
      if (it.isSigned) return LONG;
      return { kind: 'decimal', precision: 20, scale: 0 };
    }
    case arrow.Type.Float: {
      const ft = t as arrow.Float;
      return ft.precision === arrow.Precision.DOUBLE ? DOUBLE : FLOAT;
    }
    case arrow.Type.Decimal: {
      const dt = t as arrow.Decimal;
      return { kind: 'decimal', precision: dt.precision, scale: dt.scale };
    }
    case arrow.Type.Utf8:
    case arrow.Type.LargeUtf8:
      return STRING;
    case arrow.Type.Binary:
    case arrow.Type.LargeBinary:
    case arrow.Type.FixedSizeBinary:
      return BINARY;
    case arrow.Type.Date:
      return DATE;
    case arrow.Type.Timestamp: {
      const ts = t as arrow.Timestamp;
      return ts.timezone ? TIMESTAMP : TIMESTAMP_NTZ;
    }
    case arrow.Type.Interval:
      return { kind: 'interval', unit: 'year_month' };
    case arrow.Type.Duration:
      return { kind: 'interval', unit: 'day_time' };
    case arrow.Type.List:
    case arrow.Type.FixedSizeList: {
      const child = (t as arrow.List).children[0];
      if (!child) throw new DeltaSqlError('INTERNAL', 'list type without a child field');
      return { kind: 'array', element: fromArrowType(child.type), containsNull: child.nullable };
    }
    case arrow.Type.Map: {
      const entries = (t as arrow.Map_).children[0];
      const key = entries?.type.children[0];
      const value = entries?.type.children[1];
      if (!key || !value) throw new DeltaSqlError('INTERNAL', 'map type without key/value fields');
      return { kind: 'map', key: fromArrowType(key.type), value: fromArrowType(value.type), valueContainsNull: value.nullable };
    }
    case arrow.Type.Struct:
      return { kind: 'struct', fields: (t as arrow.Struct).children.map(fromArrowField) };
    case arrow.Type.Dictionary:
      return fromArrowType((t as arrow.Dictionary).dictionary);
    default:
      throw new DeltaSqlError('UNSUPPORTED', `Arrow type ${String(t)} is not supported`);
  }
}

export function fromArrowField(f: arrow.Field): StructField {
  const metadata: Record<string, unknown> = {};
  for (const [k, v] of f.metadata) metadata[k] = v;
  return { name: f.name, type: fromArrowType(f.type), nullable: f.nullable, metadata };
}

export function fromArrowSchema(schema: arrow.Schema): StructField[] {
  return schema.fields.map(fromArrowField);
}
