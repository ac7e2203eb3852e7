/** VALUES rows (and the single empty row of `SELECT 1`). */
import type { ValuesNode } from '../../planner/physical/physical-plan.js';
import { dataFromScalars } from '../kernels/scalar-data.js';
import { chunked, outputSchema, type BatchStream } from './run-env.js';

export async function* runValues(node: ValuesNode): BatchStream {
  const schema = outputSchema(node);
  const n = node.rows.length;
  const columns = node.schema.map((f, c) => dataFromScalars(f.type, node.rows.map((r) => r[c] ?? null)));
  yield* chunked(schema, columns, n);
}
