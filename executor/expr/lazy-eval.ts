/**
 * Lazily evaluated forms: AND / OR / CASE / COALESCE evaluate a later operand only on the rows
 * that still need it (gathered), then scatter the pieces back, so guarded errors never fire.
 */
import type * as arrow from 'apache-arrow';
import { toArrowType } from '../../src/common/types/arrow-type.js';
import type { DataType } from '../../src/common/types/data-type.js';
import type { ColumnarValue } from '../functions/kernel.js';
import { makeArrayData, makeNullData, validityBytes } from '../kernels/array-data.js';
import { concatData } from '../kernels/concat.js';
import { conformData } from '../kernels/conform.js';
import { boolStates, identitySelection } from '../kernels/filter.js';
import { take } from '../kernels/take.js';
import { subsetBatch, toArray, type EvalBatch, type Evaluator } from './eval-batch.js';
import type { ExprRefs } from './expr-refs.js';

export interface LazyOperand {
  readonly eval: Evaluator;
  readonly refs: ExprRefs;
}

/** Evaluate `op` on the rows `sel` of `batch` (the whole batch when sel covers it). */
function evalOn(op: LazyOperand, batch: EvalBatch, sel: Int32Array): ColumnarValue {
  if (sel.length === batch.numRows) return op.eval(batch);
  return op.eval(subsetBatch(batch, sel, op.refs.columns, op.refs.slots));
}

/** 1 TRUE, 0 FALSE, 2 NULL per row of a boolean value. */
function states(v: ColumnarValue, n: number): Uint8Array {
  if (v.kind === 'array') return boolStates(v.data);
  return new Uint8Array(n).fill(v.value === null ? 2 : v.value === true ? 1 : 0);
}

export function evalLogical(kind: 'and' | 'or', ops: readonly LazyOperand[], batch: EvalBatch): ColumnarValue {
  const n = batch.numRows;
  const decided = kind === 'and' ? 0 : 1;
  const st = states(ops[0]!.eval(batch), n);
  let active = pick(st, (s) => s !== decided);
  for (let k = 1; k < ops.length && active.length > 0; k++) {
    const sub = states(evalOn(ops[k]!, batch, active), active.length);
    for (let a = 0; a < active.length; a++) {
      const r = active[a]!;
      const s = sub[a]!;
      if (s === decided) st[r] = decided;
      else if (s === 2) st[r] = 2;
    }
    active = pick(st, (s) => s !== decided);
  }
  return { kind: 'array', data: boolsFromStates(st) };
}

function pick(st: Uint8Array, keep: (s: number) => boolean): Int32Array {
  const out = new Int32Array(st.length);
  let k = 0;
  for (let i = 0; i < st.length; i++) if (keep(st[i]!)) out[k++] = i;
  return out.subarray(0, k);
}

function boolsFromStates(st: Uint8Array): arrow.Data {
  const n = st.length;
  const bits = new Uint8Array(validityBytes(n));
  const valid = new Uint8Array(validityBytes(n));
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const s = st[i]!;
    if (s === 2) nulls++;
    else {
      valid[i >> 3]! |= 1 << (i & 7);
      if (s === 1) bits[i >> 3]! |= 1 << (i & 7);
    }
  }
  return makeArrayData(toArrowType({ kind: 'boolean' }), n, valid, nulls, bits);
}

/** Rows `sel[k]` take value k of `piece`; assembles the pieces into one column of `n` rows (others NULL). */
function scatter(type: DataType, n: number, pieces: { sel: Int32Array; data: arrow.Data }[]): ColumnarValue {
  const at = toArrowType(type);
  if (pieces.length === 1 && pieces[0]!.sel.length === n) return { kind: 'array', data: pieces[0]!.data };
  if (pieces.length === 0) return { kind: 'array', data: makeNullData(at, n) };
  const idx = new Int32Array(n).fill(-1);
  let base = 0;
  for (const p of pieces) {
    for (let k = 0; k < p.sel.length; k++) idx[p.sel[k]!] = base + k;
    base += p.sel.length;
  }
  const all = concatData(
    pieces.map((p) => conformData(p.data, at)),
    at,
  );
  return { kind: 'array', data: take(all, idx) };
}

export function evalCase(
  type: DataType,
  branches: readonly { when: LazyOperand; then: LazyOperand }[],
  otherwise: LazyOperand | undefined,
  batch: EvalBatch,
): ColumnarValue {
  const n = batch.numRows;
  let remaining = identitySelection(n);
  const pieces: { sel: Int32Array; data: arrow.Data }[] = [];
  for (const b of branches) {
    if (remaining.length === 0) break;
    const st = states(evalOn(b.when, batch, remaining), remaining.length);
    const hit = new Int32Array(remaining.length);
    const miss = new Int32Array(remaining.length);
    let h = 0;
    let m = 0;
    for (let k = 0; k < remaining.length; k++) {
      if (st[k] === 1) hit[h++] = remaining[k]!;
      else miss[m++] = remaining[k]!;
    }
    if (h > 0) {
      const sel = hit.subarray(0, h);
      pieces.push({ sel, data: toArray(evalOn(b.then, batch, sel), h) });
    }
    remaining = miss.subarray(0, m);
  }
  if (otherwise && remaining.length > 0) pieces.push({ sel: remaining, data: toArray(evalOn(otherwise, batch, remaining), remaining.length) });
  return scatter(type, n, pieces);
}

export function evalCoalesce(type: DataType, ops: readonly LazyOperand[], batch: EvalBatch): ColumnarValue {
  const n = batch.numRows;
  let remaining = identitySelection(n);
  const pieces: { sel: Int32Array; data: arrow.Data }[] = [];
  for (let k = 0; k < ops.length && remaining.length > 0; k++) {
    const v = evalOn(ops[k]!, batch, remaining);
    if (v.kind === 'scalar') {
      if (v.value === null) continue;
      pieces.push({ sel: remaining, data: toArray(v, remaining.length) });
      remaining = new Int32Array(0);
      break;
    }
    const d = v.data;
    if (d.nullCount === 0) {
      pieces.push({ sel: remaining, data: d });
      remaining = new Int32Array(0);
      break;
    }
    const hitRows = new Int32Array(remaining.length);
    const hitPos = new Int32Array(remaining.length);
    const miss = new Int32Array(remaining.length);
    let h = 0;
    let m = 0;
    const bm = d.nullBitmap!;
    for (let r = 0; r < remaining.length; r++) {
      const j = d.offset + r;
      if ((bm[j >> 3]! >> (j & 7)) & 1) {
        hitRows[h] = remaining[r]!;
        hitPos[h++] = r;
      } else miss[m++] = remaining[r]!;
    }
    if (h > 0) pieces.push({ sel: hitRows.subarray(0, h), data: take(d, hitPos.subarray(0, h)) });
    remaining = miss.subarray(0, m);
  }
  return scatter(type, n, pieces);
}
