/**
 * Safe upcasts of one leaf column to the table's Arrow representation (Spark's store-assignment
 * upcasts): wider integers, integers/float → double, integers → wide-enough decimals, decimal
 * precision widening at the same scale, other timestamp units / zones → µs UTC, dictionary and
 * large-offset strings → plain. Anything else is not a safe cast (returns undefined).
 */
import * as arrow from 'apache-arrow';
import { toArrowType } from '../../common/types/arrow-type.js';
import type { DataType } from '../../common/types/data-type.js';
import { takeData } from './take-rows.js';

const INTEGRAL_DIGITS: Readonly<Record<string, number>> = { byte: 3, short: 5, int: 10, long: 20 };
const INTEGRAL_RANK: Readonly<Record<string, number>> = { byte: 1, short: 2, int: 3, long: 4 };

/** Whether values of `from` can be stored in a `to` column without loss (same type included). */
export function isSafeUpcast(from: DataType, to: DataType): boolean {
  if (from.kind === 'null') return true;
  if (from.kind === to.kind && from.kind !== 'decimal') return true;
  const fromRank = INTEGRAL_RANK[from.kind];
  if (fromRank !== undefined) {
    const toRank = INTEGRAL_RANK[to.kind];
    if (toRank !== undefined) return toRank >= fromRank;
    if (to.kind === 'double') return from.kind !== 'long';
    if (to.kind === 'decimal') return to.precision - to.scale >= (INTEGRAL_DIGITS[from.kind] ?? 99);
    return false;
  }
  if (from.kind === 'float') return to.kind === 'double';
  if (from.kind === 'decimal' && to.kind === 'decimal') return to.scale === from.scale && to.precision >= from.precision;
  return false;
}

function withValues(type: arrow.DataType, data: arrow.Data, values: ArrayBufferView): arrow.Data {
  const buffers: Record<number, unknown> = { [arrow.BufferType.DATA]: values };
  if (data.nullCount > 0 && data.nullBitmap !== undefined) buffers[arrow.BufferType.VALIDITY] = data.nullBitmap;
  // Bitmaps keep the source offset; values were rebuilt from logical row 0.
  return new arrow.Data(type, data.offset, data.length, data.nullCount, buffers as ConstructorParameters<typeof arrow.Data>[4]);
}

function unitFactor(unit: arrow.TimeUnit): { mul: bigint; div: bigint } {
  switch (unit) {
    case arrow.TimeUnit.SECOND:
      return { mul: 1000000n, div: 1n };
    case arrow.TimeUnit.MILLISECOND:
      return { mul: 1000n, div: 1n };
    case arrow.TimeUnit.NANOSECOND:
      return { mul: 1n, div: 1000n };
    default:
      return { mul: 1n, div: 1n };
  }
}

/** Materialize dictionary-encoded data as its value type. */
export function decodeDictionary(data: arrow.Data): arrow.Data {
  const dict = data.dictionary?.data[0];
  if (dict === undefined) return data;
  const keys = data.values as ArrayLike<number | bigint>;
  const idx = new Uint32Array(data.length);
  for (let i = 0; i < data.length; i++) idx[i] = Number(keys[i] ?? 0);
  const taken = takeData(dict, idx);
  if (data.nullCount === 0) return taken;
  const buffers: Record<number, unknown> = { [arrow.BufferType.VALIDITY]: data.nullBitmap };
  if (taken.valueOffsets !== undefined) buffers[arrow.BufferType.OFFSET] = taken.valueOffsets;
  if (taken.values !== undefined) buffers[arrow.BufferType.DATA] = taken.values;
  // Values are rebuilt from 0; the key bitmap keeps its offset, so realign by rebuilding.
  const rebased = new arrow.Data(taken.type, data.offset, data.length, data.nullCount, buffers as ConstructorParameters<typeof arrow.Data>[4], taken.children);
  return takeData(rebased, Uint32Array.from({ length: data.length }, (_, i) => i));
}

/** `data` as `to`'s Arrow type; undefined when the representation cannot be converted safely. */
export function castLeaf(data: arrow.Data, from: DataType, to: DataType): arrow.Data | undefined {
  const target = toArrowType(to);
  if (data.typeId === arrow.Type.Dictionary) return castLeaf(decodeDictionary(data), from, to);
  if (arrow.util.compareTypes(data.type, target)) return data;
  if (!isSafeUpcast(from, to)) return undefined;
  const n = data.length;
  const src = data.values as ArrayLike<number> & ArrayLike<bigint>;
  if (from.kind === 'null') return arrow.makeData({ type: target, length: n, nullCount: n, nullBitmap: new Uint8Array(((n + 63) & ~63) >> 3) });
  switch (to.kind) {
    case 'short':
      return withValues(target, data, Int16Array.from({ length: n }, (_, i) => Number(src[i] ?? 0)));
    case 'int':
      return withValues(target, data, Int32Array.from({ length: n }, (_, i) => Number(src[i] ?? 0)));
    case 'long':
      return withValues(target, data, BigInt64Array.from({ length: n }, (_, i) => BigInt(src[i] ?? 0)));
    case 'double':
      return withValues(target, data, Float64Array.from({ length: n }, (_, i) => Number(src[i] ?? 0)));
    case 'decimal': {
      if (from.kind === 'decimal') return withValues(target, data, data.values as Uint32Array);
      const words = new Uint32Array(n * 4);
      const scale = 10n ** BigInt(to.scale);
      for (let i = 0; i < n; i++) {
        let v = BigInt(src[i] ?? 0) * scale;
        if (v < 0n) v += 1n << 128n;
        for (let w = 0; w < 4; w++) {
          words[i * 4 + w] = Number(v & 0xffffffffn);
          v >>= 32n;
        }
      }
      return withValues(target, data, words);
    }
    case 'timestamp':
    case 'timestamp_ntz': {
      const { mul, div } = unitFactor((data.type as arrow.Timestamp).unit);
      if (mul === 1n && div === 1n) return withValues(target, data, data.values as BigInt64Array);
      return withValues(target, data, BigInt64Array.from({ length: n }, (_, i) => (BigInt(src[i] ?? 0) * mul) / div));
    }
    case 'string':
    case 'binary': {
      const offsets = data.valueOffsets as ArrayLike<number | bigint>;
      const out = Int32Array.from({ length: n + 1 }, (_, i) => Number(offsets[i] ?? 0));
      const buffers: Record<number, unknown> = { [arrow.BufferType.OFFSET]: out, [arrow.BufferType.DATA]: data.values };
      if (data.nullCount > 0) buffers[arrow.BufferType.VALIDITY] = data.nullBitmap;
      return new arrow.Data(target, data.offset, n, data.nullCount, buffers as ConstructorParameters<typeof arrow.Data>[4]);
    }
    default:
      return undefined;
  }
}
