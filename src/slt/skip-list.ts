/**
 * The known-failures list: one entry per line, `path[:line]  # reason`. Every entry must give
 * a reason. `path` matches a golden file by path suffix; without `:line` it lists the whole file.
 * Listed records still run: a failure counts as skipped, a pass is reported so the list shrinks.
 */
import { readFile } from 'node:fs/promises';
import { DeltaSqlError } from '../common/errors.js';
import type { KnownFailure } from './golden-report.js';

export interface SkipEntry {
  readonly path: string;
  readonly line?: number;
  readonly reason: string;
  /** 1-based line of the entry in the skip-list file. */
  readonly sourceLine: number;
}

export interface SkipList {
  readonly source: string;
  readonly entries: readonly SkipEntry[];
}

const ENTRY = /^(\S+?)(?::(\d+))?\s+#\s*(.*?)\s*$/;

export function parseSkipList(text: string, source = '<skip list>'): SkipList {
  const entries: SkipEntry[] = [];
  text.split('\n').forEach((rawLine, i) => {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const m = ENTRY.exec(line.trim());
    if (!m || !m[3]) {
      throw new DeltaSqlError('INVALID_ARGUMENT', `${source}:${i + 1}: a skip-list entry is 'path[:line]  # reason' and needs a reason: ${line.trim()}`);
    }
    const path = normalize(m[1] ?? '');
    entries.push({ path, ...(m[2] !== undefined ? { line: Number(m[2]) } : {}), reason: m[3], sourceLine: i + 1 });
  });
  return { source, entries };
}

export async function loadSkipList(path: string): Promise<SkipList> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new DeltaSqlError('FILE_NOT_FOUND', `cannot read skip list ${path}: ${(error as Error).message}`, { cause: error });
  }
  return parseSkipList(text, path);
}

function normalize(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** Whether `entryPath` names `file` (equal, or a suffix starting at a folder boundary). */
export function pathMatches(file: string, entryPath: string): boolean {
  const f = normalize(file);
  return f === entryPath || f.endsWith(`/${entryPath}`);
}

export function skipListLookup(list: SkipList | undefined): KnownFailure {
  return (file, line) => {
    if (!list) return undefined;
    for (const e of list.entries) {
      if (!pathMatches(file, e.path)) continue;
      if (e.line === undefined) return { reason: e.reason, wholeFile: true };
      if (e.line === line) return { reason: e.reason, wholeFile: false };
    }
    return undefined;
  };
}

/** The whole-file entry naming `file`, if any. */
export function wholeFileEntry(list: SkipList | undefined, file: string): SkipEntry | undefined {
  return list?.entries.find((e) => e.line === undefined && pathMatches(file, e.path));
}
