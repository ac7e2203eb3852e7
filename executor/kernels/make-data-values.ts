/**
 * Columns from JS values (ScalarValue form, see planner/expr/scalar-value.ts): literals,
 * constant broadcast, collection results and tests. Not for per-row hot paths of primitive kernels.
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../src/common/errors.js';
import type { DataType } from '../../src/common/types/data-type.js';
import { isMapValue, type ScalarValue } from '../../planner/expr/scalar-value.js';
import { allSetBitmap, bitmapBytes } from './make-data-bitmap.js';
import {
  makeBinaryData,
  makeBoolData,
  makeDecimalData,
  makeFixedData,
  makeListData,
  makeMapData,
  makeNullData,
  makeStructData,
} from './make-data.js';

const encoder = new TextEncoder();

function bad(type: DataType, v: ScalarValue): never {
  throw new DeltaSqlError('INTERNAL', `value ${String(v)} does not fit type ${type.kind}`);
}

/** Build a column of `type` from JS values (null = SQL NULL). */
export function arrayFromValues(type: DataType, values: readonly ScalarValue[]): arrow.Data {
  const n = values.length;
  if (type.kind === 'null') return makeNullData(n);
  const validity = new Uint8Array(bitmapBytes(n));
  for (let i = 0; i < n; i++) if (values[i] !== null && values[i] !== undefined) validity[i >> 3]! |= 1 << (i & 7);
  const num = (v: ScalarValue): number => (v === null ? 0 : typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : bad(type, v));
  const big = (v: ScalarValue): bigint => (v === null ? 0n : typeof v === 'bigint' ? v : typeof v === 'number' ? BigInt(v) : bad(type, v));
  switch (type.kind) {
    case 'boolean': {
      const bits = new Uint8Array(bitmapBytes(n));
      for (let i = 0; i < n; i++) if (values[i] === true) bits[i >> 3]! |= 1 << (i & 7);
      return makeBoolData(bits, validity, n);
    }
    case 'byte':
      return makeFixedData(type, Int8Array.from(values, num), validity);
    case 'short':
      return makeFixedData(type, Int16Array.from(values, num), validity);
    case 'int':
    case 'date':
      return makeFixedData(type, Int32Array.from(values, num), validity);
    case 'float':
      return makeFixedData(type, Float32Array.from(values, num), validity);
    case 'double':
      return makeFixedData(type, Float64Array.from(values, num), validity);
    case 'long':
    case 'timestamp':
    case 'timestamp_ntz':
      return makeFixedData(type, BigInt64Array.from(values, big), validity);
    case 'interval':
      return type.unit === 'year_month'
        ? makeFixedData(type, Int32Array.from(values, num), validity)
        : makeFixedData(type, BigInt64Array.from(values, big), validity);
    case 'decimal':
      return makeDecimalData(type, values.map(big), validity);
    case 'string':
    case 'binary': {
      const parts = values.map((v) =>
        v === null ? new Uint8Array(0) : typeof v === 'string' ? encoder.encode(v) : v instanceof Uint8Array ? v : bad(type, v),
      );
      const offsets = new Int32Array(n + 1);
      for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + parts[i]!.length;
      const bytes = new Uint8Array(offsets[n]!);
      for (let i = 0; i < n; i++) bytes.set(parts[i]!, offsets[i]!);
      return makeBinaryData(type, offsets, bytes, validity);
    }
    case 'array': {
      const offsets = new Int32Array(n + 1);
      const flat: ScalarValue[] = [];
      for (let i = 0; i < n; i++) {
        const v = values[i] ?? null;
        if (v !== null) {
          if (!Array.isArray(v)) bad(type, v);
          for (const e of v as readonly ScalarValue[]) flat.push(e);
        }
        offsets[i + 1] = flat.length;
      }
      return makeListData(type, offsets, arrayFromValues(type.element, flat), validity);
    }
    case 'map': {
      const offsets = new Int32Array(n + 1);
      const keys: ScalarValue[] = [];
      const vals: ScalarValue[] = [];
      for (let i = 0; i < n; i++) {
        const v = values[i] ?? null;
        if (v !== null) {
          if (!isMapValue(v)) bad(type, v);
          keys.push(...v.keys);
          vals.push(...v.values);
        }
        offsets[i + 1] = keys.length;
      }
      return makeMapData(type, offsets, arrayFromValues(type.key, keys), arrayFromValues(type.value, vals), validity);
    }
    case 'struct': {
      const children = type.fields.map((f, fi) =>
        arrayFromValues(
          f.type,
          values.map((v) => (v === null ? null : Array.isArray(v) ? ((v as readonly ScalarValue[])[fi] ?? null) : bad(type, v))),
        ),
      );
      return makeStructData(type, children, validity, n);
    }
  }
}

/** A column of `length` copies of `value` (fast fills for fixed-width types). */
export function broadcastScalar(value: ScalarValue, type: DataType, length: number): arrow.Data {
  if (value === null) return nullColumn(type, length);
  switch (type.kind) {
    case 'byte':
      return makeFixedData(type, new Int8Array(length).fill(value as number), null);
    case 'short':
      return makeFixedData(type, new Int16Array(length).fill(value as number), null);
    case 'int':
    case 'date':
      return makeFixedData(type, new Int32Array(length).fill(value as number), null);
    case 'float':
      return makeFixedData(type, new Float32Array(length).fill(value as number), null);
    case 'double':
      return makeFixedData(type, new Float64Array(length).fill(value as number), null);
    case 'long':
    case 'timestamp':
    case 'timestamp_ntz':
      return makeFixedData(type, new BigInt64Array(length).fill(value as bigint), null);
    case 'boolean':
      return makeBoolData(value === true ? allSetBitmap(length) : new Uint8Array(bitmapBytes(length)), null, length);
    case 'string':
    case 'binary': {
      const bytes = typeof value === 'string' ? encoder.encode(value) : (value as Uint8Array);
      const offsets = new Int32Array(length + 1);
      for (let i = 1; i <= length; i++) offsets[i] = i * bytes.length;
      const out = new Uint8Array(bytes.length * length);
      for (let i = 0; i < length; i++) out.set(bytes, i * bytes.length);
      return makeBinaryData(type, offsets, out, null);
    }
    default:
      return arrayFromValues(type, new Array<ScalarValue>(length).fill(value));
  }
}

/** A column of `length` NULLs of `type`. */
export function nullColumn(type: DataType, length: number): arrow.Data {
  if (type.kind === 'null') return makeNullData(length);
  return arrayFromValues(type, new Array<ScalarValue>(length).fill(null));
}
