/**
 * ORDER BY … LIMIT n OFFSET m without sorting everything: keep the best n+m rows seen so far,
 * compacting when the buffer doubles. Ties keep arrival order, so it equals a stable sort + limit.
 */
import type * as arrow from 'apache-arrow';
import type { TopNNode } from '../../planner/physical/physical-plan.js';
import { concatBatches } from '../kernels/concat.js';
import { take } from '../kernels/take.js';
import { chunked, makeBatch, outputSchema, type BatchStream, type RunEnv } from './run-env.js';
import { compileSortKeys, sortedOrder, type CompiledSortKeys } from './sort.js';

export async function* runTopN(node: TopNNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  const keep = node.limit + node.offset;
  if (node.limit <= 0) return;
  const sk = await compileSortKeys(node.keys, env);
  let buffer: arrow.RecordBatch[] = [];
  let buffered = 0;
  for await (const batch of env.execute(node.input)) {
    env.checkCancelled();
    if (batch.numRows === 0) continue;
    buffer.push(batch);
    buffered += batch.numRows;
    if (buffered >= Math.max(2 * keep, 65536)) {
      const best = bestRows(buffer, sk, keep);
      buffer = [best];
      buffered = best.numRows;
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
