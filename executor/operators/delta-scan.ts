/** Scan of Delta files through the session (deletion vectors and partition values are its job). */
import type { DeltaScanNode } from '../../planner/physical/physical-plan.js';
import { makeBatch, outputSchema, type BatchStream, type RunEnv } from './run-env.js';

export async function* runDeltaScan(node: DeltaScanNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  if (node.files.length === 0) return;
  const stream = env.ctx.scanDeltaFiles({ location: node.location, version: node.version, files: node.files, columns: node.columns });
  for await (const batch of stream) {
    env.checkCancelled();
    if (batch.numRows === 0) continue;
    yield makeBatch(schema, batch.data.children.slice(0, node.columns.length), batch.numRows);
  }
}
