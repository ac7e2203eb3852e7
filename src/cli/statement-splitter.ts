/**
 * Finds where statements end in text typed at the REPL or read from a script: at a `;` that is
 * outside quotes, backquotes and comments. Only a lexical scan; the parser does the rest.
 */

export interface SplitResult {
  /** Complete statements, each without its `;`, trimmed, empty ones dropped. */
  readonly statements: string[];
  /** Text after the last `;` (an open statement still being typed). */
  readonly rest: string;
}

export function splitStatements(text: string): SplitResult {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  let blockDepth = 0;
  let quote: string | undefined;
  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1];
    if (quote !== undefined) {
      if (ch === '\\' && quote !== '`') i += 2;
      else if (ch === quote && next === quote) i += 2;
      else {
        if (ch === quote) quote = undefined;
        i += 1;
      }
      continue;
    }
    if (blockDepth > 0) {
      if (ch === '/' && next === '*') {
        blockDepth += 1;
        i += 2;
      } else if (ch === '*' && next === '/') {
        blockDepth -= 1;
        i += 2;
      } else i += 1;
      continue;
    }
    if (ch === '-' && next === '-') {
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? text.length : newline + 1;
    } else if (ch === '/' && next === '*') {
      blockDepth = 1;
      i += 2;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
      i += 1;
    } else if (ch === ';') {
      const statement = text.slice(start, i).trim();
      if (statement !== '' && !isOnlyComments(statement)) statements.push(statement);
      start = i + 1;
      i += 1;
    } else i += 1;
  }
  return { statements, rest: text.slice(start) };
}

/** True when `text` holds nothing but whitespace and comments. */
export function isOnlyComments(text: string): boolean {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/--[^\n]*/g, '').trim() === '';
}
