/**
 * The operation record of a commit (commitInfo), with Spark's operation names so DESCRIBE
 * HISTORY reads the same as Spark's. Parameter values are JSON-encoded strings, as Spark writes.
 */

export type OperationName =
  | 'WRITE'
  | 'CREATE TABLE'
  | 'CREATE TABLE AS SELECT'
  | 'REPLACE TABLE'
  | 'REPLACE TABLE AS SELECT'
  | 'CREATE OR REPLACE TABLE'
  | 'CREATE OR REPLACE TABLE AS SELECT'
  | 'STREAMING UPDATE'
  | 'DELETE'
  | 'UPDATE'
  | 'MERGE'
  | 'OPTIMIZE'
  | 'RESTORE'
  | 'SET TBLPROPERTIES'
  | 'UNSET TBLPROPERTIES'
  | 'ADD COLUMNS'
  | 'CHANGE COLUMN'
  | 'ADD CONSTRAINT'
  | 'DROP CONSTRAINT'
  | 'TRUNCATE'
  | 'VACUUM START'
  | 'VACUUM END';

export interface Operation {
  readonly name: OperationName | string;
  /** Values that are not strings are JSON-encoded (Spark writes e.g. partitionBy as `["a"]`). */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Counts such as numFiles, numOutputRows, numOutputBytes (written as strings). */
  readonly metrics?: Readonly<Record<string, number | bigint | string>> | undefined;
  readonly userMetadata?: string | undefined;
}

/** Strings stay, null stays null (Spark writes e.g. `"description":null`), the rest is JSON text. */
export function encodeParameters(parameters: Readonly<Record<string, unknown>>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(parameters)) {
    if (v === undefined) continue;
    if (v === null) {
      out[k] = null;
      continue;
    }
    out[k] = typeof v === 'string' ? v : JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
  }
  return out;
}

export function encodeMetrics(metrics: Readonly<Record<string, number | bigint | string>> | undefined): Record<string, string> | undefined {
  if (metrics === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(metrics)) out[k] = String(v);
  return out;
}

/** Spark's WRITE operation: `mode` is Append / Overwrite / ErrorIfExists. */
export function writeOperation(mode: 'Append' | 'Overwrite' | 'ErrorIfExists', partitionBy: readonly string[], extra: Readonly<Record<string, unknown>> = {}): Operation {
  return { name: 'WRITE', parameters: { mode, partitionBy: [...partitionBy], ...extra } };
}
