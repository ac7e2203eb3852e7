/**
 * Caller-supplied checks for what src/delta cannot evaluate itself (it knows no SQL): CHECK
 * constraints, SQL invariants, generated columns. A table that has any of them cannot be written
 * without the hook, so nothing a feature requires is silently skipped.
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../common/errors.js';
import type { StructField } from '../../common/types/data-type.js';

export interface WriteHooks {
  /**
   * Called with every batch (table schema, after schema enforcement, before it is written).
   * Throw (e.g. CHECK_CONSTRAINT_VIOLATED) to fail the whole write; return a batch to replace it
   * (e.g. with generated columns computed).
   */
  readonly validateBatch?: ((batch: arrow.RecordBatch) => arrow.RecordBatch | void) | undefined;
}

function anyField(fields: readonly StructField[], key: string): boolean {
  return fields.some((f) => f.metadata[key] !== undefined || (f.type.kind === 'struct' && anyField(f.type.fields, key)));
}

/** What a table requires a validation hook for (empty: nothing). */
export function requiredWriteHooks(schema: readonly StructField[], configuration: Readonly<Record<string, string | null>>): string[] {
  const needs: string[] = [];
  if (Object.keys(configuration).some((k) => k.startsWith('delta.constraints.'))) needs.push('CHECK constraints');
  if (anyField(schema, 'delta.invariants')) needs.push('column invariants');
  if (anyField(schema, 'delta.generationExpression')) needs.push('generated columns');
  return needs;
}

export function checkHooks(schema: readonly StructField[], configuration: Readonly<Record<string, string | null>>, hooks: WriteHooks | undefined): void {
  if (hooks?.validateBatch !== undefined) return;
  const needs = requiredWriteHooks(schema, configuration);
  if (needs.length > 0) {
    throw new DeltaSqlError('UNSUPPORTED', `writing to a table with ${needs.join(' and ')} needs a validation hook from the SQL layer; none was given`);
  }
}
