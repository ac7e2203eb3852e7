import { tokenMatcher, type IToken, type TokenType } from '../chevrotain-runtime.js';
import { Arrow, BackquotedIdent, Comma, Ident, LParen, RParen, kw } from '../tokens.js';

export const is = (t: IToken, type: TokenType): boolean => tokenMatcher(t, type);

const SELECT = kw('SELECT');
const WITH = kw('WITH');
const VALUES = kw('VALUES');
const TABLE = kw('TABLE');
const FROM = kw('FROM');

/** Words that end a clause or start the next one: never taken as an alias without AS. */
const NOT_ALIASES = new Set<TokenType>(
  [
    'LIMIT', 'OFFSET', 'WINDOW', 'QUALIFY', 'LEFT', 'RIGHT', 'SORT', 'CLUSTER', 'DISTRIBUTE', 'PIVOT',
    'UNPIVOT', 'TABLESAMPLE', 'SET', 'FOR', 'VERSION', 'TIMESTAMP', 'REGEXP', 'RLIKE', 'ILIKE', 'OVER',
    'FILTER', 'ESCAPE', 'NULLS', 'ASC', 'DESC', 'WITHIN', 'RETAIN', 'DRY', 'ZORDER', 'REPLACE',
    'PARTITIONED', 'LOCATION', 'COMMENT', 'TBLPROPERTIES', 'OPTIONS', 'USE', 'RESPECT', 'IGNORE',
  ].map(kw),
);

export function isAliasCandidate(t: IToken): boolean {
  return is(t, Ident) && (t.tokenType === BackquotedIdent || !NOT_ALIASES.has(t.tokenType));
}

type LA = (n: number) => IToken;

/** Does a query start at LA(n)? Looks through leading parentheses: `((SELECT …`. */
export function queryAhead(la: LA, n: number): boolean {
  let i = n;
  while (is(la(i), LParen) && i < n + 64) i++;
  const t = la(i);
  if (is(t, SELECT) || is(t, WITH) || is(t, FROM)) return true;
  if (i === n && (is(t, VALUES) || (is(t, TABLE) && is(la(i + 1), Ident)))) return true;
  return false;
}

/** `(a, b) -> …` starting at LA(1). */
export function parenLambdaAhead(la: LA): boolean {
  if (!is(la(1), LParen)) return false;
  let i = 2;
  if (is(la(i), RParen)) return is(la(i + 1), Arrow);
  for (;;) {
    if (!is(la(i), Ident)) return false;
    i++;
    if (is(la(i), RParen)) return is(la(i + 1), Arrow);
    if (!is(la(i), Comma)) return false;
    i++;
    if (i > 200) return false;
  }
}

/** Does the parenthesised group opening at LA(open) contain `word` at its own nesting level? */
export function wordInParens(la: LA, open: number, word: TokenType): boolean {
  if (!is(la(open), LParen)) return false;
  let depth = 0;
  for (let i = open; i < open + 10_000; i++) {
    const t = la(i);
    if (t.tokenType.name === 'EOF') return false;
    if (is(t, LParen)) depth++;
    else if (is(t, RParen)) {
      depth--;
      if (depth === 0) return false;
    } else if (depth === 1 && is(t, word)) return true;
  }
  return false;
}

/** `name(` or `a.b.name(` starting at LA(1): a table-valued function call. */
export function callAhead(la: LA): boolean {
  let i = 1;
  for (;;) {
    if (!is(la(i), Ident)) return false;
    i++;
    if (is(la(i), LParen)) return true;
    if (la(i).image !== '.') return false;
    i++;
    if (i > 20) return false;
  }
}
