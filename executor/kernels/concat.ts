/** Concatenate Data chunks of one type into a single Data (and batches into one batch). */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../src/common/errors.js';
import { makeArrayData, strideOf, validityBytes } from './array-data.js';
import { decodeDictionary } from './take.js';

export function concatData(parts: readonly arrow.Data[], type: arrow.DataType): arrow.Data {
  if (parts.length === 1 && parts[0] && parts[0].typeId !== arrow.Type.Dictionary) return parts[0];
  const plain = parts.map((p) => (p.typeId === arrow.Type.Dictionary ? decodeDictionary(p) : p));
  const outType = type.typeId === arrow.Type.Dictionary ? (type as arrow.Dictionary).dictionary : type;
  let n = 0;
  for (const p of plain) n += p.length;
  if (outType.typeId === arrow.Type.Null) return new arrow.Data(outType, 0, n, n, {} as never, []);
  const { validity, nullCount } = concatValidity(plain, n);
  switch (outType.typeId) {
    case arrow.Type.Bool: {
      const out = new Uint8Array(validityBytes(n));
      let k = 0;
      for (const p of plain) {
        const src = p.values as Uint8Array;
        for (let i = 0; i < p.length; i++, k++) {
          const j = p.offset + i;
          if ((src[j >> 3]! >> (j & 7)) & 1) out[k >> 3]! |= 1 << (k & 7);
        }
      }
      return makeArrayData(outType, n, validity, nullCount, out);
    }
    case arrow.Type.Utf8:
    case arrow.Type.Binary: {
      let total = 0;
      for (const p of plain) {
        const o = p.valueOffsets as Int32Array;
        total += o[p.length]! - o[0]!;
      }
      const bytes = new Uint8Array(total);
      const offs = new Int32Array(n + 1);
      let k = 0;
      let pos = 0;
      for (const p of plain) {
        const o = p.valueOffsets as Int32Array;
        const base = o[0]!;
        bytes.set((p.values as Uint8Array).subarray(base, o[p.length]!), pos);
        for (let i = 0; i < p.length; i++) offs[++k] = pos + o[i + 1]! - base;
        pos += o[p.length]! - base;
      }
      return makeArrayData(outType, n, validity, nullCount, bytes, offs);
    }
    case arrow.Type.List:
    case arrow.Type.Map: {
      const offs = new Int32Array(n + 1);
      const childParts: arrow.Data[] = [];
      let k = 0;
      let pos = 0;
      for (const p of plain) {
        const o = p.valueOffsets as Int32Array;
        const base = o[0]!;
        const child = p.children[0];
        if (!child) throw new DeltaSqlError('INTERNAL', 'list data without child');
        childParts.push(child.slice(base, o[p.length]! - base));
        for (let i = 0; i < p.length; i++) offs[++k] = pos + o[i + 1]! - base;
        pos += o[p.length]! - base;
      }
      const ct = outType.children[0]!.type;
      return makeArrayData(outType, n, validity, nullCount, undefined, offs, [concatData(childParts, ct)]);
    }
    case arrow.Type.Struct: {
      const children = (outType.children as arrow.Field[]).map((f: arrow.Field, c: number) =>
        concatData(
          plain.map((p) => {
            const ch = p.children[c]!;
            return ch.length === p.length ? ch : ch.slice(0, p.length);
          }),
          f.type,
        ),
      );
      return makeArrayData(outType, n, validity, nullCount, undefined, undefined, children);
    }
    case arrow.Type.Int:
    case arrow.Type.Float:
    case arrow.Type.Decimal:
    case arrow.Type.Date:
    case arrow.Type.Timestamp:
    case arrow.Type.Time:
    case arrow.Type.Interval:
    case arrow.Type.Duration:
    case arrow.Type.FixedSizeBinary: {
      const stride = strideOf(outType);
      const first = plain[0];
      const Ctor = (first ? (first.values as unknown as { constructor: new (n: number) => TypedArrayLike }).constructor : undefined) ??
        (outType as unknown as { ArrayType: new (n: number) => TypedArrayLike }).ArrayType;
      const out = new Ctor(n * stride);
      let pos = 0;
      for (const p of plain) {
        out.set((p.values as unknown as TypedArrayLike).subarray(0, p.length * stride), pos);
        pos += p.length * stride;
      }
      return makeArrayData(outType, n, validity, nullCount, out as unknown as ArrayBufferView);
    }
    default:
      throw new DeltaSqlError('UNSUPPORTED', `Arrow type ${String(outType)} is not supported by the executor`);
  }
}

interface TypedArrayLike {
  set(src: TypedArrayLike, offset: number): void;
  subarray(start: number, end: number): TypedArrayLike;
}

function concatValidity(parts: readonly arrow.Data[], n: number): { validity: Uint8Array | null; nullCount: number } {
  let nulls = 0;
  for (const p of parts) nulls += p.nullCount;
  if (nulls === 0) return { validity: null, nullCount: 0 };
  const out = new Uint8Array(validityBytes(n));
  let k = 0;
  for (const p of parts) {
    const bm = p.nullBitmap;
    const has = !!bm && bm.length > 0 && p.nullCount > 0;
    for (let i = 0; i < p.length; i++, k++) {
      if (has) {
        const j = p.offset + i;
        if (!((bm[j >> 3]! >> (j & 7)) & 1)) continue;
      }
      out[k >> 3]! |= 1 << (k & 7);
    }
  }
  return { validity: out, nullCount: nulls };
}

/** Concatenate batches sharing `schema` into one batch (an empty batch when there are none). */
export function concatBatches(schema: arrow.Schema, batches: readonly arrow.RecordBatch[]): arrow.RecordBatch {
  if (batches.length === 1 && batches[0]) return batches[0];
  const cols = schema.fields.map((f, c) => concatData(batches.map((b) => b.data.children[c]!), f.type));
  return batchFromColumns(schema, cols, batches.reduce((s, b) => s + b.numRows, 0));
}

export function batchFromColumns(schema: arrow.Schema, columns: readonly arrow.Data[], numRows: number): arrow.RecordBatch {
  const fields = schema.fields.map((f, i) => {
    const c = columns[i];
    if (!c) throw new DeltaSqlError('INTERNAL', `missing column ${i} for batch`);
    return c.type === f.type ? f : new arrow.Field(f.name, c.type, f.nullable, f.metadata);
  });
  const s = new arrow.Schema(fields, schema.metadata);
  const structData = new arrow.Data(new arrow.Struct(fields), 0, numRows, 0, {} as never, [...columns]);
  const batch = new arrow.RecordBatch(s, structData as arrow.Data<arrow.Struct>);
  // RecordBatch merges fields by name (Schema.assign), which breaks duplicate column names
  // (SELECT a.x, b.x): put the schema back exactly as given.
  if (batch.schema.fields.some((f, i) => f !== fields[i])) (batch as { schema: arrow.Schema }).schema = s;
  return batch;
}
