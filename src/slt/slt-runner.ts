/**
 * Runs the records of a sqllogictest file, in order, against one engine (FORMAT.md §2-§6):
 * conditionals, statement ok/error/count, queries with sort modes, hash threshold, labels,
 * halt, include, mode skip. With `complete`, failing result sections are collected for rewrite.
 */
import { isDeltaSqlError } from '../common/errors.js';
import { tableCells } from './arrow-cells.js';
import type { SltEngine } from './engine.js';
import { errorText, expectedErrorMismatch } from './expected-error.js';
import { emptyReport, type FailureKind, type FileReport, type KnownFailure } from './golden-report.js';
import { compareResult, expectedDigest, renderResult, sortValues, type ResultLayout } from './result-compare.js';
import { isSkippedFor } from './slt-parser.js';
import type { QueryRecord, SltFile, SltRecord, SortMode, StatementRecord } from './slt-record.js';
import { formatSltValue, type SltValueStyle } from './value-format.js';

export interface SltRunOptions {
  /** Compared with skipif/onlyif arguments, ignoring case. */
  readonly engineName: string;
  readonly style: SltValueStyle;
  /** Check `statement error <regex>` / expected messages; off treats any user error as a pass. */
  readonly checkErrorMessages: boolean;
  readonly complete: boolean;
  readonly knownFailure?: KnownFailure;
  /** Resolves `include <glob>` relative to the including file. */
  readonly loadInclude?: (pattern: string, from: string) => Promise<SltFile[]>;
}

/** New result sections for --complete, by file, keyed by the query record. */
export type Completions = Map<SltFile, Map<QueryRecord, string[]>>;

interface FileState {
  threshold: number;
  defaultSort: SortMode;
  skipMode: boolean;
  stopped: boolean;
  readonly labels: Map<string, { digest: string; line: number }>;
}

type Verdict = { ok: true; rewrite?: string[] } | { ok: false; kind: FailureKind; message: string; expected: string; actual: string };

export async function runSltFile(
  file: SltFile,
  engine: SltEngine,
  options: SltRunOptions,
  completions: Completions = new Map(),
): Promise<FileReport> {
  const report = emptyReport(file.path);
  const state: FileState = {
    threshold: options.style === 'sqlite' ? 8 : 0,
    defaultSort: 'nosort',
    skipMode: false,
    stopped: false,
    labels: new Map(),
  };
  await runRecords(file, engine, options, state, report, completions, 0);
  return report;
}

async function runRecords(
  file: SltFile,
  engine: SltEngine,
  options: SltRunOptions,
  state: FileState,
  report: FileReport,
  completions: Completions,
  depth: number,
): Promise<void> {
  const records = file.records;
  for (let i = 0; i < records.length && !state.stopped; i++) {
    const record = records[i] as SltRecord;
    const skipped = isSkippedFor(record.conditions, options.engineName);
    switch (record.kind) {
      case 'hash-threshold':
        if (!skipped) state.threshold = record.threshold;
        break;
      case 'halt':
        if (!skipped) state.stopped = true;
        break;
      case 'mode':
        if (!skipped) state.skipMode = record.mode === 'skip';
        break;
      case 'control': {
        const m = /^control\s+sortmode\s+(nosort|rowsort|valuesort)\b/.exec(record.text);
        if (m && !skipped) state.defaultSort = m[1] as SortMode;
        break;
      }
      case 'skip-file':
        if (skipped) break;
        report.skipped += records.slice(i + 1).filter((r) => r.kind === 'statement' || r.kind === 'query').length;
        state.stopped = true;
        break;
      case 'invalid':
        report.failed++;
        report.failures.push({ kind: 'file', file: file.path, line: record.headerLine, sql: '', expected: '', actual: '', message: `file error: ${record.message}` });
        state.stopped = true;
        break;
      case 'include': {
        if (skipped) break;
        if (!options.loadInclude || depth > 8) {
          report.failed++;
          report.failures.push({ kind: 'file', file: file.path, line: record.line, sql: '', expected: '', actual: '', message: `cannot include ${record.pattern}` });
          break;
        }
        for (const included of await options.loadInclude(record.pattern, file.path)) {
          await runRecords(included, engine, options, state, report, completions, depth + 1);
        }
        break;
      }
      case 'statement':
      case 'query': {
        if (skipped || state.skipMode || isForeignExplain(record)) {
          if (record.kind === 'query') registerSkippedLabel(record, state, options.style);
          report.skipped++;
          break;
        }
        const verdict = record.kind === 'statement' ? await runStatement(record, engine, options) : await runQuery(record, engine, options, state);
        tally(file, record, verdict, options, report, completions);
        break;
      }
    }
  }
}

function tally(file: SltFile, record: StatementRecord | QueryRecord, verdict: Verdict, options: SltRunOptions, report: FileReport, completions: Completions): void {
  const known = options.knownFailure?.(file.path, record.line) ?? options.knownFailure?.(file.path, record.headerLine);
  if (verdict.ok) {
    if (verdict.rewrite && record.kind === 'query') {
      let forFile = completions.get(file);
      if (!forFile) completions.set(file, (forFile = new Map()));
      forFile.set(record, verdict.rewrite);
      report.rewritten++;
    }
    report.passed++;
    if (known !== undefined && !known.wholeFile) report.staleSkips.push({ file: file.path, line: record.line, reason: known.reason });
    return;
  }
  if (known !== undefined) {
    report.skipped++;
    report.knownFailures++;
    return;
  }
  report.failed++;
  report.failures.push({ kind: verdict.kind, file: file.path, line: record.line, sql: record.sql, expected: verdict.expected, actual: verdict.actual, message: verdict.message });
}

/** DataFusion's EXPLAIN records expect its own plan text (FORMAT.md §7.1): not comparable. */
function isForeignExplain(record: SltRecord): boolean {
  if (record.kind !== 'query' || !/^\s*explain\b/i.test(record.sql)) return false;
  const first = record.expected[0] ?? '';
  return first.startsWith('logical_plan') || first.startsWith('physical_plan');
}

function layoutFor(style: SltValueStyle): ResultLayout {
  return style === 'sqlite' ? 'value' : 'row';
}

function registerSkippedLabel(record: QueryRecord, state: FileState, style: SltValueStyle): void {
  if (record.label === undefined || state.labels.has(record.label) || record.error) return;
  const digest = expectedDigest(record.expected, layoutFor(style));
  if (digest !== undefined) state.labels.set(record.label, { digest, line: record.line });
}

async function runStatement(record: StatementRecord, engine: SltEngine, options: SltRunOptions): Promise<Verdict> {
  const expect = record.expect;
  try {
    const outcome = await engine.execute(record.sql);
    if (expect.kind === 'error') return { ok: false, kind: 'result', message: 'statement succeeded but an error was expected', expected: 'an error', actual: 'ok' };
    if (expect.kind === 'count') {
      const count = outcome.kind === 'ok' ? outcome.rowCount : outcome.table.numRows;
      if (count !== expect.count) {
        return { ok: false, kind: 'result', message: 'wrong affected row count', expected: String(expect.count), actual: String(count ?? 'no count') };
      }
    }
    return { ok: true };
  } catch (error) {
    if (expect.kind === 'maybe') return { ok: true };
    if (expect.kind !== 'error') return { ok: false, kind: 'error', message: 'statement failed', expected: 'ok', actual: errorText(error) };
    const mismatch = expectedErrorMismatch(error, expect, options.checkErrorMessages);
    return mismatch === undefined ? { ok: true } : { ok: false, kind: mismatchKind(error), message: mismatch, expected: expectedErrorDescription(expect), actual: errorText(error) };
  }
}

function expectedErrorDescription(expected: { pattern?: string; message?: string }): string {
  return ['an error', expected.pattern, expected.message].filter((s) => s !== undefined).join(': ');
}

async function runQuery(record: QueryRecord, engine: SltEngine, options: SltRunOptions, state: FileState): Promise<Verdict> {
  let values: string[];
  let columns: number;
  try {
    const outcome = await engine.execute(record.sql);
    if (record.error) return { ok: false, kind: 'result', message: 'query succeeded but an error was expected', expected: expectedErrorDescription(record.error), actual: 'rows' };
    if (outcome.kind !== 'rows') return { ok: false, kind: 'result', message: 'query returned no result set', expected: record.expected.join('\n'), actual: 'statement ok' };
    const { rows } = tableCells(outcome.table);
    columns = outcome.table.schema.fields.length;
    if (columns !== record.types.length) {
      return { ok: false, kind: 'result', message: `query has ${columns} columns but ${record.types.length} type letters ('${record.types}')`, expected: record.types, actual: String(columns) };
    }
    values = rows.flatMap((row) => row.map((cell, c) => formatSltValue(cell, record.types[c] ?? 'T', options.style)));
  } catch (error) {
    if (!record.error) return { ok: false, kind: 'error', message: 'query failed', expected: record.expected.join('\n'), actual: errorText(error) };
    const mismatch = expectedErrorMismatch(error, record.error, options.checkErrorMessages);
    return mismatch === undefined ? { ok: true } : { ok: false, kind: mismatchKind(error), message: mismatch, expected: expectedErrorDescription(record.error), actual: errorText(error) };
  }
  const sort = record.sort === 'nosort' ? state.defaultSort : record.sort;
  const sorted = sortValues(values, columns, sort);
  const layout = layoutFor(options.style);
  const compared = compareResult(sorted, columns, record.expected, sort, state.threshold, layout);
  if (record.label !== undefined) {
    const seen = state.labels.get(record.label);
    if (seen && seen.digest !== compared.digest) {
      return { ok: false, kind: 'result', message: `labeled result does not agree with ${record.label} (line ${seen.line})`, expected: seen.digest, actual: compared.digest };
    }
    if (!seen) state.labels.set(record.label, { digest: compared.digest, line: record.line });
  }
  if (compared.ok) return { ok: true };
  if (options.complete) return { ok: true, rewrite: renderResult(sorted, columns, state.threshold, layout) };
  return { ok: false, kind: 'result', message: 'wrong result', expected: record.expected.join('\n'), actual: compared.actualLines.join('\n') };
}

/** A wrong kind of user error is a wrong answer; a bug where a user error was expected is an engine error. */
function mismatchKind(error: unknown): FailureKind {
  return isDeltaSqlError(error) && error.code !== 'INTERNAL' ? 'result' : 'error';
}
