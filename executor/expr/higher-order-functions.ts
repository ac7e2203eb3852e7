/**
 * Higher-order array functions over LambdaArg (the evaluator's lambda hook): transform, filter,
 * exists, forall, aggregate, zip_with. Bodies run once per call over all elements of the batch,
 * flattened, with `rows` mapping each element to its outer row.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../src/common/errors.js';
import { toArrowType } from '../../src/common/types/arrow-type.js';
import type { DataType } from '../../src/common/types/data-type.js';
import type { ColumnarValue } from '../functions/kernel.js';
import { isValidAt, makeArrayData, validityBytes } from '../kernels/array-data.js';
import { concatData } from '../kernels/concat.js';
import { conformData } from '../kernels/conform.js';
import { boolStates } from '../kernels/filter.js';
import { take } from '../kernels/take.js';
import { toArray } from './eval-batch.js';
import { isLambdaArg, type HigherOrderKernel, type LambdaArg } from './function-lookup.js';

interface Lists {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly child: arrow.Data;
  readonly list: arrow.Data;
}

function listArg(v: ColumnarValue | LambdaArg | undefined, n: number, fn: string): Lists {
  if (!v || isLambdaArg(v)) throw new DeltaSqlError('TYPE_MISMATCH', `${fn} expects an array argument`);
  const list = toArray(v, n);
  if (list.typeId !== arrow.Type.List) throw new DeltaSqlError('TYPE_MISMATCH', `${fn} expects an array argument`);
  return { n, offsets: list.valueOffsets as Int32Array, child: list.children[0]!, list };
}

function lambdaArg(v: ColumnarValue | LambdaArg | undefined, fn: string): LambdaArg {
  if (!v || !isLambdaArg(v)) throw new DeltaSqlError('TYPE_MISMATCH', `${fn} expects a lambda function argument`);
  return v;
}

/** Element positions of every valid row, their outer rows and their index within the array. */
function flatten(l: Lists): { pos: Int32Array; rows: Int32Array; index: Int32Array } {
  let m = 0;
  for (let i = 0; i < l.n; i++) if (isValidAt(l.list, i)) m += l.offsets[i + 1]! - l.offsets[i]!;
  const pos = new Int32Array(m);
  const rows = new Int32Array(m);
  const index = new Int32Array(m);
  let k = 0;
  for (let i = 0; i < l.n; i++) {
    if (!isValidAt(l.list, i)) continue;
    for (let p = l.offsets[i]!, e = l.offsets[i + 1]!; p < e; p++, k++) {
      pos[k] = p;
      rows[k] = i;
      index[k] = p - l.offsets[i]!;
    }
  }
  return { pos, rows, index };
}

const INT32 = new arrow.Int32();

function apply(fn: LambdaArg, params: arrow.Data[], rows: Int32Array): arrow.Data {
  return toArray(fn.apply(params.slice(0, fn.arity), rows), rows.length);
}

/** A list column with `lens[i]` elements per valid row taken from `child` in order. */
function listOf(type: DataType, l: Lists, lens: Int32Array, child: arrow.Data): ColumnarValue {
  const offs = new Int32Array(l.n + 1);
  for (let i = 0; i < l.n; i++) offs[i + 1] = offs[i]! + lens[i]!;
  const validity = new Uint8Array(validityBytes(l.n));
  let nulls = 0;
  for (let i = 0; i < l.n; i++) {
    if (isValidAt(l.list, i)) validity[i >> 3]! |= 1 << (i & 7);
    else nulls++;
  }
  return { kind: 'array', data: makeArrayData(toArrowType(type), l.n, validity, nulls, undefined, offs, [child]) };
}

const transform: HigherOrderKernel = (args, type, ctx) => {
  const l = listArg(args[0], ctx.rowCount, 'transform');
  const f = lambdaArg(args[1], 'transform');
  const { pos, rows, index } = flatten(l);
  const out = apply(f, [take(l.child, pos), makeArrayData(INT32, index.length, null, 0, index)], rows);
  const lens = new Int32Array(l.n);
  for (let k = 0; k < rows.length; k++) lens[rows[k]!]!++;
  return listOf(type, l, lens, out);
};

const filter: HigherOrderKernel = (args, type, ctx) => {
  const l = listArg(args[0], ctx.rowCount, 'filter');
  const f = lambdaArg(args[1], 'filter');
  const { pos, rows, index } = flatten(l);
  const keep = boolStates(apply(f, [take(l.child, pos), makeArrayData(INT32, index.length, null, 0, index)], rows));
  const lens = new Int32Array(l.n);
  const kept = new Int32Array(pos.length);
  let m = 0;
  for (let k = 0; k < pos.length; k++) {
    if (keep[k] !== 1) continue;
    kept[m++] = pos[k]!;
    lens[rows[k]!]!++;
  }
  return listOf(type, l, lens, take(l.child, kept.subarray(0, m)));
};

function quantifier(name: string, any: boolean): HigherOrderKernel {
  return (args, _type, ctx) => {
    const l = listArg(args[0], ctx.rowCount, name);
    const f = lambdaArg(args[1], name);
    const { pos, rows } = flatten(l);
    const st = boolStates(apply(f, [take(l.child, pos)], rows));
    // per row: 0 decided by a match, 1 no match, 2 no match but a NULL seen
    const state = new Uint8Array(l.n).fill(1);
    const decisive = any ? 1 : 0;
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!;
      if (state[r] === 0) continue;
      if (st[k] === decisive) state[r] = 0;
      else if (st[k] === 2) state[r] = 2;
    }
    const bits = new Uint8Array(validityBytes(l.n));
    const valid = new Uint8Array(validityBytes(l.n));
    let nulls = 0;
    for (let i = 0; i < l.n; i++) {
      if (!isValidAt(l.list, i) || state[i] === 2) {
        nulls++;
        continue;
      }
      valid[i >> 3]! |= 1 << (i & 7);
      if ((state[i] === 0) === any) bits[i >> 3]! |= 1 << (i & 7);
    }
    return { kind: 'array', data: makeArrayData(new arrow.Bool(), l.n, valid, nulls, bits) };
  };
}

const aggregate: HigherOrderKernel = (args, _type, ctx) => {
  const n = ctx.rowCount;
  const l = listArg(args[0], n, 'aggregate');
  const zero = args[1];
  if (!zero || isLambdaArg(zero)) throw new DeltaSqlError('TYPE_MISMATCH', 'aggregate expects an initial value');
  const merge = lambdaArg(args[2], 'aggregate');
  const finish = args[3] ? lambdaArg(args[3], 'aggregate') : undefined;
  let acc = toArray(zero, n);
  let maxLen = 0;
  for (let i = 0; i < n; i++) if (isValidAt(l.list, i)) maxLen = Math.max(maxLen, l.offsets[i + 1]! - l.offsets[i]!);
  for (let k = 0; k < maxLen; k++) {
    const active: number[] = [];
    for (let i = 0; i < n; i++) if (isValidAt(l.list, i) && l.offsets[i + 1]! - l.offsets[i]! > k) active.push(i);
    const rows = Int32Array.from(active);
    const elems = Int32Array.from(active, (i) => l.offsets[i]! + k);
    const next = apply(merge, [take(acc, rows), take(l.child, elems)], rows);
    const idx = new Int32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    rows.forEach((r, j) => (idx[r] = n + j));
    acc = take(concatData([acc, conformData(next, acc.type)], acc.type), idx);
  }
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = isValidAt(l.list, i) ? i : -1;
  let out = take(acc, all);
  if (finish) out = apply(finish, [out], Int32Array.from({ length: n }, (_, i) => i));
  const nullRows = Int32Array.from({ length: n }, (_, i) => (isValidAt(l.list, i) ? i : -1));
  return { kind: 'array', data: take(out, nullRows) };
};

const zipWith: HigherOrderKernel = (args, type, ctx) => {
  const n = ctx.rowCount;
  const a = listArg(args[0], n, 'zip_with');
  const b = listArg(args[1], n, 'zip_with');
  const f = lambdaArg(args[2], 'zip_with');
  const lens = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (!isValidAt(a.list, i) || !isValidAt(b.list, i)) continue;
    lens[i] = Math.max(a.offsets[i + 1]! - a.offsets[i]!, b.offsets[i + 1]! - b.offsets[i]!);
    m += lens[i]!;
  }
  const ai = new Int32Array(m);
  const bi = new Int32Array(m);
  const rows = new Int32Array(m);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let e = 0; e < lens[i]!; e++, k++) {
      ai[k] = a.offsets[i]! + e < a.offsets[i + 1]! ? a.offsets[i]! + e : -1;
      bi[k] = b.offsets[i]! + e < b.offsets[i + 1]! ? b.offsets[i]! + e : -1;
      rows[k] = i;
    }
  }
  const out = apply(f, [take(a.child, ai), take(b.child, bi)], rows);
  const both: Lists = { ...a, list: bothValid(a.list, b.list, n) };
  return listOf(type, both, lens, out);
};

function bothValid(x: arrow.Data, y: arrow.Data, n: number): arrow.Data {
  const idx = Int32Array.from({ length: n }, (_, i) => (isValidAt(x, i) && isValidAt(y, i) ? i : -1));
  return take(x, idx);
}

export const HIGHER_ORDER_FUNCTIONS: Readonly<Record<string, HigherOrderKernel>> = {
  transform,
  filter,
  exists: quantifier('exists', true),
  forall: quantifier('forall', false),
  aggregate,
  reduce: aggregate,
  zip_with: zipWith,
};
