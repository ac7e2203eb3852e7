/**
 * ORDER BY … LIMIT n OFFSET m without sorting everything: keep the best n+m rows seen so far.
 * Once that many are kept, the worst kept row is a threshold and each new batch passes on only
 * the rows strictly better than it. Ties keep arrival order, so the result equals a stable
 * sort followed by the limit.
 */
import type * as arrow from 'apache-arrow';
import type { TopNNode } from '../../planner/physical/physical-plan.js';
import { toArray } from '../expr/eval-batch.js';
import { concatBatches } from '../kernels/concat.js';
import { makeKeyComparator } from '../kernels/row-compare.js';
import { take } from '../kernels/take.js';
import { chunked, makeBatch, outputSchema, type BatchStream, type RunEnv } from './run-env.js';
import { compileSortKeys, sortedOrder, type CompiledSortKeys } from './sort.js';

function keyData(sk: CompiledSortKeys, b: arrow.RecordBatch): arrow.Data[] {
  const input = { columns: b.data.children, numRows: b.numRows };
  return sk.evals.map((ev) => toArray(ev(input), b.numRows));
}

/** Rows of `b` strictly better than row `t` of the threshold keys. */
function betterThan(sk: CompiledSortKeys, b: arrow.RecordBatch, thresholdKeys: arrow.Data[], t: number): arrow.RecordBatch | undefined {
  const keys = keyData(sk, b);
  const cmps = keys.map((k, i) => makeKeyComparator(k, thresholdKeys[i]!, sk.keys[i]!.ascending, sk.keys[i]!.nullsFirst));
  const keep = new Int32Array(b.numRows);
  let n = 0;
  for (let r = 0; r < b.numRows; r++) {
    let c = 0;
    for (let k = 0; k < cmps.length && c === 0; k++) c = cmps[k]!(r, t);
    if (c < 0) keep[n++] = r;
  }
  if (n === 0) return undefined;
  if (n === b.numRows) return b;
  const sel = keep.subarray(0, n);
  return makeBatch(b.schema, b.data.children.map((c) => take(c, sel)), n);
}

export async function* runTopN(node: TopNNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  const keep = node.limit + node.offset;
  if (node.limit <= 0) return;
  const sk = await compileSortKeys(node.keys, env);
  let buffer: arrow.RecordBatch[] = [];
  let buffered = 0;
  let threshold: arrow.Data[] | undefined;
  for await (const input of env.execute(node.input)) {
    env.checkCancelled();
    if (input.numRows === 0) continue;
    const batch = threshold ? betterThan(sk, input, threshold, keep - 1) : input;
    if (!batch) continue;
    buffer.push(batch);
    buffered += batch.numRows;
    if (buffered >= Math.max(2 * keep, 4096)) {
      const best = bestRows(buffer, sk, keep);
      buffer = [best];
      buffered = best.numRows;
      if (best.numRows === keep) threshold = keyData(sk, best);
    }
  }
  if (buffer.length === 0) return;
  const best = bestRows(buffer, sk, keep);
  const start = Math.min(node.offset, best.numRows);
  const len = best.numRows - start;
  if (len <= 0) return;
  yield* chunked(
    schema,
    best.data.children.map((c) => c.slice(start, len)),
    len,
  );
}

function bestRows(batches: arrow.RecordBatch[], sk: CompiledSortKeys, keep: number): arrow.RecordBatch {
  const all = concatBatches(batches[0]!.schema, batches);
  const order = sortedOrder(sk, all);
  const top = order.subarray(0, Math.min(keep, order.length));
  return makeBatch(all.schema, all.data.children.map((c) => take(c, top)), top.length);
}
