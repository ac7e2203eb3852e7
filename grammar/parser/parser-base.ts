import { EmbeddedActionsParser, type IToken, type ParserMethod, type TokenType } from '../chevrotain-runtime.js';
import { ALL_TOKENS } from '../tokens.js';
import { tokenEnd, tokenStart } from '../lex.js';
import type { Span } from '../ast/node.js';
import { errorMessageProvider } from './error-messages.js';
import { isLazyLookahead, LazyLookaheadStrategy, type LookaheadFunction } from './lazy-lookahead.js';

const MAX_LOOKAHEAD = 1;

export type Rule<T> = ParserMethod<[], T>;

/** One alternative of an OR: Chevrotain's own shape, passed through without copying. */
export interface Alt<T> {
  readonly ALT: () => T;
  readonly GATE?: () => boolean;
}

/**
 * Chevrotain's embedded-actions parser with public, index-taking helpers so rule modules can live in
 * separate files. Rule bodies must only build AST inside `act` (grammar recording runs them with
 * placeholder values).
 */
export class ParserBase extends EmbeddedActionsParser {
  /** Count of `?` markers seen in the current statement (positional parameter ordinals). */
  paramCount = 0;

  constructor() {
    // DELTASQL_GRAMMAR_VALIDATE=1 (grammar tests): Chevrotain's full validation and every lookahead
    // built eagerly. Otherwise both are skipped at construction, which CLI startup pays for.
    const validate = process.env['DELTASQL_GRAMMAR_VALIDATE'] === '1';
    super(ALL_TOKENS, {
      maxLookahead: MAX_LOOKAHEAD,
      recoveryEnabled: false,
      errorMessageProvider,
      skipValidations: !validate,
      ...(validate ? {} : { lookaheadStrategy: new LazyLookaheadStrategy(MAX_LOOKAHEAD) }),
    });
  }

  /**
   * Chevrotain 11 internal hook (called as each lookahead function is cached): lets a lazy
   * lookahead replace itself in the cache once built. Fails loudly if a Chevrotain upgrade moves it.
   */
  setLaFuncCache(key: number, fn: LookaheadFunction): void {
    const cache: unknown = Reflect.get(this, 'lookAheadFuncsCache');
    if (!(cache instanceof Map)) throw new Error('grammar: Chevrotain lookahead cache not found');
    if (isLazyLookahead(fn)) fn.install = (built) => void cache.set(key, built);
    cache.set(key, fn);
  }

  rule<T>(name: string, impl: () => T): Rule<T> {
    return this.RULE(name, impl) as Rule<T>;
  }

  c(tok: TokenType, idx = 0): IToken {
    return this.consume(idx, tok);
  }

  s<T>(rule: Rule<T>, idx = 0): T {
    return this.subrule(idx, rule) as T;
  }

  opt<T>(fn: () => T, idx = 0, gate?: () => boolean): T | undefined {
    return this.option(idx, gate ? { GATE: gate, DEF: fn } : fn) as T | undefined;
  }

  alt<T>(alts: readonly Alt<T>[], idx = 0): T {
    return this.or(idx, { DEF: alts as Alt<T>[], IGNORE_AMBIGUITIES: true }) as T;
  }

  rep(fn: () => void, idx = 0, gate?: () => boolean): void {
    this.many(idx, gate ? { GATE: gate, DEF: fn } : fn);
  }

  rep1(fn: () => void, idx = 0, gate?: () => boolean): void {
    this.atLeastOne(idx, gate ? { GATE: gate, DEF: fn } : fn);
  }

  /** One or more `fn` separated by `sep`. */
  sep1<T>(sep: TokenType, fn: () => T, idx = 0): T[] {
    const out: T[] = [];
    const opts = { SEP: sep, DEF: () => void out.push(fn()) };
    const methods = [this.AT_LEAST_ONE_SEP, this.AT_LEAST_ONE_SEP1, this.AT_LEAST_ONE_SEP2, this.AT_LEAST_ONE_SEP3, this.AT_LEAST_ONE_SEP4, this.AT_LEAST_ONE_SEP5];
    const m = methods[idx];
    if (!m) throw new Error(`grammar: separator index ${idx} out of range`);
    m.call(this, opts);
    return out;
  }

  /** Zero or more `fn` separated by `sep`. */
  sep0<T>(sep: TokenType, fn: () => T, idx = 0): T[] {
    const out: T[] = [];
    const opts = { SEP: sep, DEF: () => void out.push(fn()) };
    const methods = [this.MANY_SEP, this.MANY_SEP1, this.MANY_SEP2, this.MANY_SEP3, this.MANY_SEP4, this.MANY_SEP5];
    const m = methods[idx];
    if (!m) throw new Error(`grammar: separator index ${idx} out of range`);
    m.call(this, opts);
    return out;
  }

  act<T>(fn: () => T): T {
    return this.ACTION(fn);
  }

  la(n: number): IToken {
    return this.LA(n);
  }

  /** Span from `start` to the last consumed token. */
  span(start: IToken): Span {
    const last = this.LA(0);
    const end = last && Number.isFinite(last.startOffset) && last.startOffset >= start.startOffset ? last : start;
    return { start: tokenStart(start), end: tokenEnd(end) };
  }

  finish(): void {
    this.performSelfAnalysis();
  }
}
