/**
 * Gather rows of Arrow data by index (typed-array copies, no row objects): used to split a batch
 * into one batch per partition. Arrow JS convention: values/offsets are already sliced, bitmaps
 * (and boolean values) are indexed at `offset + i`.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../common/errors.js';

type TypedArray = Int8Array | Uint8Array | Int16Array | Int32Array | Uint32Array | Float32Array | Float64Array | BigInt64Array;

function bitAt(bitmap: Uint8Array, bit: number): boolean {
  return ((bitmap[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
}

/** New validity bitmap for the gathered rows, and its null count (undefined bitmap when no nulls). */
function takeValidity(data: arrow.Data, indices: Uint32Array): { bitmap: Uint8Array | undefined; nullCount: number } {
  const n = indices.length;
  if (data.nullCount === 0 || data.nullBitmap === undefined || data.nullBitmap.length === 0) return { bitmap: undefined, nullCount: 0 };
  const src = data.nullBitmap;
  const out = new Uint8Array(((n + 63) & ~63) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    if (bitAt(src, data.offset + (indices[i] ?? 0))) out[i >> 3] = (out[i >> 3] ?? 0) | (1 << (i & 7));
    else nulls++;
  }
  return nulls === 0 ? { bitmap: undefined, nullCount: 0 } : { bitmap: out, nullCount: nulls };
}

/** Arrow Data from raw buffers (absent buffers left out). */
function makeData(
  type: arrow.DataType,
  length: number,
  nullCount: number,
  offsets: Int32Array | undefined,
  values: TypedArray | undefined,
  bitmap: Uint8Array | undefined,
  children: arrow.Data[] = [],
): arrow.Data {
  const buffers: Record<number, unknown> = {};
  if (offsets !== undefined) buffers[arrow.BufferType.OFFSET] = offsets;
  if (values !== undefined) buffers[arrow.BufferType.DATA] = values;
  if (bitmap !== undefined) buffers[arrow.BufferType.VALIDITY] = bitmap;
  return new arrow.Data(type, 0, length, nullCount, buffers as ConstructorParameters<typeof arrow.Data>[4], children);
}

function takeFixed(values: TypedArray, stride: number, indices: Uint32Array): TypedArray {
  const Ctor = values.constructor as new (n: number) => TypedArray;
  const out = new Ctor(indices.length * stride);
  if (stride === 1) {
    const src = values as unknown as number[];
    const dst = out as unknown as number[];
    for (let i = 0; i < indices.length; i++) dst[i] = src[indices[i] ?? 0] ?? 0;
  } else {
    for (let i = 0; i < indices.length; i++) {
      const from = (indices[i] ?? 0) * stride;
      (out as Uint8Array).set((values as Uint8Array).subarray(from, from + stride), i * stride);
    }
  }
  return out;
}

/** For offset-based layouts: new offsets plus the child/value positions to copy. */
function takeRanges(offsets: Int32Array, indices: Uint32Array): { newOffsets: Int32Array; total: number } {
  const newOffsets = new Int32Array(indices.length + 1);
  let total = 0;
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i] ?? 0;
    total += (offsets[r + 1] ?? 0) - (offsets[r] ?? 0);
    newOffsets[i + 1] = total;
  }
  return { newOffsets, total };
}

export function takeData(data: arrow.Data, indices: Uint32Array): arrow.Data {
  const n = indices.length;
  const type = data.type as arrow.DataType;
  const { bitmap, nullCount } = takeValidity(data, indices);
  switch (data.typeId) {
    case arrow.Type.Null:
      return new arrow.Data(type, 0, n, n);
    case arrow.Type.Bool: {
      const src = data.values as Uint8Array;
      const out = new Uint8Array(((n + 63) & ~63) >> 3);
      for (let i = 0; i < n; i++) if (bitAt(src, data.offset + (indices[i] ?? 0))) out[i >> 3] = (out[i >> 3] ?? 0) | (1 << (i & 7));
      return makeData(type, n, nullCount, undefined, out, bitmap);
    }
    case arrow.Type.Int:
    case arrow.Type.Float:
    case arrow.Type.Decimal:
    case arrow.Type.Date:
    case arrow.Type.Time:
    case arrow.Type.Timestamp:
    case arrow.Type.Interval:
    case arrow.Type.Duration:
    case arrow.Type.FixedSizeBinary:
      return makeData(type, n, nullCount, undefined, takeFixed(data.values as TypedArray, data.stride, indices), bitmap);
    case arrow.Type.Utf8:
    case arrow.Type.Binary: {
      const offsets = data.valueOffsets as Int32Array;
      const src = data.values as Uint8Array;
      const { newOffsets, total } = takeRanges(offsets, indices);
      const out = new Uint8Array(total);
      for (let i = 0; i < n; i++) {
        const r = indices[i] ?? 0;
        out.set(src.subarray(offsets[r] ?? 0, offsets[r + 1] ?? 0), newOffsets[i] ?? 0);
      }
      return makeData(type, n, nullCount, newOffsets, out, bitmap);
    }
    case arrow.Type.List:
    case arrow.Type.Map: {
      const offsets = data.valueOffsets as Int32Array;
      const { newOffsets, total } = takeRanges(offsets, indices);
      const childIndices = new Uint32Array(total);
      let k = 0;
      for (let i = 0; i < n; i++) {
        const r = indices[i] ?? 0;
        for (let j = offsets[r] ?? 0; j < (offsets[r + 1] ?? 0); j++) childIndices[k++] = j;
      }
      const child = data.children[0];
      if (child === undefined) throw new DeltaSqlError('INTERNAL', 'internal error: list data without a child');
      return makeData(type, n, nullCount, newOffsets, undefined, bitmap, [takeData(child, childIndices)]);
    }
    case arrow.Type.FixedSizeList: {
      const size = (type as arrow.FixedSizeList).listSize;
      const childIndices = new Uint32Array(n * size);
      for (let i = 0; i < n; i++) for (let j = 0; j < size; j++) childIndices[i * size + j] = (indices[i] ?? 0) * size + j;
      const child = data.children[0];
      if (child === undefined) throw new DeltaSqlError('INTERNAL', 'internal error: list data without a child');
      return makeData(type, n, nullCount, undefined, undefined, bitmap, [takeData(child, childIndices)]);
    }
    case arrow.Type.Struct:
      // Struct children are sliced together with the parent, so they share logical row numbers.
      return makeData(type, n, nullCount, undefined, undefined, bitmap, data.children.map((c) => takeData(c, indices)));
    default:
      throw new DeltaSqlError('UNSUPPORTED', `writing Arrow type ${String(type)} is not supported`);
  }
}

/** The rows of `batch` at `indices` as a new batch (same schema). */
export function takeRows(batch: arrow.RecordBatch, indices: Uint32Array): arrow.RecordBatch {
  const data = takeData(batch.data, indices) as arrow.Data<arrow.Struct>;
  return new arrow.RecordBatch(batch.schema, data);
}
