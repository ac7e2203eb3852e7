/** Loads the expected results shipped with /work/shared/delta-tables (README.md describes the formats). */
import type * as arrow from 'apache-arrow';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalStore } from '../../../src/storage/local-store.js';
import { ParquetFile } from '../../../src/storage/parquet/parquet-file.js';

export const TABLES_ROOT = '/work/shared/delta-tables';

export function tableEntries(): string[] {
  return readdirSync(TABLES_ROOT).filter((d) => existsSync(join(TABLES_ROOT, d, 'delta', '_delta_log')));
}

export async function readParquetDir(dir: string): Promise<arrow.RecordBatch[]> {
  const store = new LocalStore(dir);
  const out: arrow.RecordBatch[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.parquet')).sort()) {
    const file = await ParquetFile.open(store, name);
    for await (const b of file.readRowGroups()) out.push(b);
    await file.close();
  }
  return out;
}

export interface ParquetExpectation {
  /** undefined = latest */
  readonly version: number | undefined;
  readonly label: string;
  readonly dir: string;
}

/** DAT `expected/<v>/table_content` folders and kernel-rs `expected/*.parquet`. */
export function parquetExpectations(entry: string): ParquetExpectation[] {
  const base = join(TABLES_ROOT, entry, 'expected');
  if (!existsSync(base)) return [];
  if (readdirSync(base).some((f) => f.endsWith('.parquet'))) return [{ version: undefined, label: 'latest', dir: base }];
  return readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'table_content')))
    .map((v) => ({ version: v === 'latest' ? undefined : Number(v.slice(1)), label: v, dir: join(base, v, 'table_content') }));
}

export interface JsonCase {
  readonly version?: string;
  readonly start_version?: string;
  readonly columns?: string[];
  readonly row_count?: number;
  readonly values_sorted?: unknown[];
  readonly rows?: unknown[][];
  readonly ascii_table?: string[];
}

export function jsonCases(entry: string): { file: string; cases: JsonCase[] }[] {
  const dir = join(TABLES_ROOT, entry);
  return readdirSync(dir)
    .filter((f) => /^expected-from-tests.*\.json$/.test(f))
    .map((f) => {
      const doc = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { cases?: JsonCase[] };
      return { file: f, cases: (doc.cases ?? []).filter((c) => c.start_version === undefined) };
    });
}

/** Expected scalars as canonical strings (numbers and strings alike), null kept. */
export function canonExpected(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

/** Header and rows of an Arrow pretty-printed table; an empty cell is null. */
export function parseAsciiTable(lines: readonly string[]): { columns: string[]; rows: (string | null)[][] } {
  const body = lines.filter((l) => l.startsWith('|'));
  const cells = (l: string): string[] => l.split('|').slice(1, -1).map((c) => c.trim());
  const [header, ...rest] = body;
  return { columns: header ? cells(header) : [], rows: rest.map((l) => cells(l).map((c) => (c === '' ? null : c))) };
}
