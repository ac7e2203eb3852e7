/** Scan of Delta files through the session (deletion vectors and partition values are its job). */
import type { DeltaScanNode } from '../../planner/physical/physical-plan.js';
import { evalContext } from '../expr/compile-env.js';
import { normalizeColumn } from '../files/normalize-column.js';
import { makeBatch, outputSchema, type BatchStream, type RunEnv } from './run-env.js';

export async function* runDeltaScan(node: DeltaScanNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  if (node.files.length === 0) return;
  const types = node.schema.map((f) => f.type);
  const stream = env.ctx.scanDeltaFiles({ location: node.location, version: node.version, files: node.files, columns: node.columns });
  for await (const batch of stream) {
    env.checkCancelled();
    if (batch.numRows === 0) continue;
    const ctx = evalContext(env, batch.numRows);
    // files may decode to other layouts (dictionaries, other timestamp units, narrower ints)
    const cols = node.columns.map((_, k) => normalizeColumn(batch.data.children[k]!, types[k]!, env.functions, ctx));
    yield makeBatch(schema, cols, batch.numRows);
  }
}
