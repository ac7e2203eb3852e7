/**
 * Building Arrow Data directly from buffers, and the buffer conventions operators rely on:
 * after `Data.slice`, fixed-width `values` and `valueOffsets` are re-based to row 0, while
 * validity bits and boolean value bits still start at bit `data.offset`.
 */
import * as arrow from 'apache-arrow';

export type OffsetsArray = Int32Array;

/** Make Data of `type` from raw buffers (validity null = all valid). */
export function makeArrayData(
  type: arrow.DataType,
  length: number,
  validity: Uint8Array | null,
  nullCount: number,
  values?: ArrayBufferView,
  offsets?: Int32Array,
  children: arrow.Data[] = [],
): arrow.Data {
  const buffers: Record<number, unknown> = {};
  if (offsets) buffers[arrow.BufferType.OFFSET] = offsets;
  if (values) buffers[arrow.BufferType.DATA] = values;
  if (validity && nullCount > 0) buffers[arrow.BufferType.VALIDITY] = validity;
  return new arrow.Data(type, 0, length, validity && nullCount > 0 ? nullCount : 0, buffers as never, children);
}

/** A Data of `length` rows that are all NULL, of any type. */
export function makeNullData(type: arrow.DataType, length: number): arrow.Data {
  return takeEmptyShape(type, length);
}

function takeEmptyShape(type: arrow.DataType, length: number): arrow.Data {
  const validity = new Uint8Array(validityBytes(length));
  const nullCount = length;
  if (type.typeId === arrow.Type.Null) return new arrow.Data(type, 0, length, length, {} as never, []);
  if (isOffsetType(type)) {
    const offsets = new Int32Array(length + 1);
    if (type.typeId === arrow.Type.Utf8 || type.typeId === arrow.Type.Binary)
      return makeArrayData(type, length, validity, nullCount, new Uint8Array(0), offsets);
    return makeArrayData(type, length, validity, nullCount, undefined, offsets, [takeEmptyShape(childType(type, 0), 0)]);
  }
  if (type.typeId === arrow.Type.Struct)
    return makeArrayData(type, length, validity, nullCount, undefined, undefined, type.children.map((f) => takeEmptyShape(f.type, length)));
  if (type.typeId === arrow.Type.Bool) return makeArrayData(type, length, validity, nullCount, new Uint8Array(validityBytes(length)));
  const stride = strideOf(type);
  const ArrayType = (type as unknown as { ArrayType: new (n: number) => ArrayBufferView }).ArrayType;
  return makeArrayData(type, length, validity, nullCount, new ArrayType(length * stride));
}

export function validityBytes(length: number): number {
  return ((length + 63) >> 6) << 3;
}

export function isOffsetType(type: arrow.DataType): boolean {
  const t = type.typeId;
  return t === arrow.Type.Utf8 || t === arrow.Type.Binary || t === arrow.Type.List || t === arrow.Type.Map;
}

export function childType(type: arrow.DataType, i: number): arrow.DataType {
  const c = type.children[i];
  if (!c) throw new Error(`type ${String(type)} has no child ${i}`);
  return c.type;
}

/** Elements of `values` per row for fixed-width types (Decimal128 → 4 Uint32 words). */
export function strideOf(type: arrow.DataType): number {
  switch (type.typeId) {
    case arrow.Type.Decimal:
      return 4;
    case arrow.Type.FixedSizeBinary:
      return (type as arrow.FixedSizeBinary).byteWidth;
    case arrow.Type.Interval:
      return (type as arrow.Interval).unit === arrow.IntervalUnit.YEAR_MONTH ? 1 : 2;
    default:
      return 1;
  }
}

/** True when row `i` of `data` is valid (not NULL). */
export function isValidAt(data: arrow.Data, i: number): boolean {
  if (data.typeId === arrow.Type.Null) return false;
  const bm = data.nullBitmap;
  if (!bm || bm.length === 0 || data.nullCount === 0) return true;
  const j = data.offset + i;
  return ((bm[j >> 3]! >> (j & 7)) & 1) === 1;
}

/** The validity of `data` as a fresh or shared bitmap aligned at row 0; null when all valid. Read-only. */
export function validityAt0(data: arrow.Data): Uint8Array | null {
  if (data.typeId === arrow.Type.Null) return new Uint8Array(validityBytes(data.length));
  const bm = data.nullBitmap;
  if (!bm || bm.length === 0 || data.nullCount === 0) return null;
  if (data.offset === 0) return bm;
  const out = new Uint8Array(validityBytes(data.length));
  const off = data.offset;
  for (let i = 0; i < data.length; i++) {
    const j = off + i;
    if ((bm[j >> 3]! >> (j & 7)) & 1) out[i >> 3]! |= 1 << (i & 7);
  }
  return out;
}

