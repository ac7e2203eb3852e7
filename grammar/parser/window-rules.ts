import type { FrameBound, WindowSpec } from '../ast/expressions.js';
import * as T from '../tokens.js';
import type { ParserBase } from './parser-base.js';
import type { Rules } from './rules.js';
import { is } from './lookahead.js';
import { EXPR_KEYWORDS as K } from './expr-rules.js';

const WINDOW_WORDS = new Set([K.PARTITION, K.ORDER, K.ROWS, K.RANGE, K.DISTRIBUTE, K.SORT, K.CLUSTER]);

export function defineWindowRules($: ParserBase, r: Rules): void {
  r.windowSpec = $.rule('windowSpec', (): WindowSpec => {
    const start = $.c(T.LParen);
    const baseName = $.opt(() => $.s(r.identifier), 0, () => is($.la(1), T.Ident) && !WINDOW_WORDS.has($.la(1).tokenType));
    const partitionBy = $.opt(() => {
      $.alt([{ ALT: () => $.c(K.PARTITION) }, { ALT: () => $.c(K.DISTRIBUTE) }]);
      $.c(K.BY);
      return $.sep1(T.Comma, () => $.s(r.expression));
    }, 1);
    const orderBy = $.opt(() => {
      $.alt([{ ALT: () => $.c(K.ORDER) }, { ALT: () => $.c(K.SORT) }], 1);
      $.c(K.BY, 1);
      return $.sep1(T.Comma, () => $.s(r.sortItem), 1);
    }, 2);
    const frame = $.opt(() => $.s(r.windowFrame), 3);
    $.c(T.RParen);
    return $.act(() => {
      const spec: { -readonly [K in keyof WindowSpec]?: WindowSpec[K] } = {
        kind: 'windowSpec',
        partitionBy: partitionBy ?? [],
        orderBy: orderBy ?? [],
        span: $.span(start),
      };
      if (baseName) spec.baseName = baseName;
      if (frame) spec.frame = frame;
      return spec as WindowSpec;
    });
  });

  r.windowFrame = $.rule('windowFrame', () => {
    const unitTok = $.alt([{ ALT: () => $.c(K.ROWS) }, { ALT: () => $.c(K.RANGE) }]);
    const bounds = $.alt<FrameBound[]>([
      {
        ALT: () => {
          $.c(K.BETWEEN);
          const a = $.s(r.frameBound);
          $.c(K.AND);
          const b = $.s(r.frameBound, 1);
          return [a, b];
        },
      },
      { ALT: () => [$.s(r.frameBound, 2)] },
    ], 1);
    return $.act(() => {
      const unit = is(unitTok, K.ROWS) ? ('ROWS' as const) : ('RANGE' as const);
      const [s, e] = bounds as [FrameBound, FrameBound | undefined];
      const span = $.span(unitTok);
      return e ? { kind: 'windowFrame' as const, unit, start: s, end: e, span } : { kind: 'windowFrame' as const, unit, start: s, span };
    });
  });

  r.frameBound = $.rule('frameBound', (): FrameBound => {
    const start = $.la(1);
    return $.alt<FrameBound>([
      {
        ALT: () => {
          $.c(K.UNBOUNDED);
          const d = $.alt([{ ALT: () => $.c(K.PRECEDING) }, { ALT: () => $.c(K.FOLLOWING) }], 1);
          return $.act(() => ({ kind: 'frameBound', type: is(d, K.PRECEDING) ? 'unboundedPreceding' : 'unboundedFollowing', span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          $.c(K.CURRENT);
          $.c(K.ROW);
          return $.act(() => ({ kind: 'frameBound', type: 'currentRow', span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          const offset = $.s(r.valueExpr);
          const d = $.alt([{ ALT: () => $.c(K.PRECEDING, 1) }, { ALT: () => $.c(K.FOLLOWING, 1) }], 2);
          return $.act(() => ({ kind: 'frameBound', type: is(d, K.PRECEDING) ? 'preceding' : 'following', offset, span: $.span(start) }));
        },
      },
    ]);
  });
}
