/** LIMIT n OFFSET m: skip m rows, pass n, then stop pulling the input. */
import type { LimitNode } from '../../planner/physical/physical-plan.js';
import { makeBatch, outputSchema, type BatchStream, type RunEnv } from './run-env.js';

export async function* runLimit(node: LimitNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  let skip = node.offset;
  let left = node.limit ?? Infinity;
  if (left <= 0) return;
  for await (const batch of env.execute(node.input)) {
    env.checkCancelled();
    let start = 0;
    if (skip > 0) {
      start = Math.min(skip, batch.numRows);
      skip -= start;
    }
    const len = Math.min(batch.numRows - start, left);
    if (len <= 0) continue;
    left -= len;
    const cols = batch.data.children.map((c) => (start === 0 && len === batch.numRows ? c : c.slice(start, len)));
    yield makeBatch(schema, cols, len);
    if (left <= 0) return;
  }
}
