import { LLkLookaheadStrategy, type ILookaheadStrategy, type ILookaheadValidationError, type IOrAlt } from '../chevrotain-runtime.js';

type AltOptions = Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0];
type OptionalOptions = Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0];
type AltLookahead = (orAlts?: IOrAlt<unknown>[]) => number | undefined;
type OptionalLookahead = () => boolean;

/**
 * Chevrotain's LL(k) lookahead, with each production's lookahead function built on its first
 * use instead of during `performSelfAnalysis`. Building all of them up front was most of the
 * parser's construction cost (~150 ms of CPU at every CLI start), while one statement touches
 * only a small part of the grammar. The built functions are the same; they are called with the
 * parser as `this`, so the wrappers pass it through.
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
    return function lazyAlternation(this: unknown, orAlts?: IOrAlt<unknown>[]): number | undefined {
      built ??= inner.buildLookaheadForAlternation(options);
      return built.call(this, orAlts);
    };
  }

  buildLookaheadForOptional(options: OptionalOptions): OptionalLookahead {
    const inner = this.inner;
    let built: OptionalLookahead | undefined;
    return function lazyOptional(this: unknown): boolean {
      built ??= inner.buildLookaheadForOptional(options);
      return built.call(this);
    };
  }
}
