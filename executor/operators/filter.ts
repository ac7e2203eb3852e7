/** Keep the rows whose predicate is TRUE. */
import type { FilterNode } from '../../planner/physical/physical-plan.js';
import { compileExpr } from '../expr/compile-expr.js';
import { selectTrue } from '../kernels/filter.js';
import { take } from '../kernels/take.js';
import { makeBatch, outputSchema, type BatchStream, type RunEnv } from './run-env.js';

export async function* runFilter(node: FilterNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  const predicate = await compileExpr(node.predicate, env);
  for await (const batch of env.execute(node.input)) {
    env.checkCancelled();
    const cols = batch.data.children;
    const v = predicate({ columns: cols, numRows: batch.numRows });
    if (v.kind === 'scalar') {
      if (v.value === true) yield makeBatch(schema, cols, batch.numRows);
      continue;
    }
    const sel = selectTrue(v.data);
    if (sel.length === 0) continue;
    if (sel.length === batch.numRows) yield makeBatch(schema, cols, batch.numRows);
    else yield makeBatch(schema, cols.map((c) => take(c, sel)), sel.length);
  }
}
