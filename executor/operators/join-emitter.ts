/**
 * Turns candidate (probe row, build row) pairs into join output for every join type, shared by the
 * hash join and the nested-loop join. The residual condition filters pairs first; outer, semi and
 * anti rows follow from which probe/build rows kept a pair. Output columns: left then right
 * (semi/anti: left only), whichever side is the build side.
 */
import type * as arrow from 'apache-arrow';
import type { JoinType } from '../../planner/physical/physical-plan.js';
import type { Evaluator } from '../expr/eval-batch.js';
import { selectTrue } from '../kernels/filter.js';
import { take } from '../kernels/take.js';
import { toArray } from '../expr/eval-batch.js';
import { BATCH_ROWS, makeBatch } from './run-env.js';

export interface JoinSide {
  readonly columns: readonly arrow.Data[];
  readonly numRows: number;
}

export class JoinEmitter {
  private readonly buildMatched: Uint8Array;

  constructor(
    private readonly joinType: JoinType,
    private readonly probeIsLeft: boolean,
    private readonly build: JoinSide,
    private readonly schema: arrow.Schema,
    private readonly residual: { eval: Evaluator; refs: ReadonlySet<number> } | undefined,
  ) {
    this.buildMatched = new Uint8Array(build.numRows);
  }

  /** Output rows for one probe chunk and its candidate pairs (pIdx[k], bIdx[k]). */
  probe(probe: JoinSide, pIdx: Int32Array, bIdx: Int32Array): arrow.RecordBatch[] {
    [pIdx, bIdx] = this.applyResidual(probe, pIdx, bIdx);
    const t = this.joinType;
    const out: arrow.RecordBatch[] = [];
    const buildOuter = this.probeIsLeft ? t === 'right' || t === 'full' : t === 'left' || t === 'full';
    const buildSemi = !this.probeIsLeft && (t === 'left_semi' || t === 'left_anti');
    if (buildOuter || buildSemi) for (let k = 0; k < bIdx.length; k++) this.buildMatched[bIdx[k]!] = 1;
    if (buildSemi) return out;
    if (t === 'left_semi' || t === 'left_anti') {
      const matched = new Uint8Array(probe.numRows);
      for (let k = 0; k < pIdx.length; k++) matched[pIdx[k]!] = 1;
      const keep = rowsWhere(matched, t === 'left_semi' ? 1 : 0);
      if (keep.length > 0) out.push(makeBatch(this.schema, probe.columns.map((c) => take(c, keep)), keep.length));
      return out;
    }
    if (pIdx.length > 0) out.push(...this.pairs(probe, pIdx, bIdx));
    const probeOuter = this.probeIsLeft ? t === 'left' || t === 'full' : t === 'right' || t === 'full';
    if (probeOuter) {
      const matched = new Uint8Array(probe.numRows);
      for (let k = 0; k < pIdx.length; k++) matched[pIdx[k]!] = 1;
      const lone = rowsWhere(matched, 0);
      if (lone.length > 0) out.push(...this.pairs(probe, lone, new Int32Array(lone.length).fill(-1)));
    }
    return out;
  }

  /** Build rows owed after every probe row was seen (outer build side, semi/anti with left as build). */
  finish(emptyProbe: JoinSide): arrow.RecordBatch[] {
    const t = this.joinType;
    if (!this.probeIsLeft && (t === 'left_semi' || t === 'left_anti')) {
      const keep = rowsWhere(this.buildMatched, t === 'left_semi' ? 1 : 0);
      return keep.length ? [makeBatch(this.schema, this.build.columns.map((c) => take(c, keep)), keep.length)] : [];
    }
    const buildOuter = this.probeIsLeft ? t === 'right' || t === 'full' : t === 'left' || t === 'full';
    if (!buildOuter) return [];
    const lone = rowsWhere(this.buildMatched, 0);
    if (lone.length === 0) return [];
    return this.pairs(emptyProbe, new Int32Array(lone.length).fill(-1), lone);
  }

  /** Output rows for pairs, in batches of at most BATCH_ROWS. */
  private pairs(probe: JoinSide, pIdx: Int32Array, bIdx: Int32Array): arrow.RecordBatch[] {
    const out: arrow.RecordBatch[] = [];
    for (let s = 0; s < pIdx.length; s += BATCH_ROWS) {
      const pi = pIdx.subarray(s, s + BATCH_ROWS);
      const bi = bIdx.subarray(s, s + BATCH_ROWS);
      const p = probe.columns.map((c) => take(c, pi));
      const b = this.build.columns.map((c) => take(c, bi));
      out.push(makeBatch(this.schema, this.probeIsLeft ? [...p, ...b] : [...b, ...p], pi.length));
    }
    return out;
  }

  private applyResidual(probe: JoinSide, pIdx: Int32Array, bIdx: Int32Array): [Int32Array, Int32Array] {
    if (!this.residual || pIdx.length === 0) return [pIdx, bIdx];
    const left = this.probeIsLeft ? probe : this.build;
    const right = this.probeIsLeft ? this.build : probe;
    const lIdx = this.probeIsLeft ? pIdx : bIdx;
    const rIdx = this.probeIsLeft ? bIdx : pIdx;
    const refs = this.residual.refs;
    const nl = left.columns.length;
    const cols = [
      ...left.columns.map((c, i) => (refs.has(i) ? take(c, lIdx) : c)),
      ...right.columns.map((c, i) => (refs.has(nl + i) ? take(c, rIdx) : c)),
    ];
    const v = this.residual.eval({ columns: cols, numRows: pIdx.length });
    const sel = selectTrue(toArray(v, pIdx.length));
    if (sel.length === pIdx.length) return [pIdx, bIdx];
    const p2 = new Int32Array(sel.length);
    const b2 = new Int32Array(sel.length);
    for (let k = 0; k < sel.length; k++) {
      p2[k] = pIdx[sel[k]!]!;
      b2[k] = bIdx[sel[k]!]!;
    }
    return [p2, b2];
  }
}

function rowsWhere(flags: Uint8Array, value: number): Int32Array {
  const out = new Int32Array(flags.length);
  let k = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i] === value) out[k++] = i;
  return out.subarray(0, k);
}
