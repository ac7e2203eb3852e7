import { EOF, Lexer, type IParserErrorMessageProvider, type IToken, type TokenType } from '../chevrotain-runtime.js';

/** What a rule stands for, in plain words (used when no alternative of the rule matched). */
const RULE_PHRASES: Readonly<Record<string, string>> = {
  expression: 'an expression',
  predicated: 'an expression',
  valueExpr: 'an expression',
  operand: 'an expression',
  primary: 'an expression',
  sortItem: 'an expression',
  query: 'a query',
  queryTerm: 'a query',
  queryPrimary: 'a query (SELECT, VALUES, WITH or a parenthesised query)',
  relation: 'a table name, subquery or table function',
  relationPrimary: 'a table name, subquery or table function',
  dataType: 'a data type',
  identifier: 'a name',
  objectName: 'a name',
  tableTarget: 'a table name or path',
  statement: 'a statement',
  singleStatement: 'a statement',
  selectItem: 'an expression',
  literalValue: 'a literal value',
  frameBound: 'a window frame bound (UNBOUNDED PRECEDING, n PRECEDING, CURRENT ROW, …)',
  alterAction: 'an ALTER TABLE action (ADD, DROP, ALTER COLUMN, RENAME, SET TBLPROPERTIES, …)',
  mergeClause: 'WHEN MATCHED or WHEN NOT MATCHED',
  propertyValue: 'a property value',
};

const TOKEN_WORDS: Readonly<Record<string, string>> = {
  Ident: 'a name',
  Identifier: 'a name',
  BackquotedIdent: 'a name',
  NumberLit: 'a number',
  StringLit: 'a string',
  DQStringLit: 'a string',
  RawStringLit: 'a string',
  HexLit: 'a binary literal',
  NamedParam: 'a parameter',
};

/** A token type in plain words: keywords as written, punctuation quoted. */
export function describeTokenType(t: TokenType): string {
  const word = TOKEN_WORDS[t.name];
  if (word) return word;
  if (t === EOF) return 'the end of the input';
  const pattern = t.PATTERN;
  if (pattern === Lexer.NA) return t.name;
  if (pattern instanceof RegExp) {
    const src = pattern.source.replace(/\\(.)/g, '$1');
    if (!/[[\]()*+?|]/.test(pattern.source.replace(/\\./g, ''))) return `'${src}'`;
  }
  return t.name;
}

/** The token as the user wrote it. */
export function describeToken(t: IToken | undefined): string {
  if (!t || t.tokenType === EOF) return 'the end of the input';
  const image = t.image.length > 40 ? `${t.image.slice(0, 37)}...` : t.image;
  return `'${image}'`;
}

function after(previous: IToken | undefined): string {
  if (!previous || previous.tokenType === EOF || !Number.isFinite(previous.startOffset)) return '';
  return ` after ${describeToken(previous)}`;
}

function firstTokens(paths: readonly (readonly TokenType[])[]): string[] {
  const seen = new Set<string>();
  for (const path of paths) {
    const first = path[0];
    if (first) seen.add(describeTokenType(first));
  }
  return [...seen];
}

function oneOf(options: string[]): string {
  if (options.length === 0) return 'something else';
  if (options.length === 1) return options[0] ?? '';
  const shown = options.slice(0, 8);
  return `one of ${shown.join(', ')}${options.length > shown.length ? ', …' : ''}`;
}

function expected(ruleName: string, paths: readonly (readonly TokenType[])[]): string {
  const phrase = RULE_PHRASES[ruleName];
  if (phrase) return phrase;
  const firsts = firstTokens(paths);
  // Recognize the start sets of the big sub-grammars even when a list rule reports the failure.
  if (firsts.includes('a number') && firsts.includes('a string')) return 'an expression';
  if (firsts.includes('LATERAL') && firsts.includes('a name')) return RULE_PHRASES['relation'] ?? 'a table';
  return oneOf(firsts);
}

/** Messages without a position; the caller appends "at line L, column C". */
export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected: exp, actual, previous }) {
    return `Expected ${describeTokenType(exp)}${after(previous)} but found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `Unexpected ${describeToken(firstRedundant)}: expected the end of the statement`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const paths = expectedPathsPerAlt.flat();
    return `Expected ${expected(ruleName, paths)}${after(previous)} but found ${describeToken(actual[0])}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous, ruleName }) {
    return `Expected ${expected(ruleName, expectedIterationPaths)}${after(previous)} but found ${describeToken(actual[0])}`;
  },
};
