/**
 * Builders for Arrow `Data` from typed arrays and validity bitmaps, one per physical layout.
 *
 * Arrow JS slicing convention (what every kernel must follow when reading):
 *   - fixed-width `values` (ints, floats, Int64, Decimal128 words, dates, timestamps) and
 *     `valueOffsets` are already sliced: row i is `values[i]` (`values[4*i..4*i+3]` for decimals)
 *     and `valueOffsets[i]..valueOffsets[i+1]`;
 *   - the validity bitmap and boolean `values` are NOT sliced: row i is bit `data.offset + i`
 *     (use `alignedValidity` / `alignedBools`);
 *   - struct children are sliced with their parent; list/map children are addressed through offsets.
 * Every builder here produces offset-0 data.
 */
import * as arrow from 'apache-arrow';
import { invariant } from '../../src/common/errors.js';
import { toArrowType } from '../../src/common/types/arrow-type.js';
import type { ArrayType, DataType, DecimalType, MapType, StructType } from '../../src/common/types/data-type.js';
import { countNulls, sliceBits } from './make-data-bitmap.js';

export type FixedWidthArray = Int8Array | Int16Array | Int32Array | BigInt64Array | Float32Array | Float64Array;

function build(
  type: DataType,
  length: number,
  validity: Uint8Array | null,
  offsets: Int32Array | undefined,
  values: ArrayBufferView | undefined,
  children: arrow.Data[] = [],
): arrow.Data {
  const nulls = countNulls(validity, length);
  const buffers: [Int32Array | undefined, ArrayBufferView | undefined, Uint8Array | undefined] = [
    offsets,
    values,
    nulls > 0 && validity ? validity : undefined,
  ];
  return new arrow.Data(toArrowType(type), 0, length, nulls, buffers as never, children);
}

/**
 * Fixed-width columns: byte/short/int/long/float/double, date (Int32 days), timestamp(_ntz)
 * (BigInt64 µs), interval year_month (Int32 months), interval day_time (BigInt64 µs).
 */
export function makeFixedData(type: DataType, values: FixedWidthArray, validity: Uint8Array | null, length = values.length): arrow.Data {
  return build(type, length, validity, undefined, values);
}

/** A boolean column from bit-packed values. */
export function makeBoolData(bits: Uint8Array, validity: Uint8Array | null, length: number): arrow.Data {
  return build({ kind: 'boolean' }, length, validity, undefined, bits);
}

/** A string or binary column: `offsets` has length+1 entries into `bytes`. */
export function makeBinaryData(
  type: DataType,
  offsets: Int32Array,
  bytes: Uint8Array,
  validity: Uint8Array | null,
  length = offsets.length - 1,
): arrow.Data {
  invariant(type.kind === 'string' || type.kind === 'binary', 'makeBinaryData needs string or binary');
  return build(type, length, validity, offsets, bytes);
}

/** A decimal128 column from unscaled values (two's complement, little-endian words). */
export function makeDecimalData(type: DecimalType, unscaled: ArrayLike<bigint>, validity: Uint8Array | null, length = unscaled.length): arrow.Data {
  const words = new BigUint64Array(length * 2);
  for (let i = 0; i < length; i++) {
    const v = unscaled[i]!;
    words[2 * i] = BigInt.asUintN(64, v);
    words[2 * i + 1] = BigInt.asUintN(64, v >> 64n);
  }
  return build(type, length, validity, undefined, new Uint32Array(words.buffer));
}

/** A column of the `null` type (every row NULL). */
export function makeNullData(length: number): arrow.Data {
  return new arrow.Data(new arrow.Null(), 0, length, length);
}

export function makeListData(type: ArrayType, offsets: Int32Array, child: arrow.Data, validity: Uint8Array | null, length = offsets.length - 1): arrow.Data {
  return build(type, length, validity, offsets, undefined, [child]);
}

/** A struct column: children are the fields in order, each `length` rows. */
export function makeStructData(type: StructType, children: arrow.Data[], validity: Uint8Array | null, length: number): arrow.Data {
  invariant(children.length === type.fields.length, 'struct children must match its fields');
  return build(type, length, validity, undefined, undefined, children);
}

/** A map column: entry i of row r lives at `offsets[r] + i` in `keys` / `values`. */
export function makeMapData(type: MapType, offsets: Int32Array, keys: arrow.Data, values: arrow.Data, validity: Uint8Array | null, length = offsets.length - 1): arrow.Data {
  const arrowType = toArrowType(type) as arrow.Map_;
  const entriesType = arrowType.children[0]!.type;
  const entries = new arrow.Data(entriesType, 0, keys.length, 0, undefined, [keys, values]);
  const nulls = countNulls(validity, length);
  const buffers = [offsets, undefined, nulls > 0 && validity ? validity : undefined];
  return new arrow.Data(arrowType, 0, length, nulls, buffers as never, [entries]);
}

/** Read row i of a Decimal128 column (already sliced words, see header) as its unscaled bigint. */
export function decimalAt(words: Uint32Array, i: number): bigint {
  const b = 4 * i;
  const lo = BigInt(words[b]!) | (BigInt(words[b + 1]!) << 32n);
  const hi = BigInt(words[b + 2]!) | (BigInt(words[b + 3]!) << 32n);
  return (BigInt.asIntN(64, hi) << 64n) | lo;
}

/** All unscaled values of a decimal column (rows in order; NULL rows hold whatever bits were there). */
export function decimalValues(data: arrow.Data): bigint[] {
  const words = data.values as Uint32Array;
  const out = new Array<bigint>(data.length);
  for (let i = 0; i < data.length; i++) out[i] = decimalAt(words, i);
  return out;
}

/** Boolean values of `data` bit-aligned to row 0 (may share memory: do not mutate). */
export function alignedBools(data: arrow.Data): Uint8Array {
  const bits = data.values as Uint8Array;
  return data.offset === 0 ? bits : sliceBits(bits, data.offset, data.length);
}
