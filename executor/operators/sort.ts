/** ORDER BY: materialise the input, sort row positions by the keys (stable), gather. */
import type * as arrow from 'apache-arrow';
import type { SortKey, SortNode } from '../../planner/physical/physical-plan.js';
import { compileExpr } from '../expr/compile-expr.js';
import { toArray, type Evaluator } from '../expr/eval-batch.js';
import { concatBatches } from '../kernels/concat.js';
import { sortIndices } from '../kernels/sort-indices.js';
import { take } from '../kernels/take.js';
import { chunked, drain, outputSchema, type BatchStream, type RunEnv } from './run-env.js';

export interface CompiledSortKeys {
  readonly evals: readonly Evaluator[];
  readonly keys: readonly SortKey[];
}

export async function compileSortKeys(keys: readonly SortKey[], env: RunEnv): Promise<CompiledSortKeys> {
  const evals: Evaluator[] = [];
  for (const k of keys) evals.push(await compileExpr(k.expr, env));
  return { evals, keys };
}

/** Sorted order of `batch`'s rows. */
export function sortedOrder(sk: CompiledSortKeys, batch: arrow.RecordBatch): Int32Array {
  const input = { columns: batch.data.children, numRows: batch.numRows };
  const keyData = sk.evals.map((ev) => toArray(ev(input), batch.numRows));
  return sortIndices(keyData, sk.keys, batch.numRows);
}

export async function* runSort(node: SortNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  const sk = await compileSortKeys(node.keys, env);
  const batches = await drain(env.execute(node.input), env);
  if (batches.length === 0) return;
  const all = concatBatches(batches[0]!.schema, batches);
  const order = sortedOrder(sk, all);
  env.checkCancelled();
  yield* chunked(
    schema,
    all.data.children.map((c) => take(c, order)),
    all.numRows,
  );
}
