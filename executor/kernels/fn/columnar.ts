/**
 * Helpers shared by kernels: turning ColumnarValues into Data, combining validity, and a
 * row-wise evaluation path for functions whose per-row work dwarfs the dispatch cost
 * (regexes, formatting, collections). Row access goes through typed-array getters, never Vector.get.
 */
import * as arrow from 'apache-arrow';
import { fromArrowType } from '../../../src/common/types/arrow-type.js';
import type { DataType } from '../../../src/common/types/data-type.js';
import type { ScalarValue } from '../../../planner/expr/scalar-value.js';
import type { ColumnarValue, EvalContext, ScalarKernel } from '../../functions/kernel.js';
import { alignedValidity, andValidity, bitmapBytes, getBit } from '../make-data-bitmap.js';
import { decimalAt } from '../make-data.js';
import { readValue } from '../make-data-read.js';
import { arrayFromValues, broadcastScalar } from '../make-data-values.js';
import { StringColumnBuilder } from '../make-data-string-builder.js';

/** The argument as a column of ctx.rowCount rows (broadcasting a scalar). */
export function asData(v: ColumnarValue, rowCount: number): arrow.Data {
  return v.kind === 'array' ? v.data : broadcastScalar(v.value, v.type, rowCount);
}

export function scalarOf(value: ScalarValue, type: DataType): ColumnarValue {
  return { kind: 'scalar', value, type };
}

export function arrayOfData(data: arrow.Data): ColumnarValue {
  return { kind: 'array', data };
}

export function allScalar(args: readonly ColumnarValue[]): args is readonly Extract<ColumnarValue, { kind: 'scalar' }>[] {
  return args.every((a) => a.kind === 'scalar');
}

/** AND of the arguments' validity (null = all valid), aligned to row 0; always a fresh copy or null. */
export function combinedValidity(datas: readonly arrow.Data[], length: number): Uint8Array | null {
  return andValidity(length, ...datas.map(alignedValidity));
}

/** A fresh validity bitmap we may clear bits in: a copy of `v`, or all set. */
export function mutableValidity(v: Uint8Array | null, length: number): Uint8Array {
  const out = new Uint8Array(bitmapBytes(length));
  if (v) out.set(v.subarray(0, out.length));
  else {
    out.fill(0xff, 0, length >> 3);
    for (let i = length & ~7; i < length; i++) out[i >> 3]! |= 1 << (i & 7);
  }
  return out;
}

const decoder = new TextDecoder();

/** UTF-8 bytes → JS string; short ASCII runs skip TextDecoder's per-call overhead. */
export function decodeUtf8(bytes: Uint8Array, s: number, e: number): string {
  if (e - s <= 24) {
    let out = '';
    for (let p = s; p < e; p++) {
      const b = bytes[p]!;
      if (b >= 0x80) return decoder.decode(bytes.subarray(s, e));
      out += String.fromCharCode(b);
    }
    return out;
  }
  return decoder.decode(bytes.subarray(s, e));
}

/**
 * A fast per-row reader for a column: typed-array access specialised once per column.
 * Returns null for NULL rows.
 */
export function getter(data: arrow.Data): (i: number) => ScalarValue {
  const valid = alignedValidity(data);
  const isNull = valid ? (i: number): boolean => !getBit(valid, i) : (): boolean => false;
  if (data.typeId === arrow.Type.Null) return () => null;
  const t = data.type;
  switch (t.typeId) {
    case arrow.Type.Int:
    case arrow.Type.Float: {
      const vals = data.values as ArrayLike<number | bigint>;
      return (i) => (isNull(i) ? null : vals[i]!);
    }
    case arrow.Type.Date:
      if ((t as arrow.Date_).unit === arrow.DateUnit.DAY) {
        const vals = data.values as Int32Array;
        return (i) => (isNull(i) ? null : vals[i]!);
      }
      break;
    case arrow.Type.Timestamp:
      if ((t as arrow.Timestamp).unit === arrow.TimeUnit.MICROSECOND) {
        const vals = data.values as BigInt64Array;
        return (i) => (isNull(i) ? null : vals[i]!);
      }
      break;
    case arrow.Type.Decimal: {
      const words = data.values as Uint32Array;
      return (i) => (isNull(i) ? null : decimalAt(words, i));
    }
    case arrow.Type.Utf8: {
      const off = data.valueOffsets as Int32Array;
      const bytes = data.values as Uint8Array;
      return (i) => (isNull(i) ? null : decodeUtf8(bytes, off[i]!, off[i + 1]!));
    }
    case arrow.Type.Binary: {
      const off = data.valueOffsets as Int32Array;
      const bytes = data.values as Uint8Array;
      return (i) => (isNull(i) ? null : bytes.subarray(off[i]!, off[i + 1]!));
    }
    default:
      break;
  }
  return (i) => readValue(data, i);
}

export interface RowwiseOptions {
  /** Return NULL without calling `fn` when any argument is NULL (default true). */
  readonly nullIntolerant?: boolean;
}

/**
 * A kernel evaluating `fn` per row on JS values. All-scalar input is evaluated once.
 * For functions whose per-row work (regex, formatting, collection building) dominates.
 */
export function rowwise(
  fn: (args: ScalarValue[], resultType: DataType, ctx: EvalContext) => ScalarValue,
  options: RowwiseOptions = {},
): ScalarKernel {
  const strict = options.nullIntolerant ?? true;
  return (args, resultType, ctx) => {
    if (allScalar(args)) {
      const vals = args.map((a) => a.value);
      const v = strict && vals.some((x) => x === null) ? null : fn(vals, resultType, ctx);
      return scalarOf(v, resultType);
    }
    const n = ctx.rowCount;
    const getters = args.map((a) => (a.kind === 'scalar' ? ((): ScalarValue => a.value) : getter(a.data)));
    // `fn` gets a scratch array reused across rows: kernels copy what they keep.
    const vals = new Array<ScalarValue>(args.length);
    const text = resultType.kind === 'string' ? new StringColumnBuilder(n) : null;
    const out = text ? null : new Array<ScalarValue>(n);
    for (let i = 0; i < n; i++) {
      let anyNull = false;
      for (let k = 0; k < getters.length; k++) {
        const v = getters[k]!(i);
        if (v === null) anyNull = true;
        vals[k] = v;
      }
      const r = strict && anyNull ? null : fn(vals, resultType, ctx);
      if (text) {
        if (r === null) text.appendNull();
        else text.appendString(r as string);
      } else out![i] = r;
    }
    return arrayOfData(text ? text.finish() : arrayFromValues(resultType, out!));
  };
}

/** The SQL type of a ColumnarValue. */
export function valueType(v: ColumnarValue): DataType {
  return v.kind === 'scalar' ? v.type : fromArrowType(v.data.type);
}

/**
 * Evaluate an array kernel on scalars by broadcasting them to one row and reading the row
 * back, so all-constant calls return a scalar (constant folding gets a value, not a column).
 */
export function evalScalarOnce(
  args: readonly ColumnarValue[],
  resultType: DataType,
  ctx: EvalContext,
  run: (args: readonly ColumnarValue[], ctx: EvalContext) => arrow.Data,
): ColumnarValue {
  if (allScalar(args) && ctx.rowCount !== 1) {
    const one: EvalContext = { ...ctx, rowCount: 1 };
    return scalarOf(readValue(run(args, one), 0), resultType);
  }
  return arrayOfData(run(args, ctx));
}
