import { LLkLookaheadStrategy, type ILookaheadStrategy, type ILookaheadValidationError, type IOrAlt } from '../chevrotain-runtime.js';

type AltOptions = Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0];
type OptionalOptions = Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0];
type AltLookahead = (orAlts?: IOrAlt<unknown>[]) => number | undefined;
type OptionalLookahead = () => boolean;

/** A lookahead function as the parser stores it; a lazy one can be told where to put its built self. */
export type LookaheadFunction = AltLookahead | OptionalLookahead;
interface Installable {
  /** Set by the parser when it caches the wrapper: replaces the wrapper by the built function. */
  install?: (built: LookaheadFunction) => void;
}

export function isLazyLookahead(fn: unknown): fn is LookaheadFunction & Installable {
  return typeof fn === 'function' && lazyFunctions.has(fn);
}

const lazyFunctions = new WeakSet<object>();

/**
 * Chevrotain's LL(k) lookahead, with each production's lookahead function built on its first
 * use instead of during `performSelfAnalysis`. Building all of them up front was most of the
 * parser's construction cost (~150 ms of CPU at every CLI start), while one statement touches
 * only a small part of the grammar. The built functions are the same; they are called with the
 * parser as `this`, so the wrappers pass it through, and once built a wrapper swaps itself out of
 * the parser's cache (see `install`) so later parses pay no extra call.
 */
export class LazyLookaheadStrategy implements ILookaheadStrategy {
  private readonly inner: ILookaheadStrategy;

  constructor(maxLookahead: number) {
    this.inner = new LLkLookaheadStrategy({ maxLookahead });
  }

  validate(options: Parameters<ILookaheadStrategy['validate']>[0]): ILookaheadValidationError[] {
    return this.inner.validate(options);
  }

  buildLookaheadForAlternation(options: AltOptions): AltLookahead {
    const inner = this.inner;
    let built: AltLookahead | undefined;
    const lazy: AltLookahead & Installable = function lazyAlternation(this: unknown, orAlts?: IOrAlt<unknown>[]): number | undefined {
      if (built === undefined) {
        built = inner.buildLookaheadForAlternation(options);
        lazy.install?.(built);
      }
      return built.call(this, orAlts);
    };
    lazyFunctions.add(lazy);
    return lazy;
  }

  buildLookaheadForOptional(options: OptionalOptions): OptionalLookahead {
    const inner = this.inner;
    let built: OptionalLookahead | undefined;
    const lazy: OptionalLookahead & Installable = function lazyOptional(this: unknown): boolean {
      if (built === undefined) {
        built = inner.buildLookaheadForOptional(options);
        lazy.install?.(built);
      }
      return built.call(this);
    };
    lazyFunctions.add(lazy);
    return lazy;
  }
}
