/**
 * `deltasql test --update-skip-list FILE`: keeps a skip list in step with a run. Entries whose
 * records now pass are removed; each new failure is added with what actually went wrong as its
 * reason (the error, or "wrong result"), so the list documents the known gaps.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { GoldenFailure, GoldenSummary } from '../slt/index.js';

/** The path as the skip list spells it: from `sql-corpus/` for the shared corpus, else from the current folder. */
export function skipListPath(file: string): string {
  const normalized = file.replace(/\\/g, '/');
  const corpus = normalized.lastIndexOf('/sql-corpus/');
  if (corpus >= 0) return normalized.slice(corpus + 1);
  return relative(process.cwd(), file).replace(/\\/g, '/');
}

const firstLine = (text: string): string => text.split('\n')[0]?.trim() ?? '';

function reasonOf(failure: GoldenFailure): string {
  const actual = firstLine(failure.actual);
  const text =
    failure.kind === 'result'
      ? `wrong result: expected '${firstLine(failure.expected)}' but got '${actual}'`
      : actual !== ''
        ? actual
        : failure.message;
  return text.replace(/\s+/g, ' ').slice(0, 160);
}

export async function updateSkipList(path: string, summary: GoldenSummary): Promise<{ added: number; removed: number }> {
  let lines: string[] = [];
  try {
    lines = (await readFile(path, 'utf8')).split('\n');
  } catch {
    lines = ['# Golden-file records deltasql knowingly fails: `path[:line]  # reason`. This list only shrinks.'];
  }
  const stale = new Set(summary.staleSkips.map((s) => `${skipListPath(s.file)}:${s.line}`));
  const kept = lines.filter((line) => {
    const key = /^(\S+)\s+#/.exec(line.trim())?.[1];
    return key === undefined || !stale.has(key);
  });
  const present = new Set(kept.map((line) => /^(\S+)\s+#/.exec(line.trim())?.[1]).filter((k): k is string => k !== undefined));
  const additions = summary.failures
    .map((f) => ({ key: `${skipListPath(f.file)}:${f.line}`, reason: reasonOf(f) }))
    .filter((e) => !present.has(e.key))
    .map((e) => `${e.key}  # ${e.reason}`);
  const body = [...kept.filter((l, i) => l !== '' || i < kept.length - 1), ...additions];
  await writeFile(path, `${body.join('\n').replace(/\n+$/, '')}\n`, 'utf8');
  return { added: additions.length, removed: lines.length - kept.length };
}
