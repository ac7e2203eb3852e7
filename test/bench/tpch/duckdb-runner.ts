/**
 * The reference engine: DuckDB (@duckdb/node-api, a devDependency) over the same Parquet
 * files through read_parquet views, with the same thread count. Absent package: `undefined`.
 */
import type { TpchDataset } from './generate.js';
import { TPCH_TABLES } from './generate.js';
import type { Row } from './answers.js';

export interface DuckDbRunner {
  readonly version: string;
  run(sql: string): Promise<{ readonly columns: string[]; readonly rows: Row[] }>;
  close(): void;
}

interface DuckDbModule {
  DuckDBInstance: {
    create(path: string, options: Record<string, string>): Promise<{
      connect(): Promise<{
        run(sql: string): Promise<unknown>;
        runAndReadAll(sql: string): Promise<{ columnNames(): string[]; getRowsJson(): unknown[][] }>;
        closeSync(): void;
      }>;
      closeSync(): void;
    }>;
  };
}

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export async function openDuckDb(data: TpchDataset, threads: number): Promise<DuckDbRunner | undefined> {
  let mod: DuckDbModule;
  try {
    // Not a dependency (npm here writes a lockfile without DuckDB's other-platform packages and
    // `npm ci` then refuses it): install it for the comparison with `npm install --no-save @duckdb/node-api`.
    const specifier = '@duckdb/node-api';
    mod = (await import(specifier)) as DuckDbModule;
  } catch {
    return undefined;
  }
  const instance = await mod.DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await instance.connect();
  for (const table of TPCH_TABLES) {
    const files = data.parquet[table].map(quote).join(', ');
    await connection.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet([${files}])`);
  }
  const version = String((await connection.runAndReadAll('SELECT version()')).getRowsJson()[0]?.[0] ?? '?');
  return {
    version,
    async run(sql) {
      const reader = await connection.runAndReadAll(sql);
      return { columns: reader.columnNames(), rows: reader.getRowsJson().map((row) => row.map(normalizeJson)) };
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** DuckDB's JSON rendering → comparable values: numbers stay numbers, numeric strings (decimals, bigints) become numbers. */
function normalizeJson(value: unknown): Row[number] {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  return JSON.stringify(value);
}
