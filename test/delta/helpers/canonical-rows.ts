/**
 * Test-side value formatter: Arrow columns → canonical strings, independent of the reader code,
 * so expected Parquet (written by Spark) and our output compare by value, not by physical type.
 */
import * as arrow from 'apache-arrow';

export type Canon = string | null | Canon[] | { [k: string]: Canon };

function valid(d: arrow.Data, i: number): boolean {
  if (d.typeId === arrow.Type.Null) return false;
  const bm = d.nullBitmap;
  if (!bm || bm.length === 0 || d.nullCount === 0) return true;
  const b = d.offset + i;
  return ((bm[b >> 3] ?? 0) & (1 << (b & 7))) !== 0;
}

const pad = (n: number | bigint, w: number): string => String(n).padStart(w, '0');

function fmtDays(days: number): string {
  const d = new Date(days * 86400000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

function fmtMicros(us: bigint): string {
  let days = us / 86400000000n;
  let rem = us % 86400000000n;
  if (rem < 0n) {
    rem += 86400000000n;
    days -= 1n;
  }
  const secs = rem / 1000000n;
  const frac = rem % 1000000n;
  const hms = `${pad(secs / 3600n, 2)}:${pad((secs / 60n) % 60n, 2)}:${pad(secs % 60n, 2)}`;
  return `${fmtDays(Number(days))}T${hms}${frac === 0n ? '' : `.${pad(frac, 6).replace(/0+$/, '')}`}`;
}

function fmtDecimal(words: Uint32Array, at: number, scale: number): string {
  let v = 0n;
  for (let w = 3; w >= 0; w--) v = (v << 32n) | BigInt(words[at + w] ?? 0);
  if (v >= 1n << 127n) v -= 1n << 128n;
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return neg ? `-${text}` : text;
}

export function canonData(d: arrow.Data): Canon[] {
  const out: Canon[] = [];
  const t = d.type as arrow.DataType;
  for (let i = 0; i < d.length; i++) {
    if (!valid(d, i)) {
      out.push(null);
      continue;
    }
    switch (d.typeId) {
      case arrow.Type.Bool: {
        const b = d.offset + i;
        out.push(((d.values as Uint8Array)[b >> 3] ?? 0) & (1 << (b & 7)) ? 'true' : 'false');
        break;
      }
      case arrow.Type.Int:
        out.push(String((d.values as ArrayLike<number | bigint>)[i * d.stride]));
        break;
      case arrow.Type.Float: {
        const v = Number((d.values as ArrayLike<number>)[i]);
        out.push(Number.isNaN(v) ? 'NaN' : String(v));
        break;
      }
      case arrow.Type.Decimal:
        out.push(fmtDecimal(d.values as Uint32Array, i * 4, (t as arrow.Decimal).scale));
        break;
      case arrow.Type.Date:
        out.push(fmtDays(Number((d.values as ArrayLike<number>)[i])));
        break;
      case arrow.Type.Timestamp: {
        const raw = BigInt((d.values as BigInt64Array)[i] ?? 0n);
        const unit = (t as arrow.Timestamp).unit;
        const us = unit === arrow.TimeUnit.NANOSECOND ? raw / 1000n : unit === arrow.TimeUnit.MILLISECOND ? raw * 1000n : unit === arrow.TimeUnit.SECOND ? raw * 1000000n : raw;
        out.push(fmtMicros(us));
        break;
      }
      case arrow.Type.Utf8:
      case arrow.Type.Binary: {
        const offs = d.valueOffsets as Int32Array;
        const bytes = (d.values as Uint8Array).subarray(offs[i] ?? 0, offs[i + 1] ?? 0);
        out.push(d.typeId === arrow.Type.Utf8 ? new TextDecoder().decode(bytes) : `0x${Buffer.from(bytes).toString('hex')}`);
        break;
      }
      default:
        out.push(null);
    }
  }
  if (d.typeId === arrow.Type.Struct) {
    const names = (t as arrow.Struct).children.map((f) => f.name);
    const cols = d.children.map(canonData);
    return out.map((_, i) => (valid(d, i) ? Object.fromEntries(names.map((n, c) => [n, cols[c]?.[i] ?? null])) : null));
  }
  if (d.typeId === arrow.Type.List || d.typeId === arrow.Type.Map) {
    const child = d.children[0];
    const items = child ? canonData(child) : [];
    const offs = d.valueOffsets as Int32Array;
    return out.map((_, i) => {
      if (!valid(d, i)) return null;
      const slice = items.slice(offs[i] ?? 0, offs[i + 1] ?? 0);
      // Map entries compare as a set: sort them.
      return d.typeId === arrow.Type.Map ? slice.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) : slice;
    });
  }
  return out;
}

/** Rows of `batches` as JSON strings over `columns` (by name), sorted. */
export function canonicalRows(batches: Iterable<arrow.RecordBatch>, columns: readonly string[]): string[] {
  const rows: string[] = [];
  for (const b of batches) {
    const cols = columns.map((name) => {
      const v = b.getChild(name);
      if (v === null) throw new Error(`column ${name} missing from batch (has ${b.schema.fields.map((f) => f.name).join(',')})`);
      return v.data.flatMap(canonData);
    });
    for (let r = 0; r < b.numRows; r++) rows.push(JSON.stringify(cols.map((c) => c[r] ?? null)));
  }
  return rows.sort();
}
