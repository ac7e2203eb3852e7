/**
 * Cast a decoded Parquet column to the table's Arrow type (vectorised, typed arrays only):
 * integer widths and signedness, float → double, int → double/decimal and decimal rescaling (type
 * widening), date → timestamp_ntz, timestamps of any unit → µs, dictionary/large/view strings →
 * Utf8, and nested types rebuilt field by field with physical → logical names.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../common/errors.js';
import { toArrowType } from '../../common/types/arrow-type.js';
import type { DataType, StructField } from '../../common/types/data-type.js';
import { alignedValidity, buildData, nullData } from './bitmap.js';
import { castFixedWidth, toDecimalWords } from './numeric-cast.js';

/** Finds the source child for a target struct field (physical names / field ids). */
export type FieldMatcher = (target: StructField, candidates: readonly arrow.Field[]) => number;

function cannot(src: arrow.DataType, target: DataType): never {
  throw new DeltaSqlError('SCHEMA_MISMATCH', `cannot read a Parquet column of type ${String(src)} as ${target.kind}`);
}

function binaryLike(src: arrow.Data, target: DataType): arrow.Data {
  const type = toArrowType(target);
  const validity = alignedValidity(src);
  switch (src.typeId) {
    case arrow.Type.Utf8:
    case arrow.Type.Binary:
      return buildData(type, src.length, validity, src.valueOffsets as Int32Array, src.values as Uint8Array);
    case arrow.Type.LargeUtf8:
    case arrow.Type.LargeBinary: {
      const big = src.valueOffsets as unknown as BigInt64Array;
      const offsets = new Int32Array(src.length + 1);
      for (let i = 0; i <= src.length; i++) offsets[i] = Number(big[i]);
      return buildData(type, src.length, validity, offsets, src.values as Uint8Array);
    }
    case arrow.Type.FixedSizeBinary: {
      const width = (src.type as arrow.FixedSizeBinary).byteWidth;
      const offsets = new Int32Array(src.length + 1);
      for (let i = 0; i <= src.length; i++) offsets[i] = i * width;
      return buildData(type, src.length, validity, offsets, (src.values as Uint8Array).subarray(0, src.length * width));
    }
    case arrow.Type.Utf8View:
    case arrow.Type.BinaryView:
      return fromViews(src, type, validity);
    case arrow.Type.Dictionary: {
      const dict = src.dictionary;
      const dictData = dict?.data[0];
      if (dict === undefined || dictData === undefined || dict.data.length !== 1) return cannot(src.type, target);
      const words = binaryLike(dictData, target);
      const dOffsets = words.valueOffsets as Int32Array;
      const dBytes = words.values as Uint8Array;
      const idx = src.values as ArrayLike<number>;
      const offsets = new Int32Array(src.length + 1);
      let total = 0;
      for (let i = 0; i < src.length; i++) {
        const k = Number(idx[i]);
        total += (dOffsets[k + 1] ?? 0) - (dOffsets[k] ?? 0);
        offsets[i + 1] = total;
      }
      const bytes = new Uint8Array(total);
      for (let i = 0; i < src.length; i++) {
        const k = Number(idx[i]);
        bytes.set(dBytes.subarray(dOffsets[k] ?? 0, dOffsets[k + 1] ?? 0), offsets[i] ?? 0);
      }
      return buildData(type, src.length, validity, offsets, bytes);
    }
    default:
      return cannot(src.type, target);
  }
}

/** View layout (16-byte views: length, then ≤12 inline bytes or prefix/buffer/offset) → offsets + bytes. */
function fromViews(src: arrow.Data, type: arrow.DataType, validity: Uint8Array | undefined): arrow.Data {
  const views = src.values as Uint8Array;
  const dv = new DataView(views.buffer, views.byteOffset, views.byteLength);
  const offsets = new Int32Array(src.length + 1);
  for (let i = 0; i < src.length; i++) offsets[i + 1] = (offsets[i] ?? 0) + Math.max(0, dv.getInt32(i * 16, true));
  const bytes = new Uint8Array(offsets[src.length] ?? 0);
  for (let i = 0; i < src.length; i++) {
    const size = dv.getInt32(i * 16, true);
    if (size <= 0) continue;
    const at = offsets[i] ?? 0;
    if (size <= 12) bytes.set(views.subarray(i * 16 + 4, i * 16 + 4 + size), at);
    else {
      const buffer = src.variadicBuffers[dv.getInt32(i * 16 + 8, true)];
      const start = dv.getInt32(i * 16 + 12, true);
      if (buffer === undefined) throw new DeltaSqlError('CORRUPT_DATA', 'string view refers to a missing data buffer');
      bytes.set(buffer.subarray(start, start + size), at);
    }
  }
  return buildData(type, src.length, validity, offsets, bytes);
}

function listData(src: arrow.Data, target: DataType & { kind: 'array' }, match: FieldMatcher): arrow.Data {
  const child = src.children[0];
  if (child === undefined || (src.typeId !== arrow.Type.List && src.typeId !== arrow.Type.LargeList)) return cannot(src.type, target);
  let offsets = src.valueOffsets as unknown as Int32Array;
  if (src.typeId === arrow.Type.LargeList) {
    const big = src.valueOffsets as unknown as BigInt64Array;
    offsets = new Int32Array(src.length + 1);
    for (let i = 0; i <= src.length; i++) offsets[i] = Number(big[i]);
  }
  const element = conformData(child, target.element, match);
  return buildData(toArrowType(target), src.length, alignedValidity(src), offsets, undefined, [element]);
}

function mapData(src: arrow.Data, target: DataType & { kind: 'map' }, match: FieldMatcher): arrow.Data {
  const entries = src.children[0];
  const key = entries?.children[0];
  const value = entries?.children[1];
  if (src.typeId !== arrow.Type.Map || entries === undefined || key === undefined || value === undefined) return cannot(src.type, target);
  const type = toArrowType(target) as arrow.Map_;
  const entriesType = type.children[0]?.type;
  if (entriesType === undefined) return cannot(src.type, target);
  const k = conformData(key, target.key, match);
  const v = conformData(value, target.value, match);
  const entriesData = buildData(entriesType, entries.length, alignedValidity(entries), undefined, undefined, [k, v]);
  return buildData(type, src.length, alignedValidity(src), src.valueOffsets as Int32Array, undefined, [entriesData]);
}

function structData(src: arrow.Data, target: DataType & { kind: 'struct' }, match: FieldMatcher): arrow.Data {
  if (src.typeId !== arrow.Type.Struct) return cannot(src.type, target);
  const candidates = (src.type as arrow.Struct).children;
  const children = target.fields.map((f) => {
    const i = match(f, candidates);
    const child = i >= 0 ? src.children[i] : undefined;
    return child === undefined ? nullData(toArrowType(f.type), src.length) : conformData(child, f.type, match);
  });
  return buildData(toArrowType(target), src.length, alignedValidity(src), undefined, undefined, children);
}

/** `src` as a column of `target` (a new offset-0 Data unless it already has exactly that layout). */
export function conformData(src: arrow.Data, target: DataType, match: FieldMatcher): arrow.Data {
  if (src.typeId === arrow.Type.Null) return nullData(toArrowType(target), src.length);
  switch (target.kind) {
    case 'null':
      return nullData(new arrow.Null(), src.length);
    case 'boolean':
      if (src.typeId !== arrow.Type.Bool) return cannot(src.type, target);
      return src;
    case 'string':
    case 'binary':
      return binaryLike(src, target);
    case 'array':
      return listData(src, target, match);
    case 'map':
      return mapData(src, target, match);
    case 'struct':
      return structData(src, target, match);
    case 'decimal':
      return buildData(toArrowType(target), src.length, alignedValidity(src), undefined, toDecimalWords(src, target));
    case 'interval':
      return cannot(src.type, target);
    default:
      return buildData(toArrowType(target), src.length, alignedValidity(src), undefined, castFixedWidth(src, target));
  }
}
