/** Summing file reports and printing them: failures first, then the `N passed, N failed, N skipped` line. */
import type { FileReport, GoldenFailure, StaleSkip } from './golden-report.js';

export interface GoldenSummary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** Records whose expected output --complete rewrote (counted in `passed`). */
  readonly rewritten: number;
  readonly files: readonly FileReport[];
  readonly failures: readonly GoldenFailure[];
  /** Skip-list entries whose records now pass: delete them. */
  readonly staleSkips: readonly StaleSkip[];
}

export function summarize(files: readonly FileReport[]): GoldenSummary {
  const sum = (f: (r: FileReport) => number): number => files.reduce((n, r) => n + f(r), 0);
  return {
    passed: sum((r) => r.passed),
    failed: sum((r) => r.failed),
    skipped: sum((r) => r.skipped),
    rewritten: sum((r) => r.rewritten),
    files,
    failures: files.flatMap((r) => r.failures),
    staleSkips: files.flatMap((r) => r.staleSkips),
  };
}

const MAX_LINES = 12;

function clip(text: string, indent: string): string {
  const lines = text.split('\n');
  const shown = lines.slice(0, MAX_LINES).map((l) => (l.length > 200 ? `${l.slice(0, 200)}…` : l));
  if (lines.length > MAX_LINES) shown.push(`… (${lines.length - MAX_LINES} more lines)`);
  return shown.map((l) => indent + l).join('\n');
}

/** One failure: `file:line: message`, then the SQL, expected and actual, indented and clipped. */
export function formatFailure(f: GoldenFailure): string {
  const parts = [`FAIL ${f.file}:${f.line}: ${f.message}`];
  if (f.sql !== '') parts.push(`  sql:\n${clip(f.sql, '    ')}`);
  if (f.expected !== '' || f.actual !== '') {
    parts.push(`  expected:\n${clip(f.expected === '' ? '(nothing)' : f.expected, '    ')}`);
    parts.push(`  actual:\n${clip(f.actual === '' ? '(nothing)' : f.actual, '    ')}`);
  }
  return parts.join('\n');
}

export interface FormatSummaryOptions {
  /** Print at most this many failures (default: all). */
  readonly maxFailures?: number;
}

export function formatSummary(summary: GoldenSummary, options: FormatSummaryOptions = {}): string {
  const limit = options.maxFailures ?? summary.failures.length;
  const out: string[] = summary.failures.slice(0, limit).map(formatFailure);
  if (summary.failures.length > limit) out.push(`… ${summary.failures.length - limit} more failures`);
  if (summary.staleSkips.length > 0) {
    out.push('skip-list entries that now pass (delete them):');
    for (const s of summary.staleSkips) out.push(`  ${s.file}${s.line > 0 ? `:${s.line}` : ''}  # ${s.reason}`);
  }
  if (summary.failed > 0) {
    const count = (kind: string): number => summary.failures.filter((f) => f.kind === kind).length;
    out.push(`failures: ${count('result')} wrong results, ${count('error')} engine errors, ${count('file')} file errors`);
  }
  if (summary.rewritten > 0) out.push(`${summary.rewritten} expected results rewritten (--complete)`);
  out.push(`${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
  return out.join('\n');
}
