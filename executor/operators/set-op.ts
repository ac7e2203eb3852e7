/**
 * INTERSECT / EXCEPT [ALL]: rows are grouped over all columns (NULL equals NULL) with per-side
 * counts; DISTINCT keeps one copy, ALL keeps min(l, r) (intersect) or l - r (except) copies.
 */
import type { SetOpNode } from '../../planner/physical/physical-plan.js';
import { GroupTable } from '../kernels/group-table.js';
import { take } from '../kernels/take.js';
import { chunked, outputSchema, type BatchStream, type RunEnv } from './run-env.js';

export async function* runSetOp(node: SetOpNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  const table = new GroupTable(schema.fields.map((f) => f.type));
  let left = new Float64Array(1024);
  let right = new Float64Array(1024);
  const ensure = (): void => {
    if (table.numGroups > left.length) {
      const cap = Math.max(table.numGroups, left.length * 2);
      const l = new Float64Array(cap);
      l.set(left);
      left = l;
      const r = new Float64Array(cap);
      r.set(right);
      right = r;
    }
  };
  for (const [plan, isLeft] of [
    [node.left, true],
    [node.right, false],
  ] as const) {
    for await (const batch of env.execute(plan)) {
      env.checkCancelled();
      const ids = table.assign(batch.data.children, batch.numRows);
      ensure();
      const counts = isLeft ? left : right;
      for (let i = 0; i < ids.length; i++) counts[ids[i]!]!++;
    }
  }
  const g = table.numGroups;
  let total = 0;
  const copies = new Float64Array(g);
  for (let k = 0; k < g; k++) {
    const l = left[k]!;
    const r = right[k]!;
    let c: number;
    if (node.op === 'intersect') c = node.all ? Math.min(l, r) : l > 0 && r > 0 ? 1 : 0;
    else c = node.all ? Math.max(l - r, 0) : l > 0 && r === 0 ? 1 : 0;
    copies[k] = c;
    total += c;
  }
  if (total === 0) return;
  const idx = new Int32Array(total);
  let p = 0;
  for (let k = 0; k < g; k++) for (let c = 0; c < copies[k]!; c++) idx[p++] = k;
  const keys = table.keyColumns();
  yield* chunked(
    schema,
    keys.map((d) => take(d, idx)),
    total,
  );
}
