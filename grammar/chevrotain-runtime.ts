/**
 * Chevrotain's runtime values, loaded from the single-file ESM bundle the package ships
 * (lib/chevrotain.mjs) instead of its module tree. The tree imports ~640 lodash-es modules,
 * about 200 ms of CPU at every CLI start; the bundle is one file of the same version and API.
 * Every runtime import of Chevrotain in the grammar must come from here: token type indexes are
 * per-copy state, so tokens and parser must share one copy. Types still come from 'chevrotain'.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Chevrotain = typeof import('chevrotain');

async function loadChevrotain(): Promise<Chevrotain> {
  // The exports map hides lib/chevrotain.mjs, so locate it next to the resolved entry (lib/src/api.js).
  let bundle: string | undefined;
  try {
    bundle = join(dirname(createRequire(import.meta.url).resolve('chevrotain')), '..', 'chevrotain.mjs');
  } catch {
    bundle = undefined;
  }
  if (bundle !== undefined && existsSync(bundle)) return (await import(pathToFileURL(bundle).href)) as Chevrotain;
  return import('chevrotain');
}

const chevrotain = await loadChevrotain();

export const { EOF, EmbeddedActionsParser, LLkLookaheadStrategy, Lexer, createToken, tokenMatcher } = chevrotain;
export type EmbeddedActionsParser = import('chevrotain').EmbeddedActionsParser;
export type Lexer = import('chevrotain').Lexer;
export type {
  ILookaheadStrategy,
  ILookaheadValidationError,
  IOrAlt,
  IParserErrorMessageProvider,
  IRecognitionException,
  IToken,
  ParserMethod,
  TokenType,
} from 'chevrotain';
