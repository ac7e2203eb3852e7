/**
 * sqllogictest parser (FORMAT.md §1-§2, with the DataFusion/DuckDB extensions of §7).
 * Comment lines (`#` in column 0) are dropped first, wherever they are; records are maximal
 * runs of non-blank lines. Nothing here runs SQL or decides skips: that is the runner's job.
 */
import { invariant } from '../common/errors.js';
import type { ExpectedError, SltCondition, SltFile, SltRecord, SortMode } from './slt-record.js';
import { splitLines } from './text-file.js';

const SORT_MODES: ReadonlySet<string> = new Set(['nosort', 'rowsort', 'valuesort']);

/** DuckDB commands whose semantics we do not emulate: the rest of the file is skipped. */
const SKIP_FILE_COMMANDS: ReadonlySet<string> = new Set([
  'load', 'restart', 'reconnect', 'loop', 'foreach', 'concurrentloop', 'concurrentforeach',
  'endloop', 'unzip', 'require-env', 'test-env',
]);

/** Commands with no effect on results for us. */
const CONTROL_COMMANDS: ReadonlySet<string> = new Set(['control', 'tags', 'sleep', 'set', 'reset']);

interface Line {
  readonly index: number; // 0-based index into the file's lines
  readonly text: string;
}

export function parseSlt(text: string, path = '<memory>'): SltFile {
  const { lines, raw } = splitLines(text);
  const records: SltRecord[] = [];
  let group: Line[] = [];
  const flush = (): void => {
    if (group.length > 0) records.push(parseRecord(group));
    group = [];
  };
  lines.forEach((line, index) => {
    if (line.startsWith('#')) return; // a comment line is removed, it does not end a record
    if (line.trim() === '') flush();
    else group.push({ index, text: line });
  });
  flush();
  return { path, lines, raw, records };
}

/** Whether the record's skipif/onlyif prefixes skip it for this engine (case-insensitive). */
export function isSkippedFor(conditions: readonly SltCondition[], engineName: string): boolean {
  const engine = engineName.toLowerCase();
  return conditions.some((c) => (c.kind === 'skipif' ? c.engine.toLowerCase() === engine : c.engine.toLowerCase() !== engine));
}

function tokens(text: string): string[] {
  return text.trim().split(/\s+/).slice(0, 4);
}

/** The raw text after the first `count` words of a header line (a DataFusion error regex). */
function restAfterWords(text: string, count: number): string {
  const match = new RegExp(`^\\s*(?:\\S+\\s+){${count - 1}}\\S+\\s*(.*)$`).exec(text);
  return match?.[1]?.trim() ?? '';
}

function stripOneSemicolon(sql: string): string {
  const trimmed = sql.trimEnd();
  return trimmed.endsWith(';') ? trimmed.slice(0, -1) : sql;
}

function splitAtSeparator(body: readonly Line[]): { sql: Line[]; separator: number; after: Line[] } {
  const at = body.findIndex((l) => l.text === '----');
  if (at < 0) return { sql: [...body], separator: -1, after: [] };
  return { sql: body.slice(0, at), separator: body[at]?.index ?? -1, after: body.slice(at + 1) };
}

function parseRecord(group: readonly Line[]): SltRecord {
  const first = group[0];
  const last = group[group.length - 1];
  invariant(first !== undefined && last !== undefined, 'a record group is never empty');
  const conditions: SltCondition[] = [];
  let h = 0;
  for (; h < group.length; h++) {
    const [word, engine] = tokens(group[h]?.text ?? '');
    const kind = word?.toLowerCase();
    if (kind !== 'skipif' && kind !== 'onlyif') break;
    conditions.push({ kind, engine: engine ?? '' });
  }
  const header = group[h];
  const base = { line: first.index + 1, headerLine: (header ?? last).index + 1, lastLineIndex: last.index, conditions };
  if (!header) return { ...base, kind: 'invalid', message: 'conditional lines without a record after them' };
  const [command = '', arg1, arg2, arg3] = tokens(header.text);
  const body = group.slice(h + 1);
  const invalid = (message: string): SltRecord => ({ ...base, kind: 'invalid', message });
  const sqlOf = (ls: readonly Line[]): string => stripOneSemicolon(ls.map((l) => l.text).join('\n'));
  const errorOf = (pattern: string, after: readonly Line[]): ExpectedError => ({
    ...(pattern !== '' ? { pattern } : {}),
    ...(after.length > 0 ? { message: after.map((l) => l.text).join('\n') } : {}),
  });

  switch (command.toLowerCase()) {
    case 'statement': {
      if (body.length === 0) return invalid('statement without SQL');
      const { sql, after } = splitAtSeparator(body);
      if (arg1 === 'ok' || arg1 === 'maybe') {
        if (arg2 !== undefined && /^con\d+$/.test(arg2)) return { ...base, kind: 'skip-file', reason: 'named connections' };
        return { ...base, kind: 'statement', sql: sqlOf(sql), expect: { kind: arg1 } };
      }
      if (arg1 === 'error') {
        return { ...base, kind: 'statement', sql: sqlOf(sql), expect: { kind: 'error', ...errorOf(restAfterWords(header.text, 2), after) } };
      }
      if (arg1 === 'count') {
        const count = Number(arg2);
        if (!Number.isInteger(count) || count < 0) return invalid(`statement count needs a row count, got '${arg2 ?? ''}'`);
        return { ...base, kind: 'statement', sql: sqlOf(sql), expect: { kind: 'count', count } };
      }
      return invalid(`statement must be ok, error, count or maybe, got '${arg1 ?? ''}'`);
    }
    case 'query': {
      if (body.length === 0) return invalid('query without SQL');
      const { sql, separator, after } = splitAtSeparator(body);
      const expected = after.map((l) => l.text);
      if (arg1 === 'error') {
        const error = errorOf(restAfterWords(header.text, 2), after);
        return { ...base, kind: 'query', sql: sqlOf(sql), types: '', sort: 'nosort', expected: [], separatorIndex: separator, error };
      }
      if (arg1 === undefined || !/^[A-Za-z?]+$/.test(arg1)) return invalid(`query needs type letters, got '${arg1 ?? ''}'`);
      let sort: SortMode = 'nosort';
      let label = arg3;
      if (arg2 !== undefined && SORT_MODES.has(arg2)) sort = arg2 as SortMode;
      else if (arg2 !== undefined) label = arg2; // DuckDB/sqllogictest-rs allow a label without a sort mode
      if (label !== undefined && /^con\d+$/.test(label)) return { ...base, kind: 'skip-file', reason: 'named connections' };
      return {
        ...base, kind: 'query', sql: sqlOf(sql), types: arg1, sort, expected, separatorIndex: separator,
        ...(label !== undefined ? { label } : {}),
      };
    }
    case 'hash-threshold': {
      const threshold = Number(arg1);
      if (!Number.isInteger(threshold) || threshold < 0) return invalid(`hash-threshold needs a number, got '${arg1 ?? ''}'`);
      return { ...base, kind: 'hash-threshold', threshold };
    }
    case 'halt':
      return { ...base, kind: 'halt' };
    case 'include': {
      const pattern = restAfterWords(header.text, 1);
      return pattern === '' ? invalid('include needs a path') : { ...base, kind: 'include', pattern };
    }
    case 'mode':
      if (arg1 === 'skip' || arg1 === 'unskip') return { ...base, kind: 'mode', mode: arg1 };
      return { ...base, kind: 'control', text: header.text.trim() };
    case 'require':
      return { ...base, kind: 'skip-file', reason: `require ${arg1 ?? ''}`.trim() };
    default:
      if (SKIP_FILE_COMMANDS.has(command)) return { ...base, kind: 'skip-file', reason: `unsupported command '${command}'` };
      if (CONTROL_COMMANDS.has(command)) return { ...base, kind: 'control', text: header.text.trim() };
      return invalid(`unknown record type '${command}'`);
  }
}
