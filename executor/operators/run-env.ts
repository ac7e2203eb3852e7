/** What every operator gets: the compile environment plus a way to run child plans. */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../src/common/errors.js';
import { toArrowSchema } from '../../src/common/types/arrow-type.js';
import type { PhysicalPlan } from '../../planner/physical/physical-plan.js';
import type { CompileEnv } from '../expr/compile-env.js';
import { batchFromColumns } from '../kernels/concat.js';
import { conformData } from '../kernels/conform.js';

export type BatchStream = AsyncIterable<arrow.RecordBatch>;

export interface RunEnv extends CompileEnv {
  execute(plan: PhysicalPlan): BatchStream;
  /** Rows of the previous recursive-CTE iteration, by cteId. */
  readonly workTables: Map<number, readonly arrow.RecordBatch[]>;
  /** Throws CANCELLED when the context's signal has fired. */
  checkCancelled(): void;
}

/** Preferred maximum rows per output batch. */
export const BATCH_ROWS = 65536;

export function outputSchema(node: PhysicalPlan): arrow.Schema {
  return toArrowSchema(node.schema);
}

/** A batch of `schema` from columns, relabelled to the schema's exact types. */
export function makeBatch(schema: arrow.Schema, columns: readonly arrow.Data[], numRows: number): arrow.RecordBatch {
  if (columns.length !== schema.fields.length)
    throw new DeltaSqlError('INTERNAL', `internal error: ${columns.length} columns for a schema of ${schema.fields.length}`);
  const cols = columns.map((c, i) => {
    if (c.length !== numRows) throw new DeltaSqlError('INTERNAL', `internal error: column ${i} has ${c.length} rows, expected ${numRows}`);
    return conformData(c, schema.fields[i]!.type);
  });
  return batchFromColumns(schema, cols, numRows);
}

/** Split materialised columns into batches of at most BATCH_ROWS rows. */
export function* chunked(schema: arrow.Schema, columns: readonly arrow.Data[], numRows: number): Generator<arrow.RecordBatch> {
  if (numRows <= BATCH_ROWS) {
    if (numRows > 0) yield makeBatch(schema, columns, numRows);
    return;
  }
  for (let s = 0; s < numRows; s += BATCH_ROWS) {
    const len = Math.min(BATCH_ROWS, numRows - s);
    yield makeBatch(
      schema,
      columns.map((c) => c.slice(s, len)),
      len,
    );
  }
}

export function batchColumns(b: arrow.RecordBatch): arrow.Data[] {
  return b.data.children;
}

/** All batches of a stream. */
export async function drain(stream: BatchStream, env: RunEnv): Promise<arrow.RecordBatch[]> {
  const out: arrow.RecordBatch[] = [];
  for await (const b of stream) {
    env.checkCancelled();
    if (b.numRows > 0) out.push(b);
  }
  return out;
}
