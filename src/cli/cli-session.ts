/**
 * What the CLI and REPL need from a session. The real Session is adapted to it in
 * session-adapter.ts; keeping the REPL on this narrow interface keeps it testable.
 */
import type * as arrow from 'apache-arrow';

export interface StatementOutcome {
  /** The result rows; statements without a result return a table with no columns. */
  readonly table: arrow.Table;
}

export interface CliSession {
  /** Runs one statement; rejects with a DeltaSqlError (CANCELLED when `signal` fires). */
  run(sql: string, signal: AbortSignal): Promise<StatementOutcome>;
  /** Table and view names, for .tables and completion. */
  tableNames(): Promise<string[]>;
  /** Column names of a table, for completion (empty when unknown). */
  columnNames(table: string): Promise<string[]>;
  /** Words to complete besides tables and columns: keywords and function names. */
  vocabulary(): readonly string[];
  /** Session time zone, for showing timestamps. */
  timeZone(): string;
  close(): Promise<void>;
}
