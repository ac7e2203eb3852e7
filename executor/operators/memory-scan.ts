/** Scan of an Arrow table registered in the session, projected to the node's column positions. */
import { DeltaSqlError } from '../../src/common/errors.js';
import type { MemoryScanNode } from '../../planner/physical/physical-plan.js';
import { makeBatch, outputSchema, type BatchStream, type RunEnv } from './run-env.js';

export async function* runMemoryScan(node: MemoryScanNode, env: RunEnv): BatchStream {
  const table = env.ctx.memoryTables.get(node.table);
  if (!table) throw new DeltaSqlError('TABLE_NOT_FOUND', `table ${node.table} is not registered`);
  const schema = outputSchema(node);
  for (const batch of table.batches) {
    env.checkCancelled();
    if (batch.numRows === 0) continue;
    const cols = node.columns.map((c) => {
      const d = batch.data.children[c];
      if (!d) throw new DeltaSqlError('INTERNAL', `registered table ${node.table} has no column ${c}`);
      return d;
    });
    yield makeBatch(schema, cols, batch.numRows);
  }
}
