/**
 * The Arrow schema data files are written with: data columns only (partition columns live in the
 * path), physical names and Parquet field ids under column mapping, the table's Arrow types.
 */
import * as arrow from 'apache-arrow';
import { toArrowType } from '../../common/types/arrow-type.js';
import type { DataType, StructField } from '../../common/types/data-type.js';
import { fieldId, physicalName, type ColumnMappingMode } from '../column-mapping.js';

/** arrow-rs reads and writes Parquet field ids through this Arrow field metadata key. */
export const PARQUET_FIELD_ID_KEY = 'PARQUET:field_id';

function physicalType(t: DataType, mode: ColumnMappingMode): arrow.DataType {
  if (mode === 'none') return toArrowType(t);
  switch (t.kind) {
    case 'struct':
      return new arrow.Struct(t.fields.map((f) => physicalField(f, mode)));
    case 'array':
      return new arrow.List(new arrow.Field('element', physicalType(t.element, mode), t.containsNull));
    case 'map':
      return new arrow.Map_(
        new arrow.Field(
          'entries',
          new arrow.Struct<{ key: arrow.DataType; value: arrow.DataType }>([
            new arrow.Field('key', physicalType(t.key, mode), false),
            new arrow.Field('value', physicalType(t.value, mode), t.valueContainsNull),
          ]),
          false,
        ),
        false,
      );
    default:
      return toArrowType(t);
  }
}

export function physicalField(f: StructField, mode: ColumnMappingMode): arrow.Field {
  const metadata = new Map<string, string>();
  const id = mode === 'none' ? undefined : fieldId(f);
  if (id !== undefined) metadata.set(PARQUET_FIELD_ID_KEY, String(id));
  return new arrow.Field(physicalName(f, mode), physicalType(f.type, mode), f.nullable, metadata);
}

/** Data columns (schema order, partition columns left out) as written to Parquet. */
export function physicalDataSchema(dataFields: readonly StructField[], mode: ColumnMappingMode): arrow.Schema {
  return new arrow.Schema(dataFields.map((f) => physicalField(f, mode)));
}

/** Re-type an Arrow subtree to the physical type (same buffers, new field names). */
export function retype(data: arrow.Data, type: arrow.DataType): arrow.Data {
  const children = data.children.map((c, i) => {
    const childType = type.children[i]?.type;
    return childType === undefined ? c : retype(c, childType);
  });
  return new arrow.Data(type, data.offset, data.length, data.nullCount, data, children, data.dictionary);
}
