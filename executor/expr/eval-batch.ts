/** The input an evaluator reads: the operator's input columns plus bound lambda variables. */
import type * as arrow from 'apache-arrow';
import type { ColumnarValue } from '../functions/kernel.js';
import { broadcast } from '../kernels/scalar-data.js';
import { take } from '../kernels/take.js';

export interface EvalBatch {
  readonly columns: readonly arrow.Data[];
  readonly numRows: number;
  /** Lambda variables by slot (higher-order function bodies). */
  readonly lambdaVars?: ReadonlyMap<number, arrow.Data>;
}

export type Evaluator = (batch: EvalBatch) => ColumnarValue;

export function batchOf(columns: readonly arrow.Data[], numRows: number): EvalBatch {
  return { columns, numRows };
}

/** The rows `sel` of `batch`, gathering only the columns and lambda slots in `refs`. */
export function subsetBatch(batch: EvalBatch, sel: Int32Array, refs: ReadonlySet<number>, slots: ReadonlySet<number>): EvalBatch {
  const columns = batch.columns.map((c, i) => (refs.has(i) ? take(c, sel) : c));
  let lambdaVars: Map<number, arrow.Data> | undefined;
  if (batch.lambdaVars) {
    lambdaVars = new Map();
    for (const [slot, d] of batch.lambdaVars) lambdaVars.set(slot, slots.has(slot) ? take(d, sel) : d);
  }
  return lambdaVars ? { columns, numRows: sel.length, lambdaVars } : { columns, numRows: sel.length };
}

/** A ColumnarValue as an array of `n` rows. */
export function toArray(v: ColumnarValue, n: number): arrow.Data {
  if (v.kind === 'array') return v.data;
  return broadcast(v.type, v.value, n);
}

