/** UNION ALL: each input in turn, relabelled to the union's schema. */
import type { UnionNode } from '../../planner/physical/physical-plan.js';
import { makeBatch, outputSchema, type BatchStream, type RunEnv } from './run-env.js';

export async function* runUnion(node: UnionNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  for (const input of node.inputs) {
    for await (const batch of env.execute(input)) {
      env.checkCancelled();
      if (batch.numRows > 0) yield makeBatch(schema, batch.data.children, batch.numRows);
    }
  }
}
