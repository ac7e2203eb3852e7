/** Results of running golden files: per-record failures and counts. */

/**
 * What went wrong (FORMAT.md §6 scoring): `file` the file could not be read or paired,
 * `error` the engine raised where it should not (or raised a bug where a user error was
 * expected), `result` the engine answered but wrongly (rows, schema, count, error kind).
 */
export type FailureKind = 'file' | 'error' | 'result';

export interface GoldenFailure {
  readonly kind: FailureKind;
  readonly file: string;
  /** 1-based line of the record (the `-- !query` line for Spark golden files). */
  readonly line: number;
  readonly sql: string;
  readonly expected: string;
  readonly actual: string;
  readonly message: string;
}

/** A record in the skip list that passed: the entry can be deleted. */
export interface StaleSkip {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export interface FileReport {
  readonly file: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Records whose expected output `--complete` rewrote. */
  rewritten: number;
  /** Failing records that the skip list names (counted in `skipped`). */
  knownFailures: number;
  readonly failures: GoldenFailure[];
  readonly staleSkips: StaleSkip[];
}

export function emptyReport(file: string): FileReport {
  return { file, passed: 0, failed: 0, skipped: 0, rewritten: 0, knownFailures: 0, failures: [], staleSkips: [] };
}

/** Whether a record is a listed known failure: the entry's reason, and whether it lists the whole file. */
export type KnownFailure = (file: string, line: number) => { readonly reason: string; readonly wholeFile: boolean } | undefined;
