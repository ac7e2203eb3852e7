/**
 * Reads Arrow result columns into plain, exact cell values for formatting. This is the
 * golden-file runner, not a hot path: per-cell reads are fine here, but every value is read
 * from the raw buffers so nothing is rounded on the way (Int64, Decimal128, µs timestamps).
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../common/errors.js';

export type Cell =
  | null
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'int'; readonly v: bigint }
  | { readonly t: 'float'; readonly v: number; readonly single: boolean }
  | { readonly t: 'decimal'; readonly unscaled: bigint; readonly scale: number }
  | { readonly t: 'string'; readonly v: string }
  | { readonly t: 'binary'; readonly v: Uint8Array }
  | { readonly t: 'date'; readonly days: number }
  | { readonly t: 'timestamp'; readonly micros: bigint; readonly zone: string | null }
  | { readonly t: 'interval-ym'; readonly months: number }
  | { readonly t: 'interval-dt'; readonly micros: bigint }
  | { readonly t: 'list'; readonly items: readonly Cell[] }
  | { readonly t: 'struct'; readonly fields: readonly { readonly name: string; readonly value: Cell }[] }
  | { readonly t: 'map'; readonly entries: readonly { readonly key: Cell; readonly value: Cell }[] };

/** The table as rows of cells (row-major), plus its column names. */
export function tableCells(table: arrow.Table): { names: string[]; rows: Cell[][] } {
  const names = table.schema.fields.map((f) => f.name);
  const rows: Cell[][] = [];
  for (const batch of table.batches) {
    const columns = batch.data.children;
    for (let r = 0; r < batch.numRows; r++) rows.push(columns.map((c) => readCell(c, r)));
  }
  return { names, rows };
}

const TIME_UNIT_TO_MICROS: Record<number, { mul: bigint; div: bigint }> = {
  [arrow.TimeUnit.SECOND]: { mul: 1_000_000n, div: 1n },
  [arrow.TimeUnit.MILLISECOND]: { mul: 1000n, div: 1n },
  [arrow.TimeUnit.MICROSECOND]: { mul: 1n, div: 1n },
  [arrow.TimeUnit.NANOSECOND]: { mul: 1n, div: 1000n },
};

function toMicros(raw: bigint, unit: arrow.TimeUnit): bigint {
  const f = TIME_UNIT_TO_MICROS[unit] ?? { mul: 1n, div: 1n };
  return (raw * f.mul) / f.div;
}

function bigAt(values: unknown, i: number): bigint {
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) return values[i] ?? 0n;
  if (values instanceof Int32Array) {
    // Arrow JS without BigInt support stores 64-bit values as two int32 words (low, high).
    const lo = BigInt((values[2 * i] ?? 0) >>> 0);
    const hi = BigInt(values[2 * i + 1] ?? 0);
    return (hi << 32n) | lo;
  }
  throw new DeltaSqlError('INTERNAL', 'unexpected buffer for a 64-bit column');
}

/** A two's complement little-endian integer of `words` 32-bit words starting at word `at`. */
function wideIntAt(values: Uint32Array, at: number, words: number): bigint {
  let result = 0n;
  for (let w = words - 1; w >= 0; w--) result = (result << 32n) | BigInt(values[at + w] ?? 0);
  const bits = BigInt(words * 32);
  return result >= 1n << (bits - 1n) ? result - (1n << bits) : result;
}

function bytesAt(data: arrow.Data, i: number): Uint8Array {
  const offsets = data.valueOffsets as Int32Array | BigInt64Array;
  const start = Number(offsets[i] ?? 0);
  const end = Number(offsets[i + 1] ?? 0);
  return (data.values as Uint8Array).subarray(start, end);
}

const utf8 = new TextDecoder('utf-8');

/** One cell of `data` at logical row `i` (values/offsets buffers are already sliced by Arrow JS). */
export function readCell(data: arrow.Data, i: number): Cell {
  const type = data.type as arrow.DataType;
  if (type.typeId === arrow.Type.Null || !data.getValid(i)) return null;
  const values: unknown = data.values;
  switch (type.typeId) {
    case arrow.Type.Bool: {
      const pos = data.offset + i; // boolean data is bit-packed and never sliced
      return { t: 'bool', v: (((values as Uint8Array)[pos >> 3] ?? 0) & (1 << (pos & 7))) !== 0 };
    }
    case arrow.Type.Int: {
      const it = type as arrow.Int;
      if (it.bitWidth === 64) return { t: 'int', v: bigAt(values, i) };
      return { t: 'int', v: BigInt((values as Int32Array)[i] ?? 0) };
    }
    case arrow.Type.Float: {
      const ft = type as arrow.Float;
      if (ft.precision === arrow.Precision.HALF) return { t: 'float', v: arrow.util.uint16ToFloat64((values as Uint16Array)[i] ?? 0), single: true };
      return { t: 'float', v: (values as Float64Array)[i] ?? 0, single: ft.precision === arrow.Precision.SINGLE };
    }
    case arrow.Type.Decimal: {
      const dt = type as arrow.Decimal;
      const words = dt.bitWidth / 32;
      return { t: 'decimal', unscaled: wideIntAt(values as Uint32Array, i * words, words), scale: dt.scale };
    }
    case arrow.Type.Utf8:
    case arrow.Type.LargeUtf8:
      return { t: 'string', v: utf8.decode(bytesAt(data, i)) };
    case arrow.Type.Binary:
    case arrow.Type.LargeBinary:
      return { t: 'binary', v: bytesAt(data, i) };
    case arrow.Type.FixedSizeBinary: {
      const width = (type as arrow.FixedSizeBinary).byteWidth;
      return { t: 'binary', v: (values as Uint8Array).subarray(i * width, (i + 1) * width) };
    }
    case arrow.Type.Date: {
      const dt = type as arrow.Date_;
      if (dt.unit === arrow.DateUnit.DAY) return { t: 'date', days: (values as Int32Array)[i] ?? 0 };
      return { t: 'date', days: Math.floor(Number(bigAt(values, i)) / 86_400_000) };
    }
    case arrow.Type.Timestamp: {
      const ts = type as arrow.Timestamp;
      return { t: 'timestamp', micros: toMicros(bigAt(values, i), ts.unit), zone: ts.timezone ?? null };
    }
    case arrow.Type.Interval: {
      const it = type as arrow.Interval;
      if (it.unit === arrow.IntervalUnit.YEAR_MONTH) return { t: 'interval-ym', months: (values as Int32Array)[i] ?? 0 };
      throw new DeltaSqlError('UNSUPPORTED', `formatting Arrow ${String(type)} values is not supported`);
    }
    case arrow.Type.Duration: {
      const du = type as arrow.Duration;
      return { t: 'interval-dt', micros: toMicros(bigAt(values, i), du.unit) };
    }
    case arrow.Type.List:
    case arrow.Type.LargeList: {
      const child = data.children[0];
      const offsets = data.valueOffsets as Int32Array | BigInt64Array;
      const items: Cell[] = [];
      if (child) for (let k = Number(offsets[i] ?? 0); k < Number(offsets[i + 1] ?? 0); k++) items.push(readCell(child, k));
      return { t: 'list', items };
    }
    case arrow.Type.FixedSizeList: {
      const size = (type as arrow.FixedSizeList).listSize;
      const child = data.children[0];
      const items: Cell[] = [];
      if (child) for (let k = i * size; k < (i + 1) * size; k++) items.push(readCell(child, k));
      return { t: 'list', items };
    }
    case arrow.Type.Struct: {
      const fields = (type as arrow.Struct).children.map((f, c) => {
        const child = data.children[c];
        return { name: f.name, value: child ? readCell(child, i) : null };
      });
      return { t: 'struct', fields };
    }
    case arrow.Type.Map: {
      const entries = data.children[0];
      const keys = entries?.children[0];
      const vals = entries?.children[1];
      const offsets = data.valueOffsets as Int32Array;
      const out: { key: Cell; value: Cell }[] = [];
      if (keys && vals) {
        for (let k = offsets[i] ?? 0; k < (offsets[i + 1] ?? 0); k++) out.push({ key: readCell(keys, k), value: readCell(vals, k) });
      }
      return { t: 'map', entries: out };
    }
    case arrow.Type.Dictionary: {
      const dictionary = data.dictionary;
      let index = Number(bigOrNumberAt(values, i));
      for (const chunk of dictionary?.data ?? []) {
        if (index < chunk.length) return readCell(chunk, index);
        index -= chunk.length;
      }
      throw new DeltaSqlError('INTERNAL', 'dictionary index out of range');
    }
    default:
      throw new DeltaSqlError('UNSUPPORTED', `formatting Arrow ${String(type)} values is not supported`);
  }
}

function bigOrNumberAt(values: unknown, i: number): number | bigint {
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) return values[i] ?? 0n;
  return (values as Int32Array)[i] ?? 0;
}
