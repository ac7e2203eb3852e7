/**
 * Re-label Data with the exact Arrow type of the node's schema (field names, nullability flags,
 * timestamp zone) without copying buffers; a layout mismatch is a bug in whoever produced the column.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../src/common/errors.js';
import { decodeDictionary } from './take.js';

export function conformData(data: arrow.Data, type: arrow.DataType): arrow.Data {
  if (data.type === type) return data;
  if (data.typeId === arrow.Type.Dictionary) return conformData(decodeDictionary(data), type);
  if (type.typeId === arrow.Type.Null && data.typeId === arrow.Type.Null) return data;
  if (!sameLayout(data.type, type))
    throw new DeltaSqlError('INTERNAL', `internal error: column of Arrow type ${String(data.type)} where ${String(type)} was planned`);
  const fields = (type.children ?? []) as arrow.Field[];
  const children = fields.length
    ? fields.map((f: arrow.Field, i: number) => conformData(data.children[i]!, f.type))
    : data.children;
  const buffers = [data.valueOffsets, data.values, data.nullBitmap, data.typeIds];
  return new arrow.Data(type, data.offset, data.length, data.nullCount, buffers as never, children, data.dictionary);
}

function sameLayout(a: arrow.DataType, b: arrow.DataType): boolean {
  if (a.typeId !== b.typeId) return false;
  switch (a.typeId) {
    case arrow.Type.Int:
      return (a as arrow.Int).bitWidth === (b as arrow.Int).bitWidth;
    case arrow.Type.Float:
      return (a as arrow.Float).precision === (b as arrow.Float).precision;
    case arrow.Type.Timestamp:
      return (a as arrow.Timestamp).unit === (b as arrow.Timestamp).unit;
    case arrow.Type.Date:
      return (a as arrow.Date_).unit === (b as arrow.Date_).unit;
    case arrow.Type.Decimal:
      return (a as arrow.Decimal).bitWidth === (b as arrow.Decimal).bitWidth;
    case arrow.Type.Duration:
      return (a as arrow.Duration).unit === (b as arrow.Duration).unit;
    case arrow.Type.Interval:
      return (a as arrow.Interval).unit === (b as arrow.Interval).unit;
    case arrow.Type.Struct:
    case arrow.Type.List:
    case arrow.Type.Map:
      return (a.children ?? []).length === (b.children ?? []).length;
    default:
      return true;
  }
}
