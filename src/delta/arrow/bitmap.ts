/**
 * Validity-bitmap helpers and the one Data constructor the scan uses. Arrow JS convention:
 * fixed-width values and offsets are pre-sliced; bitmaps (and boolean values) start at `offset`.
 */
import * as arrow from 'apache-arrow';

/** The validity of `data` as an offset-0 bitmap, or undefined when it has no nulls. */
export function alignedValidity(data: arrow.Data): Uint8Array | undefined {
  if (data.nullCount === 0) return undefined;
  const bitmap = data.nullBitmap;
  if (bitmap === undefined || bitmap === null || bitmap.length === 0) return undefined;
  return alignBits(bitmap, data.offset, data.length);
}

/** Bits [offset, offset+length) of `bits` as an offset-0 bitmap. */
export function alignBits(bits: Uint8Array, offset: number, length: number): Uint8Array {
  const out = new Uint8Array((length + 7) >>> 3);
  if ((offset & 7) === 0) {
    out.set(bits.subarray(offset >>> 3, (offset >>> 3) + out.length));
    return out;
  }
  for (let i = 0; i < length; i++) {
    const b = offset + i;
    if ((bits[b >>> 3] ?? 0) & (1 << (b & 7))) out[i >>> 3] = (out[i >>> 3] ?? 0) | (1 << (i & 7));
  }
  return out;
}

export function bitAt(bits: Uint8Array, i: number): boolean {
  return ((bits[i >>> 3] ?? 0) & (1 << (i & 7))) !== 0;
}

export function countNulls(validity: Uint8Array | undefined, length: number): number {
  if (validity === undefined) return 0;
  let valid = 0;
  for (let i = 0; i < length; i++) if (bitAt(validity, i)) valid++;
  return length - valid;
}

/** Offset-0 Data from its buffers (offsets, values, validity) and children. */
export function buildData(
  type: arrow.DataType,
  length: number,
  validity: Uint8Array | undefined,
  offsets: Int32Array | undefined,
  values: ArrayBufferView | undefined,
  children: arrow.Data[] = [],
): arrow.Data {
  const nulls = countNulls(validity, length);
  const buffers = [offsets, values, nulls > 0 ? validity : undefined];
  return new arrow.Data(type, 0, length, nulls, buffers as never, children);
}

/** An all-null column of `type` (explicit zero bitmap; children sized as the layout needs). */
export function nullData(type: arrow.DataType, length: number): arrow.Data {
  const validity = new Uint8Array((length + 7) >>> 3);
  const buffers = [undefined, undefined, validity];
  switch (type.typeId) {
    case arrow.Type.Null:
      return new arrow.Data(type, 0, length, length);
    case arrow.Type.Struct:
      return new arrow.Data(type, 0, length, length, buffers as never, type.children.map((f: arrow.Field) => nullData(f.type, length)));
    case arrow.Type.List:
    case arrow.Type.Map: {
      const child = type.children[0];
      const kids = child ? [nullData(child.type, 0)] : [];
      return new arrow.Data(type, 0, length, length, [new Int32Array(length + 1), undefined, validity] as never, kids);
    }
    case arrow.Type.Utf8:
    case arrow.Type.Binary:
      return new arrow.Data(type, 0, length, length, [new Int32Array(length + 1), new Uint8Array(0), validity] as never);
    case arrow.Type.Bool:
      return new arrow.Data(type, 0, length, length, [undefined, new Uint8Array((length + 7) >>> 3), validity] as never);
    default: {
      const ArrayType = (type as unknown as { ArrayType: new (n: number) => ArrayBufferView }).ArrayType;
      const stride = type.typeId === arrow.Type.Decimal ? 4 : 1;
      return new arrow.Data(type, 0, length, length, [undefined, new ArrayType(length * stride), validity] as never);
    }
  }
}
