/**
 * Gather rows by index for every Arrow layout we use. A negative index yields NULL (outer joins,
 * lag/lead defaults). Works from buffers directly: no Vector access.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../src/common/errors.js';
import { makeArrayData, strideOf, validityBytes } from './array-data.js';
import { concatData } from './concat.js';

export type Indexes = Int32Array | Uint32Array;

export function take(data: arrow.Data, idx: Indexes): arrow.Data {
  const n = idx.length;
  const type = data.type;
  if (type.typeId === arrow.Type.Null) return new arrow.Data(type, 0, n, n, {} as never, []);
  if (type.typeId === arrow.Type.Dictionary) return take(decodeDictionary(data), idx);
  const { validity, nullCount } = gatherValidity(data, idx);
  switch (type.typeId) {
    case arrow.Type.Bool: {
      const src = data.values as Uint8Array;
      const out = new Uint8Array(validityBytes(n));
      const off = data.offset;
      for (let k = 0; k < n; k++) {
        const i = idx[k]!;
        if (i < 0) continue;
        const j = off + i;
        if ((src[j >> 3]! >> (j & 7)) & 1) out[k >> 3]! |= 1 << (k & 7);
      }
      return makeArrayData(type, n, validity, nullCount, out);
    }
    case arrow.Type.Utf8:
    case arrow.Type.Binary: {
      const offs = data.valueOffsets as Int32Array;
      const bytes = data.values as Uint8Array;
      const outOffs = new Int32Array(n + 1);
      let total = 0;
      for (let k = 0; k < n; k++) {
        const i = idx[k]!;
        if (i >= 0) total += offs[i + 1]! - offs[i]!;
        outOffs[k + 1] = total;
      }
      const out = new Uint8Array(total);
      for (let k = 0; k < n; k++) {
        const i = idx[k]!;
        if (i < 0) continue;
        const s = offs[i]!;
        const e = offs[i + 1]!;
        const len = e - s;
        const dst = outOffs[k]!;
        if (len < 16) for (let b = 0; b < len; b++) out[dst + b] = bytes[s + b]!;
        else out.set(bytes.subarray(s, e), dst);
      }
      return makeArrayData(type, n, validity, nullCount, out, outOffs);
    }
    case arrow.Type.List:
    case arrow.Type.Map: {
      const offs = data.valueOffsets as Int32Array;
      const outOffs = new Int32Array(n + 1);
      let total = 0;
      for (let k = 0; k < n; k++) {
        const i = idx[k]!;
        if (i >= 0) total += offs[i + 1]! - offs[i]!;
        outOffs[k + 1] = total;
      }
      const childIdx = new Int32Array(total);
      let p = 0;
      for (let k = 0; k < n; k++) {
        const i = idx[k]!;
        if (i < 0) continue;
        for (let c = offs[i]!, e = offs[i + 1]!; c < e; c++) childIdx[p++] = c;
      }
      const child = data.children[0];
      if (!child) throw new DeltaSqlError('INTERNAL', 'list data without child');
      return makeArrayData(type, n, validity, nullCount, undefined, outOffs, [take(child, childIdx)]);
    }
    case arrow.Type.Struct:
      return makeArrayData(type, n, validity, nullCount, undefined, undefined, data.children.map((c) => take(c, idx)));
    case arrow.Type.Int:
    case arrow.Type.Float:
    case arrow.Type.Decimal:
    case arrow.Type.Date:
    case arrow.Type.Timestamp:
    case arrow.Type.Time:
    case arrow.Type.Interval:
    case arrow.Type.Duration:
    case arrow.Type.FixedSizeBinary: {
      const stride = strideOf(type);
      const raw = data.values as unknown;
      if (raw instanceof BigInt64Array || raw instanceof BigUint64Array) {
        // copy 64-bit values as word pairs: reading a BigInt64Array element allocates a BigInt
        const out = raw instanceof BigInt64Array ? new BigInt64Array(n * stride) : new BigUint64Array(n * stride);
        const sw = new Int32Array(raw.buffer, raw.byteOffset, raw.length * 2);
        const ow = new Int32Array(out.buffer);
        copyRuns(sw as unknown as Words, ow as unknown as Words, idx, 2 * stride);
        return makeArrayData(type, n, validity, nullCount, out);
      }
      const src = data.values as unknown as { [i: number]: number | bigint; length: number };
      const Ctor = (src as unknown as { constructor: new (len: number) => { [i: number]: number | bigint } }).constructor;
      const out = new Ctor(n * stride);
      copyRuns(src as unknown as Words, out as unknown as Words, idx, stride);
      return makeArrayData(type, n, validity, nullCount, out as unknown as ArrayBufferView);
    }
    default:
      throw new DeltaSqlError('UNSUPPORTED', `Arrow type ${String(type)} is not supported by the executor`);
  }
}

interface Words {
  [i: number]: number;
  subarray(start: number, end: number): Words;
  set(src: Words, offset: number): void;
}

/** out[k] = src[idx[k]] (`width` elements per row); runs of consecutive indexes copy as blocks. */
function copyRuns(src: Words, out: Words, idx: Indexes, width: number): void {
  const n = idx.length;
  let k = 0;
  while (k < n) {
    const i = idx[k]!;
    if (i < 0) {
      k++;
      continue;
    }
    let e = k + 1;
    while (e < n && idx[e] === i + (e - k)) e++;
    const len = e - k;
    if (len >= 16) out.set(src.subarray(i * width, (i + len) * width), k * width);
    else if (width === 1) for (let j = 0; j < len; j++) out[k + j] = src[i + j]!;
    else for (let j = 0; j < len * width; j++) out[k * width + j] = src[i * width + j]!;
    k = e;
  }
}

function gatherValidity(data: arrow.Data, idx: Indexes): { validity: Uint8Array | null; nullCount: number } {
  const n = idx.length;
  const bm = data.nullBitmap;
  const hasNulls = !!bm && bm.length > 0 && data.nullCount !== 0;
  if (!hasNulls) {
    let negative = false;
    for (let k = 0; k < n && !negative; k++) negative = idx[k]! < 0;
    if (!negative) return { validity: null, nullCount: 0 };
  }
  const out = new Uint8Array(validityBytes(n));
  let nulls = 0;
  const off = data.offset;
  for (let k = 0; k < n; k++) {
    const i = idx[k]!;
    let valid = i >= 0;
    if (valid && hasNulls) {
      const j = off + i;
      valid = ((bm[j >> 3]! >> (j & 7)) & 1) === 1;
    }
    if (valid) out[k >> 3]! |= 1 << (k & 7);
    else nulls++;
  }
  return nulls === 0 ? { validity: null, nullCount: 0 } : { validity: out, nullCount: nulls };
}

/** Replace dictionary indices by the dictionary's values. */
export function decodeDictionary(data: arrow.Data): arrow.Data {
  const dict = data.dictionary;
  if (!dict) throw new DeltaSqlError('INTERNAL', 'dictionary data without a dictionary');
  const chunks = dict.data;
  let values: arrow.Data;
  if (chunks.length === 1 && chunks[0]) values = chunks[0];
  else {
    const parts: arrow.Data[] = [...chunks];
    values = concatData(parts, childTypeOfDictionary(data.type));
  }
  const n = data.length;
  const keys = data.values as unknown as { [i: number]: number | bigint };
  const idx = new Int32Array(n);
  const bm = data.nullBitmap;
  const hasNulls = !!bm && bm.length > 0 && data.nullCount !== 0;
  for (let k = 0; k < n; k++) {
    if (hasNulls) {
      const j = data.offset + k;
      if (!((bm[j >> 3]! >> (j & 7)) & 1)) {
        idx[k] = -1;
        continue;
      }
    }
    idx[k] = Number(keys[k]!);
  }
  return take(values, idx);
}

function childTypeOfDictionary(t: arrow.DataType): arrow.DataType {
  return (t as arrow.Dictionary).dictionary;
}

