/** Statements that write Delta tables: routed to the write path (src/delta/write, src/delta/txn). */
import { unsupported } from '../common/errors.js';
import type { Statement } from '../../grammar/ast/index.js';
import { QueryResult } from './query-result.js';
import type { StatementEnv } from './session-statements.js';

export async function runWriteStatement(env: StatementEnv, stmt: Statement): Promise<QueryResult> {
  void env;
  await Promise.resolve();
  const names: Record<string, string> = {
    createTable: 'CREATE TABLE',
    insert: 'INSERT',
    dropTable: 'DROP TABLE',
    update: 'UPDATE',
    delete: 'DELETE',
    merge: 'MERGE',
  };
  void QueryResult;
  return unsupported(names[stmt.kind] ?? `statement ${stmt.kind}`, { position: stmt.span.start });
}
