import { EOF, type IRecognitionException, type IToken } from './chevrotain-runtime.js';
import { DeltaSqlError, unsupported, type SourcePosition } from '../src/common/errors.js';
import type { Statement } from './ast/statements.js';
import { endOfText, lex, tokenEnd, tokenStart } from './lex.js';
import { getParser } from './parser/sql-parser.js';
import { is } from './parser/lookahead.js';
import * as Tk from './tokens.js';
import { kw } from './tokens.js';

export type EntryRule = 'script' | 'singleStatement' | 'singleExpression' | 'singleDataType';

/** Deepest bracket nesting accepted; deeper input is rejected before it can exhaust the stack. */
export const MAX_NESTING = 128;

const CASE = kw('CASE');
const END = kw('END');
const NOT = kw('NOT');

const at = (p: SourcePosition): string => `line ${p.line}, column ${p.column}`;

function checkNesting(tokens: readonly IToken[]): void {
  let depth = 0;
  let prefix = 0;
  for (const t of tokens) {
    if (is(t, Tk.LParen) || is(t, Tk.LBracket) || is(t, CASE)) {
      depth++;
      if (depth > MAX_NESTING) {
        const position = tokenStart(t);
        throw new DeltaSqlError('SYNTAX_ERROR', `Expression nesting deeper than ${MAX_NESTING} levels at ${at(position)}`, { position });
      }
    } else if (is(t, Tk.RParen) || is(t, Tk.RBracket) || is(t, END)) depth = Math.max(0, depth - 1);
    if (is(t, Tk.Minus) || is(t, Tk.Plus) || is(t, Tk.Tilde) || is(t, NOT) || is(t, Tk.Bang)) {
      prefix++;
      if (prefix > MAX_NESTING * 4) {
        const position = tokenStart(t);
        throw new DeltaSqlError('SYNTAX_ERROR', `Too many consecutive operators at ${at(position)}`, { position });
      }
    } else prefix = 0;
  }
}

function toSyntaxError(e: IRecognitionException, sql: string): DeltaSqlError {
  const t = e.token;
  const position = t.tokenType === EOF || !Number.isFinite(t.startOffset) ? endOfText(sql) : tokenStart(t);
  return new DeltaSqlError('SYNTAX_ERROR', `${e.message} at ${at(position)}`, { position });
}

/** `SET`, `SET key`, `SET key = value`, `RESET [key]`: raw text, as Spark reads it. */
function configStatement(tokens: readonly IToken[], sql: string): Statement | undefined {
  const first = tokens[0];
  if (!first) return undefined;
  const isSet = is(first, kw('SET'));
  const isReset = is(first, kw('RESET'));
  if (!isSet && !isReset) return undefined;
  const last = tokens[tokens.length - 1] ?? first;
  const span = { start: tokenStart(first), end: tokenEnd(last) };
  const restStart = tokens[1]?.startOffset;
  const rest = restStart === undefined ? '' : sql.slice(restStart, tokenEnd(last).offset).trim();
  if (isReset) return rest ? { kind: 'reset', key: rest, span } : { kind: 'reset', span };
  if (!rest) return { kind: 'set', span };
  const eq = tokens.findIndex((t) => is(t, Tk.Eq));
  if (eq < 0) return { kind: 'set', key: rest, span };
  const eqTok = tokens[eq] as IToken;
  const key = sql.slice(restStart ?? 0, eqTok.startOffset).trim();
  const value = sql.slice(eqTok.startOffset + 1, tokenEnd(last).offset).trim();
  if (!key) throw new DeltaSqlError('SYNTAX_ERROR', `Expected a configuration key after 'SET' at ${at(tokenStart(eqTok))}`, { position: tokenStart(eqTok) });
  return { kind: 'set', key, value: value.replace(/^'(.*)'$|^"(.*)"$/s, (_m, a?: string, b?: string) => a ?? b ?? ''), span };
}

function run(tokens: IToken[], sql: string, rule: Exclude<EntryRule, 'script'>): unknown {
  checkNesting(tokens);
  const parser = getParser();
  parser.text = sql;
  parser.paramCount = 0;
  parser.input = tokens;
  let result: unknown;
  try {
    result = Reflect.apply(parser.r[rule], parser, []) as unknown;
  } catch (e) {
    if (e instanceof RangeError) {
      const position = tokens[0] ? tokenStart(tokens[0]) : endOfText(sql);
      throw new DeltaSqlError('SYNTAX_ERROR', `Statement too deeply nested to parse at ${at(position)}`, { position });
    }
    throw e;
  }
  const err = parser.errors[0];
  if (err) throw toSyntaxError(err, sql);
  return result;
}

/** Split a token list at top-level semicolons. */
function splitStatements(tokens: readonly IToken[]): IToken[][] {
  const out: IToken[][] = [];
  let cur: IToken[] = [];
  for (const t of tokens) {
    if (is(t, Tk.Semicolon)) {
      if (cur.length > 0) out.push(cur);
      cur = [];
    } else cur.push(t);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** Spark statements outside deltasql's scope: rejected by name rather than as a syntax error. */
const SPARK_ONLY_STATEMENTS = new Set(['TRUNCATE', 'ANALYZE', 'MSCK', 'LOAD', 'REFRESH', 'GRANT', 'REVOKE', 'DECLARE', 'EXECUTE', 'CALL', 'LIST', 'REPAIR', 'COMMENT']);

/** SQLite statements with no Spark equivalent, named so the user knows why they fail. */
function rejectForeignStatement(tokens: readonly IToken[]): void {
  const [a, b] = tokens;
  if (!a) return;
  const word = (t: IToken | undefined): string => (t ? t.image.toUpperCase() : '');
  const name =
    word(a) === 'INSERT' && word(b) === 'OR' ? `INSERT OR ${word(tokens[2])}` :
    word(a) === 'REPLACE' && word(b) === 'INTO' ? 'REPLACE INTO' :
    word(a) === 'REINDEX' ? 'REINDEX' :
    SPARK_ONLY_STATEMENTS.has(word(a)) && a.tokenType !== Tk.BackquotedIdent ? `the ${word(a)} statement` :
    word(a) === 'FROM' ? 'FROM-first queries (FROM t SELECT …)' : undefined;
  if (name) unsupported(name, { position: tokenStart(a) });
}

function parseOneStatement(tokens: IToken[], sql: string): Statement {
  rejectForeignStatement(tokens);
  return configStatement(tokens, sql) ?? (run(tokens, sql, 'singleStatement') as Statement);
}

export function parseWith(sql: string, rule: EntryRule): unknown {
  const tokens = lex(sql);
  if (rule === 'script') return splitStatements(tokens).map((ts) => parseOneStatement(ts, sql));
  if (rule === 'singleStatement') {
    const parts = splitStatements(tokens);
    if (parts.length !== 1) {
      const second = parts[1]?.[0];
      if (second) {
        const position = tokenStart(second);
        throw new DeltaSqlError('SYNTAX_ERROR', `Expected a single statement but found another one starting with '${second.image}' at ${at(position)}`, { position });
      }
      const position = endOfText(sql);
      throw new DeltaSqlError('SYNTAX_ERROR', `Expected a statement but found the end of the input at ${at(position)}`, { position });
    }
    return parseOneStatement(parts[0] as IToken[], sql);
  }
  return run(tokens, sql, rule);
}
