/**
 * Keep the rows at `indices` (ascending) of a conformed column: how deletion vectors drop rows.
 * Handles every type the scan emits; works on typed arrays, producing offset-0 Data.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../common/errors.js';
import { alignedValidity, bitAt, buildData } from './bitmap.js';

function takeBits(bits: Uint8Array, offset: number, indices: Int32Array): Uint8Array {
  const out = new Uint8Array((indices.length + 7) >>> 3);
  for (let j = 0; j < indices.length; j++) {
    if (bitAt(bits, offset + (indices[j] ?? 0))) out[j >>> 3] = (out[j >>> 3] ?? 0) | (1 << (j & 7));
  }
  return out;
}

function takeValidity(data: arrow.Data, indices: Int32Array): Uint8Array | undefined {
  const v = alignedValidity(data);
  return v === undefined ? undefined : takeBits(v, 0, indices);
}

/** Child row ranges selected by offsets → new offsets and the child row indexes to keep. */
function takeRanges(offsets: Int32Array, indices: Int32Array): { offsets: Int32Array; child: Int32Array } {
  const out = new Int32Array(indices.length + 1);
  let total = 0;
  for (let j = 0; j < indices.length; j++) {
    const i = indices[j] ?? 0;
    total += (offsets[i + 1] ?? 0) - (offsets[i] ?? 0);
    out[j + 1] = total;
  }
  const child = new Int32Array(total);
  let k = 0;
  for (let j = 0; j < indices.length; j++) {
    const i = indices[j] ?? 0;
    for (let c = offsets[i] ?? 0; c < (offsets[i + 1] ?? 0); c++) child[k++] = c;
  }
  return { offsets: out, child };
}

export function takeData(data: arrow.Data, indices: Int32Array): arrow.Data {
  const n = indices.length;
  const type = data.type as arrow.DataType;
  switch (data.typeId) {
    case arrow.Type.Null:
      return new arrow.Data(type, 0, n, n);
    case arrow.Type.Bool:
      return buildData(type, n, takeValidity(data, indices), undefined, takeBits(data.values as Uint8Array, data.offset, indices));
    case arrow.Type.Int:
    case arrow.Type.Float:
    case arrow.Type.Date:
    case arrow.Type.Timestamp:
    case arrow.Type.Decimal: {
      const values = data.values as unknown as { constructor: new (n: number) => ArrayLike<number | bigint>; [i: number]: number | bigint };
      const stride = data.typeId === arrow.Type.Decimal ? 4 : data.stride;
      const out = new values.constructor(n * stride) as unknown as { [i: number]: number | bigint };
      for (let j = 0; j < n; j++) {
        const i = (indices[j] ?? 0) * stride;
        for (let s = 0; s < stride; s++) out[j * stride + s] = values[i + s] ?? 0;
      }
      return buildData(type, n, takeValidity(data, indices), undefined, out as unknown as ArrayBufferView);
    }
    case arrow.Type.Utf8:
    case arrow.Type.Binary: {
      const offsets = data.valueOffsets as Int32Array;
      const bytes = data.values as Uint8Array;
      const outOffsets = new Int32Array(n + 1);
      let total = 0;
      for (let j = 0; j < n; j++) {
        const i = indices[j] ?? 0;
        total += (offsets[i + 1] ?? 0) - (offsets[i] ?? 0);
        outOffsets[j + 1] = total;
      }
      const out = new Uint8Array(total);
      for (let j = 0; j < n; j++) {
        const i = indices[j] ?? 0;
        out.set(bytes.subarray(offsets[i] ?? 0, offsets[i + 1] ?? 0), outOffsets[j] ?? 0);
      }
      return buildData(type, n, takeValidity(data, indices), outOffsets, out);
    }
    case arrow.Type.List:
    case arrow.Type.Map: {
      const child = data.children[0];
      if (child === undefined) throw new DeltaSqlError('INTERNAL', 'internal error: list without child data');
      const { offsets, child: childIdx } = takeRanges(data.valueOffsets as Int32Array, indices);
      return buildData(type, n, takeValidity(data, indices), offsets, undefined, [takeData(child, childIdx)]);
    }
    case arrow.Type.Struct:
      return buildData(type, n, takeValidity(data, indices), undefined, undefined, data.children.map((c) => takeData(c, indices)));
    default:
      throw new DeltaSqlError('INTERNAL', `internal error: cannot select rows of ${String(type)}`);
  }
}
