/** Opens a real Session and presents it to the CLI and REPL as a CliSession. */
import { Session } from '../api/session.js';
import { sqlVocabulary } from '../api/sql-vocabulary.js';
import type { CliSession } from './cli-session.js';

export interface CliSessionOptions {
  readonly warehouse: string;
  readonly threads?: number;
  readonly config?: Readonly<Record<string, string>>;
}

export async function openCliSession(options: CliSessionOptions): Promise<CliSession> {
  const session = await Session.create({
    warehouse: options.warehouse,
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.config ? { config: options.config } : {}),
  });
  return {
    async run(sql, signal) {
      const result = await session.sql(sql, undefined, { signal });
      return { table: result.toArrow() };
    },
    async tableNames() {
      const result = await session.sql('SHOW TABLES');
      const table = result.toArrow();
      const column = table.getChild('tableName');
      return column ? (column.toArray() as unknown[]).map(String) : [];
    },
    async columnNames(table) {
      try {
        return (await session.table(table)).schema.fields.map((f) => f.name);
      } catch {
        return [];
      }
    },
    vocabulary: sqlVocabulary,
    timeZone() {
      return String(session.config.get('spark.sql.session.timeZone') ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
    },
    close: () => session.close(),
  };
}
