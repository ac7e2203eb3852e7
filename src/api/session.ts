/**
 * A deltasql session: a catalog (warehouse, registered Arrow tables, temp views), settings,
 * and `sql()` to run statements.
 *
 * @example
 * ```ts
 * const session = await Session.create({ warehouse: './warehouse' });
 * session.register('people', tableFromArrays({ id: [1, 2], name: ['a', 'b'] }));
 * const result = await session.sql('SELECT name FROM people WHERE id = ?', [2]);
 * console.log(result.rows()); // [{ name: 'b' }]
 * await session.close();
 * ```
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../common/errors.js';
import type { StorageOptions } from '../storage/open-store.js';
import { parse } from '../../grammar/index.js';
import { Catalog } from '../catalog/catalog.js';
import { executePlan } from '../../executor/run.js';
import { toArrowSchema } from '../common/types/arrow-type.js';
import { explainPlan } from '../../planner/explain.js';
import { QueryResult } from './query-result.js';
import { SessionConfig } from './session-config.js';
import { splitParams, type SqlParams } from './session-params.js';
import { planStatementQuery, runStatement, type StatementEnv } from './session-statements.js';

export interface SessionOptions {
  /** Where `CREATE TABLE name` puts tables: a folder, `s3://bucket/prefix` or `memory://name`. Default `./warehouse`. */
  readonly warehouse?: string;
  /** Worker threads for scans (1 = none). */
  readonly threads?: number;
  readonly storage?: StorageOptions;
  /** Initial settings, e.g. `{ 'spark.sql.ansi.enabled': false }`. */
  readonly config?: Readonly<Record<string, string | number | boolean>>;
}

/** A streamed query: its schema up front, then RecordBatches as the executor produces them. */
export interface QueryStream extends AsyncIterable<arrow.RecordBatch> {
  readonly schema: arrow.Schema;
}

export class Session {
  readonly config: SessionConfig;
  readonly catalog: Catalog;
  readonly threads: number;
  private closed = false;

  private constructor(options: SessionOptions) {
    this.config = new SessionConfig(options.config ?? {});
    this.catalog = new Catalog({ warehouse: options.warehouse ?? './warehouse', storage: options.storage });
    this.threads = options.threads ?? 1;
  }

  static async create(options: SessionOptions = {}): Promise<Session> {
    await Promise.resolve();
    return new Session(options);
  }

  private env(params: SqlParams | undefined, signal?: AbortSignal): StatementEnv {
    const { positional, named } = splitParams(params);
    return { catalog: this.catalog, config: this.config, positional, named, signal };
  }

  private checkOpen(): void {
    if (this.closed) throw new DeltaSqlError('INVALID_ARGUMENT', 'the session is closed');
  }

  /**
   * Run one or more `;`-separated statements; the result is the last statement's.
   * Parameters (`?` positional or `:name` named) are bound as typed values.
   */
  async sql(text: string, params?: SqlParams, options: { signal?: AbortSignal } = {}): Promise<QueryResult> {
    this.checkOpen();
    const statements = parse(text);
    let last = QueryResult.ok();
    for (const stmt of statements) last = await runStatement(this.env(params, options.signal), stmt, text);
    return last;
  }

  /** Run a single query and stream its batches without materializing the result. */
  async stream(text: string, params?: SqlParams, options: { signal?: AbortSignal } = {}): Promise<QueryStream> {
    this.checkOpen();
    const statements = parse(text);
    const stmt = statements[statements.length - 1];
    if (stmt === undefined || stmt.kind !== 'query' || statements.length !== 1) {
      throw new DeltaSqlError('INVALID_ARGUMENT', 'stream() takes exactly one query');
    }
    const { planned, ctx } = await planStatementQuery(this.env(params, options.signal), stmt);
    const schema = toArrowSchema(planned.physical.schema);
    const batches = executePlan(planned.physical, ctx);
    return { schema, [Symbol.asyncIterator]: () => batches[Symbol.asyncIterator]() };
  }

  /** The optimized plan of a query, as EXPLAIN prints it. */
  async explain(text: string, params?: SqlParams): Promise<string> {
    this.checkOpen();
    const stmt = parse(text)[0];
    if (stmt === undefined || stmt.kind !== 'query') throw new DeltaSqlError('INVALID_ARGUMENT', 'explain() takes a query');
    const { planned } = await planStatementQuery(this.env(params), stmt);
    return explainPlan(planned.physical);
  }

  /** Make an Arrow table (or batches) queryable by `name` for this session. */
  register(name: string, data: arrow.Table | readonly arrow.RecordBatch[]): void {
    this.checkOpen();
    const table = data instanceof arrow.Table ? data : new arrow.Table([...data]);
    this.catalog.register(name, table);
  }

  /** All rows of a table or view. */
  async table(name: string): Promise<QueryResult> {
    this.checkOpen();
    const quoted = name
      .split('.')
      .map((p) => `\`${p.replace(/`/g, '``')}\``)
      .join('.');
    return this.sql(`SELECT * FROM ${quoted}`);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.resolve();
  }
}
