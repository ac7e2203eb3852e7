/** The records of a sqllogictest file (FORMAT.md §2, §7), as the parser produces them. */

export type SortMode = 'nosort' | 'rowsort' | 'valuesort';

/** A `skipif X` / `onlyif X` prefix line. */
export interface SltCondition {
  readonly kind: 'skipif' | 'onlyif';
  readonly engine: string;
}

/** What a statement or query expects when it should fail. */
export interface ExpectedError {
  /** Regex (DataFusion `statement error <regex>`) from the header line, if any. */
  readonly pattern?: string;
  /** Message lines after `----` (DuckDB substring / DataFusion multi-line message), if any. */
  readonly message?: string;
}

interface RecordBase {
  /** 1-based line of the record's first line (its first conditional, if any). */
  readonly line: number;
  /** 1-based line of the header (`query ...`, `statement ...`). */
  readonly headerLine: number;
  /** 0-based index of the record's last line in the file (for --complete). */
  readonly lastLineIndex: number;
  readonly conditions: readonly SltCondition[];
}

export interface StatementRecord extends RecordBase {
  readonly kind: 'statement';
  readonly sql: string;
  readonly expect:
    | { readonly kind: 'ok' }
    | { readonly kind: 'maybe' }
    | { readonly kind: 'count'; readonly count: number }
    | ({ readonly kind: 'error' } & ExpectedError);
}

export interface QueryRecord extends RecordBase {
  readonly kind: 'query';
  readonly sql: string;
  /** Type letters, one per result column (`I`, `R`, `T`, `B`, `D`, `P`, `?`). */
  readonly types: string;
  readonly sort: SortMode;
  readonly label?: string;
  /** Expected result lines after `----`; empty when `----` is missing or nothing follows. */
  readonly expected: readonly string[];
  /** 0-based index of the `----` line, or -1 when the record has none (for --complete). */
  readonly separatorIndex: number;
  /** Set for `query error ...`: the query must fail. */
  readonly error?: ExpectedError;
}

export interface HashThresholdRecord extends RecordBase {
  readonly kind: 'hash-threshold';
  readonly threshold: number;
}

export interface HaltRecord extends RecordBase {
  readonly kind: 'halt';
}

export interface IncludeRecord extends RecordBase {
  readonly kind: 'include';
  readonly pattern: string;
}

export interface ModeRecord extends RecordBase {
  readonly kind: 'mode';
  readonly mode: 'skip' | 'unskip';
}

/**
 * A command that makes the rest of the file unrunnable for us (`require <ext>`, DuckDB's
 * `load`, `restart`, loops, named connections): the remaining records are reported skipped.
 */
export interface SkipFileRecord extends RecordBase {
  readonly kind: 'skip-file';
  readonly reason: string;
}

/** A control line with no effect for us (`control`, `tags`, `sleep`, ...). */
export interface ControlRecord extends RecordBase {
  readonly kind: 'control';
  readonly text: string;
}

/** A record we cannot read (unknown command, bad argument): the reference runner stops the file there. */
export interface InvalidRecord extends RecordBase {
  readonly kind: 'invalid';
  readonly message: string;
}

export type SltRecord =
  | StatementRecord
  | QueryRecord
  | HashThresholdRecord
  | HaltRecord
  | IncludeRecord
  | ModeRecord
  | SkipFileRecord
  | ControlRecord
  | InvalidRecord;

export interface SltFile {
  readonly path: string;
  /** The file's lines (split on `\n`, one trailing `\r` removed). */
  readonly lines: readonly string[];
  /** The same lines with their `\r` kept: `raw.join('\n')` is the file text (for --complete). */
  readonly raw: readonly string[];
  readonly records: readonly SltRecord[];
}
