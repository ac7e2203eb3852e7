import { Lexer, type IToken } from './chevrotain-runtime.js';
import { DeltaSqlError, type SourcePosition } from '../src/common/errors.js';
import {
  BlockComment,
  Identifier,
  KEYWORDS,
  LEXER_TOKENS,
  UnterminatedBackquote,
  UnterminatedString,
} from './tokens.js';

let lexer: Lexer | undefined;

function getLexer(): Lexer {
  // Token-definition checks only matter when the grammar changes (as for the parser, see parser-base.ts).
  const skipValidations = process.env['DELTASQL_GRAMMAR_VALIDATE'] !== '1';
  lexer ??= new Lexer(LEXER_TOKENS, { positionTracking: 'full', ensureOptimizations: false, skipValidations });
  return lexer;
}

export function tokenStart(t: IToken): SourcePosition {
  return { line: t.startLine ?? 1, column: t.startColumn ?? 1, offset: t.startOffset };
}

/** Position just past the token's last character. */
export function tokenEnd(t: IToken): SourcePosition {
  return { line: t.endLine ?? t.startLine ?? 1, column: (t.endColumn ?? t.startColumn ?? 0) + 1, offset: (t.endOffset ?? t.startOffset) + 1 };
}

/** The position just after the whole text (where "end of input" errors point). */
export function endOfText(sql: string): SourcePosition {
  let line = 1;
  let col = 1;
  for (let i = 0; i < sql.length; i++) {
    if (sql.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return { line, column: col, offset: sql.length };
}

const at = (p: SourcePosition): string => `line ${p.line}, column ${p.column}`;

/** Tokenize SQL text; identifiers whose text is a keyword become that keyword's token type. */
export function lex(sql: string): IToken[] {
  const result = getLexer().tokenize(sql);
  const comments = result.groups['comments'] ?? [];
  for (const c of comments) {
    if (c.tokenType === BlockComment && !commentClosed(c.image)) {
      throw new DeltaSqlError('SYNTAX_ERROR', `Unterminated comment starting at ${at(tokenStart(c))}`, {
        position: tokenStart(c),
      });
    }
  }
  const err = result.errors[0];
  if (err) {
    const position: SourcePosition = { line: err.line ?? 1, column: err.column ?? 1, offset: err.offset };
    const ch = sql.slice(err.offset, err.offset + 1);
    throw new DeltaSqlError('SYNTAX_ERROR', `Unexpected character '${ch}' at ${at(position)}`, { position });
  }
  const tokens = result.tokens;
  for (const t of tokens) {
    if (t.tokenType === Identifier) {
      const k = KEYWORDS.get(t.image.toUpperCase());
      if (k) {
        t.tokenType = k;
        t.tokenTypeIdx = k.tokenTypeIdx ?? t.tokenTypeIdx;
      }
    } else if (t.tokenType === UnterminatedString || t.tokenType === UnterminatedBackquote) {
      const what = t.tokenType === UnterminatedString ? 'string literal' : 'quoted identifier';
      throw new DeltaSqlError('SYNTAX_ERROR', `Unterminated ${what} starting at ${at(tokenStart(t))}`, {
        position: tokenStart(t),
      });
    }
  }
  return tokens;
}

/** Whether a `/* … *\/` comment (with nesting) is closed. */
function commentClosed(image: string): boolean {
  let depth = 0;
  for (let i = 0; i < image.length; i++) {
    if (image[i] === '/' && image[i + 1] === '*') {
      depth++;
      i++;
    } else if (image[i] === '*' && image[i + 1] === '/') {
      depth--;
      i++;
    }
  }
  return depth === 0;
}
