/**
 * Conversions between JS scalar values (planner/expr/scalar-value.ts) and Arrow Data, for literal
 * rows (VALUES), broadcasting a constant, and reading a single value (scalar subqueries). Not for hot loops.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../src/common/errors.js';
import { toArrowType } from '../../src/common/types/arrow-type.js';
import type { DataType } from '../../src/common/types/data-type.js';
import { isMapValue, type ScalarValue } from '../../planner/expr/scalar-value.js';
import { makeArrayData, validityBytes } from './array-data.js';
import { take } from './take.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function dataFromScalars(type: DataType, values: readonly ScalarValue[]): arrow.Data {
  const n = values.length;
  const at = toArrowType(type);
  if (type.kind === 'null') return new arrow.Data(at, 0, n, n, {} as never, []);
  const validity = new Uint8Array(validityBytes(n));
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    if (values[i] === null || values[i] === undefined) nulls++;
    else validity[i >> 3]! |= 1 << (i & 7);
  }
  const bad = (v: ScalarValue): never => {
    throw new DeltaSqlError('INTERNAL', `value ${String(v)} does not fit type ${type.kind}`);
  };
  switch (type.kind) {
    case 'boolean': {
      const bits = new Uint8Array(validityBytes(n));
      values.forEach((v, i) => {
        if (v === true) bits[i >> 3]! |= 1 << (i & 7);
      });
      return makeArrayData(at, n, validity, nulls, bits);
    }
    case 'byte':
    case 'short':
    case 'int':
    case 'date':
    case 'float':
    case 'double': {
      const Ctor = { byte: Int8Array, short: Int16Array, int: Int32Array, date: Int32Array, float: Float32Array, double: Float64Array }[type.kind];
      const out = new Ctor(n);
      values.forEach((v, i) => {
        if (v !== null) out[i] = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : bad(v);
      });
      return makeArrayData(at, n, validity, nulls, out);
    }
    case 'interval':
    case 'long':
    case 'timestamp':
    case 'timestamp_ntz': {
      if (type.kind === 'interval' && type.unit === 'year_month') {
        const out = new Int32Array(n);
        values.forEach((v, i) => {
          if (v !== null) out[i] = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : bad(v);
        });
        return makeArrayData(at, n, validity, nulls, out);
      }
      const out = new BigInt64Array(n);
      values.forEach((v, i) => {
        if (v !== null) out[i] = typeof v === 'bigint' ? v : typeof v === 'number' ? BigInt(v) : bad(v);
      });
      return makeArrayData(at, n, validity, nulls, out);
    }
    case 'decimal': {
      const out = new Uint32Array(n * 4);
      values.forEach((v, i) => {
        if (v === null) return;
        let x = BigInt.asUintN(128, typeof v === 'bigint' ? v : typeof v === 'number' ? BigInt(v) : bad(v));
        for (let w = 0; w < 4; w++) {
          out[i * 4 + w] = Number(x & 0xffffffffn);
          x >>= 32n;
        }
      });
      return makeArrayData(at, n, validity, nulls, out);
    }
    case 'string':
    case 'binary': {
      const parts = values.map((v) => (v === null ? new Uint8Array(0) : typeof v === 'string' ? encoder.encode(v) : v instanceof Uint8Array ? v : bad(v)));
      const offs = new Int32Array(n + 1);
      parts.forEach((p, i) => (offs[i + 1] = offs[i]! + p.length));
      const bytes = new Uint8Array(offs[n]!);
      parts.forEach((p, i) => bytes.set(p, offs[i]!));
      return makeArrayData(at, n, validity, nulls, bytes, offs);
    }
    case 'array': {
      const offs = new Int32Array(n + 1);
      const flat: ScalarValue[] = [];
      values.forEach((v, i) => {
        if (v !== null) {
          if (!Array.isArray(v)) bad(v);
          for (const e of v as readonly ScalarValue[]) flat.push(e);
        }
        offs[i + 1] = flat.length;
      });
      return makeArrayData(at, n, validity, nulls, undefined, offs, [dataFromScalars(type.element, flat)]);
    }
    case 'map': {
      const offs = new Int32Array(n + 1);
      const keys: ScalarValue[] = [];
      const vals: ScalarValue[] = [];
      values.forEach((v, i) => {
        if (v !== null) {
          if (!isMapValue(v)) bad(v);
          else {
            keys.push(...v.keys);
            vals.push(...v.values);
          }
        }
        offs[i + 1] = keys.length;
      });
      const entriesType = at.children[0]!.type as arrow.DataType;
      const entries = makeArrayData(entriesType, keys.length, null, 0, undefined, undefined, [
        dataFromScalars(type.key, keys),
        dataFromScalars(type.value, vals),
      ]);
      return makeArrayData(at, n, validity, nulls, undefined, offs, [entries]);
    }
    case 'struct': {
      const children = type.fields.map((f, k) =>
        dataFromScalars(
          f.type,
          values.map((v) => (v === null ? null : Array.isArray(v) ? ((v as readonly ScalarValue[])[k] ?? null) : bad(v))),
        ),
      );
      return makeArrayData(at, n, validity, nulls, undefined, undefined, children);
    }
  }
  return bad(null);
}

/** `value` repeated `n` times. */
export function broadcast(type: DataType, value: ScalarValue, n: number): arrow.Data {
  const one = dataFromScalars(type, [value]);
  return n === 1 ? one : take(one, new Int32Array(n));
}

/** Row `i` of `data` (of SQL type `type`) as a JS scalar. */
export function scalarAt(data: arrow.Data, type: DataType, i: number): ScalarValue {
  if (data.typeId === arrow.Type.Null) return null;
  if (data.typeId === arrow.Type.Dictionary) return scalarAt(take(data, Int32Array.of(i)), type, 0);
  const bm = data.nullBitmap;
  if (bm && bm.length > 0 && data.nullCount > 0) {
    const j = data.offset + i;
    if (!((bm[j >> 3]! >> (j & 7)) & 1)) return null;
  }
  switch (type.kind) {
    case 'null':
      return null;
    case 'boolean': {
      const j = data.offset + i;
      return (((data.values as Uint8Array)[j >> 3]! >> (j & 7)) & 1) === 1;
    }
    case 'byte':
    case 'short':
    case 'int':
    case 'date':
    case 'float':
    case 'double':
      return Number((data.values as unknown as ArrayLike<number | bigint>)[i]);
    case 'long':
    case 'timestamp':
    case 'timestamp_ntz':
      return BigInt((data.values as unknown as ArrayLike<number | bigint>)[i]!);
    case 'interval': {
      const v = (data.values as unknown as ArrayLike<number | bigint>)[i]!;
      return type.unit === 'year_month' ? Number(v) : BigInt(v);
    }
    case 'decimal': {
      const w = data.values as Uint32Array;
      let x = 0n;
      for (let k = 3; k >= 0; k--) x = (x << 32n) | BigInt(w[i * 4 + k]!);
      return BigInt.asIntN(128, x);
    }
    case 'string':
    case 'binary': {
      const o = data.valueOffsets as Int32Array;
      const bytes = (data.values as Uint8Array).subarray(o[i]!, o[i + 1]!);
      return type.kind === 'string' ? decoder.decode(bytes) : bytes.slice();
    }
    case 'array': {
      const o = data.valueOffsets as Int32Array;
      const child = data.children[0]!;
      const out: ScalarValue[] = [];
      for (let k = o[i]!; k < o[i + 1]!; k++) out.push(scalarAt(child, type.element, k));
      return out;
    }
    case 'map': {
      const o = data.valueOffsets as Int32Array;
      const entries = data.children[0]!;
      const keys: ScalarValue[] = [];
      const values: ScalarValue[] = [];
      for (let k = o[i]!; k < o[i + 1]!; k++) {
        keys.push(scalarAt(entries.children[0]!, type.key, k));
        values.push(scalarAt(entries.children[1]!, type.value, k));
      }
      return { keys, values };
    }
    case 'struct':
      return type.fields.map((f, k) => scalarAt(data.children[k]!, f.type, i));
  }
}
