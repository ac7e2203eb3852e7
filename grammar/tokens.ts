/**
 * Lexical vocabulary. The lexer only knows punctuation, literals and identifiers; keywords are
 * token types assigned after lexing by a case-insensitive lookup of identifier text (see lex.ts),
 * which keeps the lexer small and fast. Non-reserved keywords carry the `Ident` category, so they
 * stay usable as names wherever an identifier is accepted.
 */
import { createToken, Lexer, type TokenType } from './chevrotain-runtime.js';
import { NON_RESERVED_KEYWORDS, RESERVED_KEYWORDS } from './keywords.js';

/** Anything usable as a name: plain and backquoted identifiers and every non-reserved keyword. */
export const Ident = createToken({ name: 'Ident', pattern: Lexer.NA });

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v]+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: 'LineComment', pattern: /--[^\n\r]*/, group: Lexer.SKIPPED });

/** `/* … *\/` with nesting; an unterminated comment runs to the end and is reported by lex.ts. */
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: {
    exec: (text: string, offset: number): RegExpExecArray | null => {
      if (text.charCodeAt(offset) !== 47 || text.charCodeAt(offset + 1) !== 42) return null;
      let depth = 1;
      let i = offset + 2;
      while (i < text.length && depth > 0) {
        const c = text.charCodeAt(i);
        if (c === 47 && text.charCodeAt(i + 1) === 42) {
          depth++;
          i += 2;
        } else if (c === 42 && text.charCodeAt(i + 1) === 47) {
          depth--;
          i += 2;
        } else i++;
      }
      const m = [text.slice(offset, i)] as unknown as RegExpExecArray;
      return m;
    },
  },
  line_breaks: true,
  group: 'comments',
  start_chars_hint: ['/'],
});

export const StringLit = createToken({ name: 'StringLit', pattern: /'(?:[^'\\]|\\[\s\S])*'/, line_breaks: true });
export const DQStringLit = createToken({ name: 'DQStringLit', pattern: /"(?:[^"\\]|\\[\s\S])*"/, line_breaks: true });
export const RawStringLit = createToken({ name: 'RawStringLit', pattern: /[rR](?:'[^']*'|"[^"]*")/, line_breaks: true });
export const HexLit = createToken({ name: 'HexLit', pattern: /[xX]'[^']*'/, line_breaks: true });
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /'(?:[^'\\]|\\[\s\S])*|"(?:[^"\\]|\\[\s\S])*/,
  line_breaks: true,
});
export const BackquotedIdent = createToken({
  name: 'BackquotedIdent',
  pattern: /`(?:[^`]|``)*`/,
  categories: [Ident],
  line_breaks: true,
});
export const UnterminatedBackquote = createToken({ name: 'UnterminatedBackquote', pattern: /`[\s\S]*/, line_breaks: true });

/** Spark numeric literal with an optional type suffix; a digit run followed by letters is an identifier. */
export const NumberLit = createToken({
  name: 'NumberLit',
  pattern: /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?:[bB][dD]|[lLsSyYdDfF])?(?![A-Za-z0-9_])/,
});
export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_\u00C0-\uFFFF]*|\d+[A-Za-z_][A-Za-z0-9_]*/,
  categories: [Ident],
});

/** `:name` parameter; a colon right after a name character (`a:int` in STRUCT<…>) stays a colon. */
export const NamedParam = createToken({
  name: 'NamedParam',
  pattern: {
    exec: (text: string, offset: number): RegExpExecArray | null => {
      if (text.charCodeAt(offset) !== 58) return null;
      const prev = offset > 0 ? text[offset - 1] ?? '' : '';
      if (/[A-Za-z0-9_`)\]:]/.test(prev)) return null;
      const m = /^:[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(offset, offset + 256));
      return m;
    },
  },
  line_breaks: false,
  start_chars_hint: [':'],
});

const punct = (name: string, pattern: string): TokenType =>
  createToken({ name, pattern: new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });

export const NullSafeEq = punct('NullSafeEq', '<=>');
export const NotEq = punct('NotEq', '<>');
export const Le = punct('Le', '<=');
export const Ge = punct('Ge', '>=');
export const BangEq = punct('BangEq', '!=');
export const EqEq = punct('EqEq', '==');
export const FatArrow = punct('FatArrow', '=>');
export const Arrow = punct('Arrow', '->');
export const DoubleColon = punct('DoubleColon', '::');
export const Concat = punct('Concat', '||');
export const Eq = punct('Eq', '=');
export const Lt = punct('Lt', '<');
export const Gt = punct('Gt', '>');
export const Bang = punct('Bang', '!');
export const Plus = punct('Plus', '+');
export const Minus = punct('Minus', '-');
export const Star = punct('Star', '*');
export const Slash = punct('Slash', '/');
export const Percent = punct('Percent', '%');
export const Amp = punct('Amp', '&');
export const Pipe = punct('Pipe', '|');
export const Caret = punct('Caret', '^');
export const Tilde = punct('Tilde', '~');
export const LParen = punct('LParen', '(');
export const RParen = punct('RParen', ')');
export const LBracket = punct('LBracket', '[');
export const RBracket = punct('RBracket', ']');
export const LBrace = punct('LBrace', '{');
export const RBrace = punct('RBrace', '}');
export const Comma = punct('Comma', ',');
export const Dot = punct('Dot', '.');
export const Semicolon = punct('Semicolon', ';');
export const Colon = punct('Colon', ':');
export const QMark = punct('QMark', '?');
export const At = punct('At', '@');

/** Order matters: longer operators before their prefixes; numbers before identifiers. */
export const LEXER_TOKENS: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  RawStringLit,
  HexLit,
  StringLit,
  DQStringLit,
  UnterminatedString,
  BackquotedIdent,
  UnterminatedBackquote,
  NumberLit,
  Identifier,
  NamedParam,
  NullSafeEq,
  NotEq,
  Le,
  Ge,
  BangEq,
  EqEq,
  FatArrow,
  Arrow,
  DoubleColon,
  Concat,
  Eq,
  Lt,
  Gt,
  Bang,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  Amp,
  Pipe,
  Caret,
  Tilde,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Comma,
  Dot,
  Semicolon,
  Colon,
  QMark,
  At,
];

/** Keyword token types by upper-case text. */
export const KEYWORDS = new Map<string, TokenType>();
for (const name of RESERVED_KEYWORDS) KEYWORDS.set(name, createToken({ name, pattern: Lexer.NA }));
for (const name of NON_RESERVED_KEYWORDS) KEYWORDS.set(name, createToken({ name, pattern: Lexer.NA, categories: [Ident] }));

/** The keyword token type for `name` (throws at module load on a typo). */
export function kw(name: string): TokenType {
  const t = KEYWORDS.get(name);
  if (!t) throw new Error(`grammar: unknown keyword ${name}`);
  return t;
}

/** Every token type the parser knows. */
export const ALL_TOKENS: TokenType[] = [Ident, ...LEXER_TOKENS, ...KEYWORDS.values()];
