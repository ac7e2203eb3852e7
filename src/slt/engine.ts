/**
 * The boundary between the golden-file runner and a SQL engine. The runner only ever sees
 * this interface, so any engine (ours, or a test double) can be measured by the same files.
 */
import type * as arrow from 'apache-arrow';

export type SltOutcome =
  | { readonly kind: 'rows'; readonly table: arrow.Table } // a query result (names + Arrow types + values)
  | { readonly kind: 'ok'; readonly rowCount?: number }; // a statement (rowCount where it affected rows)

export interface SltEngine {
  /** Runs one statement. Throws (usually a DeltaSqlError) when the statement fails. */
  execute(sql: string): Promise<SltOutcome>;
  close?(): Promise<void>;
}

/** Which golden-file dialect a file is written in; it decides value formatting and layout. */
export type GoldenDialect = 'sqlite' | 'datafusion' | 'spark';

/**
 * What the runner knows about the file it is about to run, handed to the factory so the
 * caller can configure the engine (ANSI mode, session time zone) before the first statement.
 */
export interface SltEngineContext {
  /** Path of the file being run (the `.sql` input for Spark golden files). */
  readonly file: string;
  readonly dialect: GoldenDialect;
  /**
   * Session settings the file's expected output assumes, as Spark config keys:
   * `spark.sql.ansi.enabled`, `spark.sql.session.timeZone`, `spark.sql.timestampType`, plus
   * every `--SET k=v` of a Spark input file. Empty for DataFusion-style files.
   */
  readonly config: Readonly<Record<string, string>>;
}

/** A fresh engine per file. Factories that ignore the context are fine. */
export type SltEngineFactory = (context: SltEngineContext) => Promise<SltEngine>;
