/**
 * The golden-file runner's entry: walks files and folders, runs sqllogictest files (`.slt`,
 * `.test`) and Spark golden pairs (`inputs/**.sql` with `results/**.sql.out`), each against a
 * fresh engine, applies the skip list, and sums the results.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DeltaSqlError } from '../common/errors.js';
import { errorText } from './expected-error.js';
import type { GoldenDialect, SltEngineFactory } from './engine.js';
import { emptyReport, type FileReport, type GoldenFailure } from './golden-report.js';
import { summarize, type GoldenSummary } from './golden-summary.js';
import { skipListLookup, wholeFileEntry, type SkipList } from './skip-list.js';
import { completeSltText } from './slt-complete.js';
import { parseSlt } from './slt-parser.js';
import type { SltFile } from './slt-record.js';
import { runSltFile, type Completions, type SltRunOptions } from './slt-runner.js';
import { runSparkGolden, sparkResultPath } from './spark-runner.js';
import { readTextFile, writeTextFile, type TextEncodingName } from './text-file.js';
import type { SltValueStyle } from './value-format.js';

export { formatFailure, formatSummary, type FormatSummaryOptions, type GoldenSummary } from './golden-summary.js';

export interface RunGoldenOptions {
  readonly engineFactory: SltEngineFactory;
  /** Compared with skipif/onlyif, ignoring case. Default `deltasql`. */
  readonly engineName?: string;
  /** Rewrite expected output from the engine (--complete). */
  readonly complete?: boolean;
  readonly skipList?: SkipList;
  readonly onFailure?: (failure: GoldenFailure) => void;
  readonly onFile?: (report: FileReport) => void;
  /** Value style for every sqllogictest file; default by extension: `.test` sqlite, `.slt` datafusion. */
  readonly style?: SltValueStyle;
  /** Check expected error messages/regexes (default true); off: any user error passes. */
  readonly checkErrorMessages?: boolean;
  /** Spark schema-line check (default `types`: count and types, not column names). */
  readonly sparkSchema?: 'exact' | 'types' | 'ignore';
  /** Compare Spark error classes with our error codes where mapped (default true). */
  readonly checkSparkErrorClass?: boolean;
}

type GoldenKind = 'slt' | 'spark';

function kindOf(path: string): GoldenKind | undefined {
  if (path.endsWith('.slt') || path.endsWith('.test')) return 'slt';
  if (path.endsWith('.sql') && path.split(/[\\/]/).includes('inputs')) return 'spark';
  return undefined;
}

/** Every golden file under `paths`, in a stable order. A `.sql` named directly counts as a Spark input. */
export async function collectGoldenFiles(paths: readonly string[]): Promise<{ path: string; kind: GoldenKind }[]> {
  const found: { path: string; kind: GoldenKind }[] = [];
  const walk = async (path: string, named: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw new DeltaSqlError('FILE_NOT_FOUND', `no such golden file or folder: ${path}`, { cause: error });
    }
    if (info.isDirectory()) {
      const names = (await readdir(path)).sort();
      for (const name of names) if (!name.startsWith('.')) await walk(join(path, name), false);
      return;
    }
    const kind = kindOf(path) ?? (named && path.endsWith('.sql') ? 'spark' : undefined);
    if (kind) found.push({ path, kind });
  };
  for (const p of paths) await walk(p, true);
  return found;
}

function styleFor(path: string, override: SltValueStyle | undefined): SltValueStyle {
  return override ?? (path.endsWith('.test') ? 'sqlite' : 'datafusion');
}

/** A glob with `*` / `?` in its last segment, relative to the including file. */
async function loadIncludes(pattern: string, from: string, encodings: Map<SltFile, TextEncodingName>): Promise<SltFile[]> {
  const full = join(dirname(from), pattern);
  const dir = dirname(full);
  const re = new RegExp(`^${basename(full).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  const names = existsSync(dir) ? (await readdir(dir)).filter((n) => re.test(n)).sort() : [];
  if (names.length === 0) throw new DeltaSqlError('FILE_NOT_FOUND', `include ${pattern}: no file matches`);
  const files: SltFile[] = [];
  for (const name of names) {
    const text = await readTextFile(join(dir, name));
    const file = parseSlt(text.text, join(dir, name));
    encodings.set(file, text.encoding);
    files.push(file);
  }
  return files;
}

async function runOneSlt(path: string, options: RunGoldenOptions): Promise<FileReport> {
  const encodings = new Map<SltFile, TextEncodingName>();
  const text = await readTextFile(path);
  const file = parseSlt(text.text, path);
  encodings.set(file, text.encoding);
  const style = styleFor(path, options.style);
  const dialect: GoldenDialect = style;
  // SQLite's answers assume NULL (not an error) on division by zero (FORMAT.md §6).
  const config: Record<string, string> = style === 'sqlite' ? { 'spark.sql.ansi.enabled': 'false' } : {};
  const engine = await options.engineFactory({ file: path, dialect, config });
  const completions: Completions = new Map();
  const runOptions: SltRunOptions = {
    engineName: options.engineName ?? 'deltasql',
    style,
    checkErrorMessages: options.checkErrorMessages ?? true,
    complete: options.complete ?? false,
    knownFailure: skipListLookup(options.skipList),
    loadInclude: (pattern, from) => loadIncludes(pattern, from, encodings),
  };
  try {
    const report = await runSltFile(file, engine, runOptions, completions);
    for (const [target, rewrites] of completions) {
      await writeTextFile(target.path, completeSltText(target, rewrites), encodings.get(target) ?? 'utf8');
    }
    return report;
  } finally {
    await engine.close?.();
  }
}

/** Runs every golden file under `paths` and sums the results. */
export async function runGoldenFiles(paths: readonly string[], options: RunGoldenOptions): Promise<GoldenSummary> {
  const reports: FileReport[] = [];
  for (const { path, kind } of await collectGoldenFiles(paths)) {
    let report: FileReport;
    try {
      report =
        kind === 'slt'
          ? await runOneSlt(path, options)
          : await runSparkGolden(path, options.engineFactory, {
              complete: options.complete ?? false,
              checkErrorClass: options.checkSparkErrorClass ?? true,
              schema: options.sparkSchema ?? 'types',
              knownFailure: skipListLookup(options.skipList),
            });
    } catch (error) {
      report = emptyReport(kind === 'spark' ? sparkResultPath(path) : path);
      report.failed++;
      report.failures.push({ kind: 'file', file: report.file, line: 0, sql: '', expected: '', actual: errorText(error), message: 'cannot run file' });
    }
    const whole = wholeFileEntry(options.skipList, report.file) ?? wholeFileEntry(options.skipList, path);
    if (whole && report.knownFailures === 0 && report.failed === 0) report.staleSkips.push({ file: report.file, line: 0, reason: whole.reason });
    for (const f of report.failures) options.onFailure?.(f);
    options.onFile?.(report);
    reports.push(report);
  }
  return summarize(reports);
}
