import { DeltaSqlError } from '../../src/common/errors.js';
import type { IToken } from 'chevrotain';
import { RawStringLit } from '../tokens.js';
import { tokenStart } from '../lex.js';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\u0000',
  b: '\b',
  n: '\n',
  r: '\r',
  t: '\t',
  Z: '\u001A',
  '%': '\\%',
  _: '\\_',
};

/** Unescape a quoted string token per Spark rules (raw strings keep backslashes). */
export function stringTokenValue(t: IToken): string {
  const image = t.image;
  if (t.tokenType === RawStringLit) return image.slice(2, -1);
  const body = image.slice(1, -1);
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[i + 1] ?? '';
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16));
      i += 5;
    } else if (next === 'U' && /^[0-9a-fA-F]{8}$/.test(body.slice(i + 2, i + 10))) {
      const cp = parseInt(body.slice(i + 2, i + 10), 16);
      if (cp > 0x10ffff) throw new DeltaSqlError('SYNTAX_ERROR', `Invalid unicode escape in string literal`, { position: tokenStart(t) });
      out += String.fromCodePoint(cp);
      i += 9;
    } else if (/^[0-3][0-7]{2}$/.test(body.slice(i + 1, i + 4))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      out += SIMPLE_ESCAPES[next] ?? next;
      i += 1;
    }
  }
  return out;
}

/** The name inside a backquoted identifier, or the identifier text as written. */
export function identTokenText(t: IToken): { name: string; quoted: boolean } {
  const image = t.image;
  if (image.startsWith('`')) return { name: image.slice(1, -1).replace(/``/g, '`'), quoted: true };
  return { name: image, quoted: false };
}

/** Quote a string for SQL output so that stringTokenValue gives it back. */
export function quoteString(value: string): string {
  let out = "'";
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (ch === "'") out += "\\'";
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

/** Backquote a name when it is not a plain identifier or is a keyword. */
export function quoteIdent(name: string, isKeyword: (upper: string) => boolean): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !isKeyword(name.toUpperCase())) return name;
  return `\`${name.replace(/`/g, '``')}\``;
}
