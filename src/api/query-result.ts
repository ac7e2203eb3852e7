/**
 * The result of `session.sql`: for a query its rows (an Arrow table), for other statements an
 * empty result with `kind: 'ok'` and, where the statement changed rows, `affectedRows`.
 */
import * as arrow from 'apache-arrow';
import { tableRows } from './session-rows.js';

export class QueryResult implements AsyncIterable<arrow.RecordBatch> {
  private constructor(
    /** 'rows' for statements that return rows (queries, SHOW, DESCRIBE, EXPLAIN); 'ok' otherwise. */
    readonly kind: 'rows' | 'ok',
    private readonly table: arrow.Table,
    /** Rows inserted / updated / deleted, for statements that change data. */
    readonly affectedRows: number | undefined,
  ) {}

  static rows(table: arrow.Table): QueryResult {
    return new QueryResult('rows', table, undefined);
  }

  static ok(affectedRows?: number): QueryResult {
    return new QueryResult('ok', new arrow.Table(), affectedRows);
  }

  /** The result's Arrow schema (names, types, nullability). */
  get schema(): arrow.Schema {
    return this.table.schema;
  }

  get rowCount(): number {
    return this.table.numRows;
  }

  /** The result as an apache-arrow Table. */
  toArrow(): arrow.Table {
    return this.table;
  }

  /**
   * Rows as plain objects keyed by column name (number, bigint beyond 2^53, string, Date,
   * Uint8Array, arrays, objects; NULL → null).
   */
  rows(): Record<string, unknown>[] {
    return tableRows(this.table);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<arrow.RecordBatch> {
    for (const b of this.table.batches) yield b;
  }
}
