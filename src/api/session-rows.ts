/**
 * Arrow columns → plain JS values for QueryResult.rows(): numbers; bigint only for longs beyond
 * 2^53; decimals as numbers when exact in a double, else strings; dates and timestamps as Date;
 * binary as Uint8Array; lists as arrays; structs and maps as objects. Column-wise over typed arrays.
 */
import * as arrow from 'apache-arrow';

const decoder = new TextDecoder();

function valid(data: arrow.Data, i: number): boolean {
  const bm = data.nullBitmap;
  if (data.typeId === arrow.Type.Null) return false;
  if (bm === undefined || bm === null || bm.length === 0 || data.nullCount === 0) return true;
  const bit = data.offset + i;
  return ((bm[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
}

function decimalText(words: Uint32Array, at: number, scale: number, wordsPer: number): string {
  let v = 0n;
  for (let w = wordsPer - 1; w >= 0; w--) v = (v << 32n) | BigInt(words[at + w] ?? 0);
  const bits = BigInt(wordsPer * 32);
  if (v >= 1n << (bits - 1n)) v -= 1n << bits;
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(scale + 1, '0');
  const s = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return neg ? `-${s}` : s;
}

/** Every value of `data` (length data.length). */
export function columnToJs(data: arrow.Data): unknown[] {
  const n = data.length;
  const out = new Array<unknown>(n).fill(null);
  const t = data.type as arrow.DataType;
  switch (data.typeId) {
    case arrow.Type.Null:
      return out;
    case arrow.Type.Bool: {
      const bytes = data.values as Uint8Array;
      for (let i = 0; i < n; i++) {
        if (!valid(data, i)) continue;
        const bit = data.offset + i;
        out[i] = ((bytes[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
      }
      return out;
    }
    case arrow.Type.Int:
    case arrow.Type.Float:
    case arrow.Type.Interval:
    case arrow.Type.Duration: {
      const arr = data.values as ArrayLike<number | bigint>;
      const stride = data.stride;
      for (let i = 0; i < n; i++) {
        if (!valid(data, i)) continue;
        const v = arr[i * stride];
        if (typeof v === 'bigint') out[i] = v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
        else out[i] = v;
      }
      return out;
    }
    case arrow.Type.Date: {
      const arr = data.values as ArrayLike<number | bigint>;
      const day = (t as arrow.Date_).unit === arrow.DateUnit.DAY;
      for (let i = 0; i < n; i++) if (valid(data, i)) out[i] = new Date(day ? Number(arr[i]) * 86_400_000 : Number(arr[i]));
      return out;
    }
    case arrow.Type.Timestamp: {
      const arr = data.values as ArrayLike<number | bigint>;
      const unit = (t as arrow.Timestamp).unit;
      const div = unit === arrow.TimeUnit.SECOND ? 1e-3 : unit === arrow.TimeUnit.MILLISECOND ? 1 : unit === arrow.TimeUnit.MICROSECOND ? 1e3 : 1e6;
      for (let i = 0; i < n; i++) if (valid(data, i)) out[i] = new Date(Math.floor(Number(arr[i]) / div));
      return out;
    }
    case arrow.Type.Decimal: {
      const d = t as arrow.Decimal;
      const words = data.values as Uint32Array;
      const per = d.bitWidth / 32;
      for (let i = 0; i < n; i++) {
        if (!valid(data, i)) continue;
        const s = decimalText(words, i * per, d.scale, per);
        out[i] = d.precision <= 15 ? Number(s) : s;
      }
      return out;
    }
    case arrow.Type.Utf8:
    case arrow.Type.Binary: {
      const bytes = data.values as Uint8Array;
      const offs = data.valueOffsets as Int32Array;
      const text = data.typeId === arrow.Type.Utf8;
      for (let i = 0; i < n; i++) {
        if (!valid(data, i)) continue;
        const sub = bytes.subarray(offs[i] ?? 0, offs[i + 1] ?? 0);
        out[i] = text ? decoder.decode(sub) : sub.slice();
      }
      return out;
    }
    case arrow.Type.List: {
      const offs = data.valueOffsets as Int32Array;
      const child = data.children[0];
      const vals = child ? columnToJs(child) : [];
      for (let i = 0; i < n; i++) if (valid(data, i)) out[i] = vals.slice(offs[i] ?? 0, offs[i + 1] ?? 0);
      return out;
    }
    case arrow.Type.Struct: {
      const fields = (t as arrow.Struct).children;
      const cols = data.children.map((c) => columnToJs(c));
      for (let i = 0; i < n; i++) {
        if (!valid(data, i)) continue;
        const row: Record<string, unknown> = {};
        fields.forEach((f, k) => (row[f.name] = cols[k]?.[i] ?? null));
        out[i] = row;
      }
      return out;
    }
    case arrow.Type.Map: {
      const offs = data.valueOffsets as Int32Array;
      const entries = data.children[0];
      const keys = entries?.children[0] ? columnToJs(entries.children[0]) : [];
      const values = entries?.children[1] ? columnToJs(entries.children[1]) : [];
      for (let i = 0; i < n; i++) {
        if (!valid(data, i)) continue;
        const obj: Record<string, unknown> = {};
        for (let k = offs[i] ?? 0; k < (offs[i + 1] ?? 0); k++) obj[String(keys[k])] = values[k] ?? null;
        out[i] = obj;
      }
      return out;
    }
    default:
      return out;
  }
}

/** A table's rows as objects keyed by column name. */
export function tableRows(table: arrow.Table): Record<string, unknown>[] {
  const names = table.schema.fields.map((f) => f.name);
  const rows: Record<string, unknown>[] = [];
  for (const batch of table.batches) {
    const cols = names.map((_, c) => {
      const child = batch.data.children[c];
      return child ? columnToJs(child) : [];
    });
    for (let i = 0; i < batch.numRows; i++) {
      const row: Record<string, unknown> = {};
      names.forEach((name, c) => (row[name] = cols[c]?.[i] ?? null));
      rows.push(row);
    }
  }
  return rows;
}
