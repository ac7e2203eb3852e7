/**
 * Higher-order function kernels. Lambdas run vectorised over every element of the batch at once
 * (the lambda sees a flat column of elements and, through `rows`, the outer row each belongs
 * to); only aggregate/reduce steps element position by position.
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../../src/common/errors.js';
import { INT, type DataType } from '../../../src/common/types/data-type.js';
import { isMapValue, type MapValue, type ScalarValue } from '../../../planner/expr/scalar-value.js';
import type { ColumnarValue, EvalContext } from '../../functions/kernel.js';
import type { HigherOrderKernel, LambdaArg } from '../../expr/function-lookup.js';
import { alignedValidity, getBit } from '../make-data-bitmap.js';
import { makeFixedData, makeListData } from '../make-data.js';
import { readValue } from '../make-data-read.js';
import { arrayFromValues } from '../make-data-values.js';
import { asData, getter, valueType } from './columnar.js';

function lambdaOf(a: ColumnarValue | LambdaArg | undefined, name: string): LambdaArg {
  if (!a || !('apply' in a)) throw new DeltaSqlError('INTERNAL', `${name}: missing lambda argument`);
  return a;
}

function valueOf(a: ColumnarValue | LambdaArg | undefined, name: string): ColumnarValue {
  if (!a || 'apply' in a) throw new DeltaSqlError('INTERNAL', `${name}: expected a value argument`);
  return a;
}

/** Flattened elements of a list column: child slice, owning row and position of each element. */
interface Flat {
  readonly list: arrow.Data;
  readonly child: arrow.Data;
  readonly rows: Int32Array;
  readonly positions: Int32Array;
  readonly offsets: Int32Array;
}

function flatten(v: ColumnarValue, n: number): Flat {
  const list = asData(v, n);
  const off = list.valueOffsets as Int32Array;
  const valid = alignedValidity(list);
  const start = off[0]!;
  const end = off[n]!;
  const rows = new Int32Array(end - start);
  const positions = new Int32Array(end - start);
  const offsets = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) {
    const live = !valid || getBit(valid, r);
    for (let k = off[r]!; k < off[r + 1]!; k++) {
      rows[k - start] = r;
      positions[k - start] = k - off[r]!;
    }
    offsets[r + 1] = live ? off[r + 1]! - start : offsets[r]! + (off[r + 1]! - off[r]!);
  }
  return { list, child: list.children[0]!.slice(start, end - start), rows, positions, offsets };
}

function values(v: ColumnarValue, m: number): (i: number) => ScalarValue {
  if (v.kind === 'scalar') return () => v.value;
  return getter(v.data);
}

function applyToElements(f: Flat, lambda: LambdaArg): ColumnarValue {
  const params = [f.child];
  if (lambda.arity === 2) params.push(makeFixedData(INT, f.positions, null, f.positions.length));
  return lambda.apply(params, f.rows);
}

const transform: HigherOrderKernel = (args, rt, ctx) => {
  const f = flatten(valueOf(args[0], 'transform'), ctx.rowCount);
  const out = applyToElements(f, lambdaOf(args[1], 'transform'));
  const child = out.kind === 'array' ? out.data : arrayFromValues(lambdaOf(args[1], 'transform').resultType, new Array<ScalarValue>(f.rows.length).fill(out.value));
  if (rt.kind !== 'array') throw new DeltaSqlError('INTERNAL', 'transform returns an array');
  return { kind: 'array', data: makeListData(rt, f.offsets, child, alignedValidity(f.list), ctx.rowCount) };
};

/** Per-row fold of a boolean lambda over the elements: filter, exists, forall. */
function predicateRows(args: readonly (ColumnarValue | LambdaArg)[], ctx: EvalContext, name: string): { f: Flat; pred: (i: number) => ScalarValue } {
  const f = flatten(valueOf(args[0], name), ctx.rowCount);
  const out = applyToElements(f, lambdaOf(args[1], name));
  return { f, pred: values(out, f.rows.length) };
}

const filter: HigherOrderKernel = (args, rt, ctx) => {
  const { f, pred } = predicateRows(args, ctx, 'filter');
  const valid = alignedValidity(f.list);
  const elem = getter(f.child);
  const out: ScalarValue[] = [];
  for (let r = 0; r < ctx.rowCount; r++) {
    if (valid && !getBit(valid, r)) {
      out.push(null);
      continue;
    }
    const kept: ScalarValue[] = [];
    for (let i = f.offsets[r]!; i < f.offsets[r + 1]!; i++) if (pred(i) === true) kept.push(elem(i));
    out.push(kept);
  }
  return { kind: 'array', data: arrayFromValues(rt, out) };
};

function quantifier(all: boolean): HigherOrderKernel {
  return (args, rt, ctx) => {
    const { f, pred } = predicateRows(args, ctx, all ? 'forall' : 'exists');
    const valid = alignedValidity(f.list);
    const out: ScalarValue[] = [];
    for (let r = 0; r < ctx.rowCount; r++) {
      if (valid && !getBit(valid, r)) {
        out.push(null);
        continue;
      }
      let sawNull = false;
      let decided = false;
      for (let i = f.offsets[r]!; i < f.offsets[r + 1]!; i++) {
        const p = pred(i);
        if (p === null) sawNull = true;
        else if (p === !all) {
          decided = true;
          break;
        }
      }
      out.push(decided ? !all : sawNull ? null : all);
    }
    return { kind: 'array', data: arrayFromValues(rt, out) };
  };
}

/** aggregate(arr, zero, (acc, x) -> ..., [acc -> ...]): steps element position by position over all rows at once. */
const aggregate: HigherOrderKernel = (args, rt, ctx) => {
  const n = ctx.rowCount;
  const arr = asData(valueOf(args[0], 'aggregate'), n);
  const zero = valueOf(args[1], 'aggregate');
  const merge = lambdaOf(args[2], 'aggregate');
  const finish = args[3] ? lambdaOf(args[3], 'aggregate') : undefined;
  const accType: DataType = merge.resultType;
  const off = arr.valueOffsets as Int32Array;
  const valid = alignedValidity(arr);
  const child = arr.children[0]!;
  const z = values(zero, n);
  const acc: ScalarValue[] = Array.from({ length: n }, (_, r) => z(r));
  let maxLen = 0;
  for (let r = 0; r < n; r++) maxLen = Math.max(maxLen, off[r + 1]! - off[r]!);
  for (let k = 0; k < maxLen; k++) {
    const rows: number[] = [];
    for (let r = 0; r < n; r++) if ((!valid || getBit(valid, r)) && off[r + 1]! - off[r]! > k) rows.push(r);
    if (rows.length === 0) break;
    const accCol = arrayFromValues(accType, rows.map((r) => acc[r]!));
    const elemCol = arrayFromValues(valueType({ kind: 'array', data: child }), rows.map((r) => readValue(child, off[r]! + k)));
    const res = values(merge.apply([accCol, elemCol], Int32Array.from(rows)), rows.length);
    rows.forEach((r, i) => (acc[r] = res(i)));
  }
  let out = acc.map((a, r) => (valid && !getBit(valid, r) ? null : a));
  if (finish) {
    const all = Int32Array.from({ length: n }, (_, r) => r);
    const res = values(finish.apply([arrayFromValues(accType, out)], all), n);
    out = out.map((a, r) => (valid && !getBit(valid, r) ? null : res(r)));
  }
  return { kind: 'array', data: arrayFromValues(rt, out) };
};

const zipWith: HigherOrderKernel = (args, rt, ctx) => {
  const n = ctx.rowCount;
  const a = getter(asData(valueOf(args[0], 'zip_with'), n));
  const b = getter(asData(valueOf(args[1], 'zip_with'), n));
  const lambda = lambdaOf(args[2], 'zip_with');
  if (rt.kind !== 'array') throw new DeltaSqlError('INTERNAL', 'zip_with returns an array');
  const xs: ScalarValue[] = [];
  const ys: ScalarValue[] = [];
  const rows: number[] = [];
  const offsets = new Int32Array(n + 1);
  const nulls: boolean[] = [];
  for (let r = 0; r < n; r++) {
    const x = a(r) as readonly ScalarValue[] | null;
    const y = b(r) as readonly ScalarValue[] | null;
    nulls.push(x === null || y === null);
    const len = x === null || y === null ? 0 : Math.max(x.length, y.length);
    for (let i = 0; i < len; i++) {
      xs.push(x![i] ?? null);
      ys.push(y![i] ?? null);
      rows.push(r);
    }
    offsets[r + 1] = xs.length;
  }
  const ta = valueType(valueOf(args[0], 'zip_with'));
  const tb = valueType(valueOf(args[1], 'zip_with'));
  const ea = ta.kind === 'array' ? ta.element : ta;
  const eb = tb.kind === 'array' ? tb.element : tb;
  const res = lambda.apply([arrayFromValues(ea, xs), arrayFromValues(eb, ys)], Int32Array.from(rows));
  const child = res.kind === 'array' ? res.data : arrayFromValues(rt.element, new Array<ScalarValue>(rows.length).fill(res.value));
  const validity = new Uint8Array(((n + 63) >> 6) << 3);
  nulls.forEach((isNull, r) => {
    if (!isNull) validity[r >> 3]! |= 1 << (r & 7);
  });
  return { kind: 'array', data: makeListData(rt, offsets, child, validity, n) };
};

/** map_filter / transform_keys / transform_values: the lambda sees (key, value) element columns. */
function mapLambda(mode: 'filter' | 'keys' | 'values'): HigherOrderKernel {
  return (args, rt, ctx) => {
    const n = ctx.rowCount;
    const m = asData(valueOf(args[0], 'map function'), n);
    const off = m.valueOffsets as Int32Array;
    const entries = m.children[0]!;
    const start = off[0]!;
    const len = off[n]! - start;
    const rows = new Int32Array(len);
    for (let r = 0; r < n; r++) for (let k = off[r]!; k < off[r + 1]!; k++) rows[k - start] = r;
    const keys = entries.children[0]!.slice(start, len);
    const vals = entries.children[1]!.slice(start, len);
    const res = values(lambdaOf(args[1], 'map function').apply([keys, vals], rows), len);
    const kGet = getter(keys);
    const vGet = getter(vals);
    const valid = alignedValidity(m);
    const out: ScalarValue[] = [];
    for (let r = 0; r < n; r++) {
      if (valid && !getBit(valid, r)) {
        out.push(null);
        continue;
      }
      const mk: ScalarValue[] = [];
      const mv: ScalarValue[] = [];
      for (let k = off[r]! - start; k < off[r + 1]! - start; k++) {
        if (mode === 'filter' && res(k) !== true) continue;
        const key = mode === 'keys' ? res(k) : kGet(k);
        if (key === null) throw new DeltaSqlError('INVALID_ARGUMENT', 'map keys must not be NULL');
        mk.push(key);
        mv.push(mode === 'values' ? res(k) : vGet(k));
      }
      const mapValue: MapValue = { keys: mk, values: mv };
      out.push(isMapValue(mapValue) ? mapValue : null);
    }
    return { kind: 'array', data: arrayFromValues(rt, out) };
  };
}

export const HIGHER_ORDER_KERNELS: Readonly<Record<string, HigherOrderKernel>> = {
  transform,
  filter,
  exists: quantifier(false),
  forall: quantifier(true),
  aggregate,
  reduce: aggregate,
  zip_with: zipWith,
  map_filter: mapLambda('filter'),
  transform_keys: mapLambda('keys'),
  transform_values: mapLambda('values'),
};
