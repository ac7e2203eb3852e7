/** Extract statement texts from the shared SQL corpora (sqllogictest records and Spark inputs). */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_DIR = '/work/shared/sql-corpus';

export interface CorpusItem {
  readonly file: string;
  readonly sql: string;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** SQL of each `statement` / `query` record: lines after the header up to `----` or a blank line. */
function sltRecords(file: string): CorpusItem[] {
  const lines = readFileSync(file, 'latin1').split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => !l.startsWith('#'));
  const out: CorpusItem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = (lines[i] ?? '').trim().split(/\s+/)[0];
    if (head !== 'statement' && head !== 'query') continue;
    const sql: string[] = [];
    for (i++; i < lines.length; i++) {
      const l = lines[i] ?? '';
      if (l.trim() === '' || l.startsWith('----')) break;
      sql.push(l);
    }
    if (sql.length) out.push({ file, sql: sql.join('\n') });
  }
  return out;
}

/** Spark inputs: statements split on `;` at line ends, `--` comment lines skipped. */
function sparkStatements(file: string): CorpusItem[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => !l.trim().startsWith('--'));
  const out: CorpusItem[] = [];
  let cur: string[] = [];
  for (const l of lines) {
    cur.push(l);
    if (/;\s*$/.test(l)) {
      const sql = cur.join('\n').trim().replace(/;\s*$/, '');
      if (sql) out.push({ file, sql });
      cur = [];
    }
  }
  const rest = cur.join('\n').trim();
  if (rest) out.push({ file, sql: rest });
  return out;
}

export function corpusItems(): CorpusItem[] {
  if (!existsSync(CORPUS_DIR)) return [];
  const out: CorpusItem[] = [];
  for (const f of walk(CORPUS_DIR).sort()) {
    if (f.endsWith('.test') || f.endsWith('.slt')) out.push(...sltRecords(f));
    else if (f.includes('/spark/inputs/') && f.endsWith('.sql')) out.push(...sparkStatements(f));
  }
  return out;
}
