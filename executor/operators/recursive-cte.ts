/**
 * WITH RECURSIVE: the anchor's rows, then the recursive part re-run over the previous iteration's
 * rows (its work_table scan) until an iteration yields nothing; `distinct` drops rows seen before.
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../src/common/errors.js';
import type { RecursiveCteNode, WorkTableScanNode } from '../../planner/physical/physical-plan.js';
import { GroupTable } from '../kernels/group-table.js';
import { take } from '../kernels/take.js';
import { makeBatch, outputSchema, type BatchStream, type RunEnv } from './run-env.js';

export async function* runRecursiveCte(node: RecursiveCteNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  const seen = node.distinct ? new GroupTable(schema.fields.map((f) => f.type)) : undefined;
  const fresh = (b: arrow.RecordBatch): arrow.RecordBatch | undefined => {
    const cols = b.data.children;
    if (!seen) return makeBatch(schema, cols, b.numRows);
    const before = seen.numGroups;
    const ids = seen.assign(cols, b.numRows);
    const keep = new Int32Array(b.numRows);
    let k = 0;
    const taken = new Uint8Array(seen.numGroups - before);
    for (let i = 0; i < ids.length; i++) {
      const g = ids[i]!;
      if (g >= before && !taken[g - before]) {
        taken[g - before] = 1;
        keep[k++] = i;
      }
    }
    if (k === 0) return undefined;
    const sel = keep.subarray(0, k);
    return makeBatch(schema, k === b.numRows ? cols : cols.map((c) => take(c, sel)), k);
  };
  let current: arrow.RecordBatch[] = [];
  for await (const b of env.execute(node.anchor)) {
    env.checkCancelled();
    const f = b.numRows ? fresh(b) : undefined;
    if (f) {
      current.push(f);
      yield f;
    }
  }
  let iteration = 0;
  while (current.length > 0) {
    if (++iteration > node.maxIterations)
      throw new DeltaSqlError('INVALID_ARGUMENT', `Recursion level limit ${node.maxIterations} reached but query has not exhausted`);
    env.workTables.set(node.cteId, current);
    const next: arrow.RecordBatch[] = [];
    for await (const b of env.execute(node.recursive)) {
      env.checkCancelled();
      const f = b.numRows ? fresh(b) : undefined;
      if (f) {
        next.push(f);
        yield f;
      }
    }
    current = next;
  }
  env.workTables.delete(node.cteId);
}

export async function* runWorkTable(node: WorkTableScanNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  const rows = env.workTables.get(node.cteId);
  if (!rows) throw new DeltaSqlError('INTERNAL', `work table ${node.cteId} read outside its recursive CTE`);
  for (const b of rows) yield makeBatch(schema, b.data.children, b.numRows);
}
