import { describe, expect, it } from 'vitest';
import { DeltaSqlError } from '../../src/common/errors.js';
import { formatFailure, formatSummary } from '../../src/slt/run-golden-files.js';
import { summarize } from '../../src/slt/golden-summary.js';
import { emptyReport } from '../../src/slt/golden-report.js';
import { parseSkipList, pathMatches, skipListLookup } from '../../src/slt/skip-list.js';

describe('skip list', () => {
  it('parses entries with and without a line, ignoring comments and blank lines', () => {
    const list = parseSkipList('# header\n\nsqlite/select1.test:120  # int division\r\nspark/results/cte.sql.out   #   recursive CTE unsupported  \n');
    expect(list.entries).toEqual([
      { path: 'sqlite/select1.test', line: 120, reason: 'int division', sourceLine: 3 },
      { path: 'spark/results/cte.sql.out', reason: 'recursive CTE unsupported', sourceLine: 4 },
    ]);
  });

  it('rejects entries without a reason, naming the line', () => {
    expect(() => parseSkipList('ok.test:1  # fine\nbad.test:3\n', 'skip.txt')).toThrow(DeltaSqlError);
    expect(() => parseSkipList('ok.test:1  # fine\nbad.test:3\n', 'skip.txt')).toThrow(/skip\.txt:2/);
    expect(() => parseSkipList('bad.test:3  #   \n')).toThrow(/needs a reason/);
  });

  it('matches files by path suffix at folder boundaries', () => {
    expect(pathMatches('/work/shared/sql-corpus/sqlite/select1.test', 'sqlite/select1.test')).toBe(true);
    expect(pathMatches('/work/x/notsqlite/select1.test', 'sqlite/select1.test')).toBe(false);
    const lookup = skipListLookup(parseSkipList('a.test:5  # r1\nb.test  # r2\n'));
    expect(lookup('/p/a.test', 5)).toEqual({ reason: 'r1', wholeFile: false });
    expect(lookup('/p/a.test', 6)).toBeUndefined();
    expect(lookup('/p/b.test', 99)).toEqual({ reason: 'r2', wholeFile: true });
  });
});

describe('summary', () => {
  it('ends with the exact totals line', () => {
    const a = emptyReport('a.test');
    a.passed = 3;
    a.failed = 1;
    a.failures.push({ kind: 'result', file: 'a.test', line: 7, sql: 'SELECT 1', expected: '1', actual: '2', message: 'wrong result' });
    const b = emptyReport('b.slt');
    b.passed = 2;
    b.skipped = 4;
    const text = formatSummary(summarize([a, b]));
    expect(text.split('\n').at(-1)).toBe('5 passed, 1 failed, 4 skipped');
    expect(text).toContain('failures: 1 wrong results, 0 engine errors, 0 file errors');
    expect(text).toContain('FAIL a.test:7: wrong result\n  sql:\n    SELECT 1\n  expected:\n    1\n  actual:\n    2');
    expect(formatSummary(summarize([]))).toBe('0 passed, 0 failed, 0 skipped');
    const limited = formatSummary(summarize([a, a]), { maxFailures: 1 });
    expect(limited.match(/^FAIL /gm)).toHaveLength(1);
    expect(limited).toContain('… 1 more failures');
  });

  it('clips long expected and actual sections', () => {
    const long = Array.from({ length: 40 }, (_, i) => String(i)).join('\n');
    const text = formatFailure({ kind: 'result', file: 'f', line: 1, sql: 'q', expected: long, actual: 'x', message: 'm' });
    expect(text).toContain('… (28 more lines)');
  });
});
