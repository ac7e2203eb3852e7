/** Compute the node's expressions over each input batch. */
import type { ProjectNode } from '../../planner/physical/physical-plan.js';
import { compileExpr } from '../expr/compile-expr.js';
import { toArray, type Evaluator } from '../expr/eval-batch.js';
import { makeBatch, outputSchema, type BatchStream, type RunEnv } from './run-env.js';

export async function* runProject(node: ProjectNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  const evals: Evaluator[] = [];
  for (const e of node.exprs) evals.push(await compileExpr(e, env));
  for await (const batch of env.execute(node.input)) {
    env.checkCancelled();
    const input = { columns: batch.data.children, numRows: batch.numRows };
    yield makeBatch(
      schema,
      evals.map((ev) => toArray(ev(input), batch.numRows)),
      batch.numRows,
    );
  }
}
