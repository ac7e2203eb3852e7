/**
 * Column-wise Arrow → plain JS values, for checkpoint rows (actions) and `stats_parsed`.
 * Values come out JSON-like (what the same action would hold in a JSON commit): longs as numbers,
 * dates as `yyyy-mm-dd`, timestamps as ISO strings, maps as objects. Typed-array access throughout.
 * Arrow JS convention: `values`/`valueOffsets` are already sliced; bitmaps are indexed at `offset + i`.
 */
import * as arrow from 'apache-arrow';
import { isAscii } from 'node:buffer';

const decoder = new TextDecoder();

export function isValidAt(data: arrow.Data, i: number): boolean {
  const bitmap = data.nullBitmap;
  if (data.typeId === arrow.Type.Null) return false;
  if (bitmap === undefined || bitmap === null || bitmap.length === 0 || data.nullCount === 0) return true;
  const bit = data.offset + i;
  return ((bitmap[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
}

function longToJs(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function daysToDateString(days: number): string {
  const d = new Date(days * 86400000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

export function microsToIsoString(micros: bigint): string {
  let ms = micros / 1000n;
  let rem = Number(micros - ms * 1000n);
  if (rem < 0) {
    rem += 1000;
    ms -= 1n;
  }
  const iso = new Date(Number(ms)).toISOString();
  return rem === 0 ? iso : `${iso.slice(0, -1)}${pad(rem, 3)}Z`;
}

function timestampToMicros(v: bigint, unit: arrow.TimeUnit): bigint {
  switch (unit) {
    case arrow.TimeUnit.SECOND:
      return v * 1000000n;
    case arrow.TimeUnit.MILLISECOND:
      return v * 1000n;
    case arrow.TimeUnit.MICROSECOND:
      return v;
    default:
      return v / 1000n;
  }
}

/** Unscaled 128-bit little-endian words → decimal number (approximate beyond 2^53, like JSON stats). */
function decimalToNumber(words: Uint32Array, at: number, scale: number): number {
  let v = 0n;
  for (let w = 3; w >= 0; w--) v = (v << 32n) | BigInt(words[at + w] ?? 0);
  if (v >= 1n << 127n) v -= 1n << 128n;
  return Number(v) / 10 ** scale;
}

/** Every row of `data` as a JS value (null where invalid). */
export function dataToJs(data: arrow.Data): unknown[] {
  const n = data.length;
  const out = new Array<unknown>(n).fill(null);
  const t = data.type as arrow.DataType;
  const values = data.values as unknown;
  switch (data.typeId) {
    case arrow.Type.Null:
      return out;
    case arrow.Type.Bool: {
      const bytes = values as Uint8Array;
      for (let i = 0; i < n; i++) {
        if (!isValidAt(data, i)) continue;
        const bit = data.offset + i;
        out[i] = ((bytes[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
      }
      return out;
    }
    case arrow.Type.Int:
    case arrow.Type.Float:
    case arrow.Type.Date:
    case arrow.Type.Timestamp: {
      const arr = values as ArrayLike<number | bigint>;
      const stride = data.stride;
      for (let i = 0; i < n; i++) {
        if (!isValidAt(data, i)) continue;
        const v = arr[i * stride];
        if (v === undefined) continue;
        if (data.typeId === arrow.Type.Date) {
          const dt = t as arrow.Date_;
          out[i] = daysToDateString(dt.unit === arrow.DateUnit.DAY ? Number(v) : Math.floor(Number(v) / 86400000));
        } else if (data.typeId === arrow.Type.Timestamp) {
          out[i] = microsToIsoString(timestampToMicros(BigInt(v), (t as arrow.Timestamp).unit));
        } else out[i] = typeof v === 'bigint' ? longToJs(v) : v;
      }
      return out;
    }
    case arrow.Type.Decimal: {
      const words = values as Uint32Array;
      const scale = (t as arrow.Decimal).scale;
      const stride = (t as arrow.Decimal).bitWidth / 32;
      for (let i = 0; i < n; i++) if (isValidAt(data, i)) out[i] = decimalToNumber(words, i * stride, scale);
      return out;
    }
    case arrow.Type.Utf8:
    case arrow.Type.LargeUtf8:
    case arrow.Type.Binary:
    case arrow.Type.LargeBinary: {
      const bytes = values as Uint8Array;
      const offsets = data.valueOffsets as ArrayLike<number | bigint>;
      const text = data.typeId === arrow.Type.Utf8 || data.typeId === arrow.Type.LargeUtf8;
      const first = Number(offsets[0]);
      const last = Number(offsets[n]);
      // ASCII columns (paths, stats JSON) decode once; each value is then a cheap substring.
      const whole = text && last > first && isAscii(bytes.subarray(first, last)) ? decoder.decode(bytes.subarray(first, last)) : undefined;
      for (let i = 0; i < n; i++) {
        if (!isValidAt(data, i)) continue;
        const start = Number(offsets[i]);
        const end = Number(offsets[i + 1]);
        if (whole !== undefined) out[i] = whole.slice(start - first, end - first);
        else out[i] = text ? decoder.decode(bytes.subarray(start, end)) : bytes.slice(start, end);
      }
      return out;
    }
    case arrow.Type.Struct: {
      const fields = (t as arrow.Struct).children;
      const cols = data.children.map((c) => dataToJs(c));
      for (let i = 0; i < n; i++) {
        if (!isValidAt(data, i)) continue;
        const row: Record<string, unknown> = {};
        for (let f = 0; f < fields.length; f++) row[fields[f]?.name ?? String(f)] = cols[f]?.[i] ?? null;
        out[i] = row;
      }
      return out;
    }
    case arrow.Type.Map: {
      const entries = data.children[0];
      if (entries === undefined) return out;
      const keys = entries.children[0] ? dataToJs(entries.children[0]) : [];
      const vals = entries.children[1] ? dataToJs(entries.children[1]) : [];
      const offsets = data.valueOffsets as Int32Array;
      for (let i = 0; i < n; i++) {
        if (!isValidAt(data, i)) continue;
        const row: Record<string, unknown> = {};
        for (let j = offsets[i] ?? 0; j < (offsets[i + 1] ?? 0); j++) row[String(keys[j])] = vals[j] ?? null;
        out[i] = row;
      }
      return out;
    }
    case arrow.Type.List:
    case arrow.Type.LargeList: {
      const child = data.children[0];
      const items = child ? dataToJs(child) : [];
      const offsets = data.valueOffsets as ArrayLike<number | bigint>;
      for (let i = 0; i < n; i++) {
        if (isValidAt(data, i)) out[i] = items.slice(Number(offsets[i]), Number(offsets[i + 1]));
      }
      return out;
    }
    case arrow.Type.Dictionary: {
      const dict = data.dictionary;
      if (dict === undefined) return out;
      const dictValues = dict.data.flatMap((d) => dataToJs(d));
      const idx = values as ArrayLike<number | bigint>;
      for (let i = 0; i < n; i++) if (isValidAt(data, i)) out[i] = dictValues[Number(idx[i])] ?? null;
      return out;
    }
    default:
      return out;
  }
}
