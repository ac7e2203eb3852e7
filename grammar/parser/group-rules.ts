import type { Expr } from '../ast/expressions.js';
import type { GroupBy, GroupingItem, NamedWindow } from '../ast/queries.js';
import * as T from '../tokens.js';
import { kw } from '../tokens.js';
import type { ParserBase } from './parser-base.js';
import type { Rules } from './rules.js';
import { is, queryAhead } from './lookahead.js';

const k = kw;

export function defineGroupRules($: ParserBase, r: Rules): void {
  r.groupBy = $.rule('groupBy', () => {
    const start = $.c(k('GROUP'));
    $.c(k('BY'));
    return $.alt<GroupBy>([
      {
        GATE: () => !is($.la(2), T.LParen),
        ALT: () => {
          $.c(k('ALL'));
          return $.act(() => ({ kind: 'groupBy' as const, all: true, items: [], span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          const items = $.sep1(T.Comma, () => $.s(r.groupingItem));
          const legacySets = $.opt(() => $.s(r.groupingItem, 1), 1, () => is($.la(1), k('GROUPING')) && is($.la(2), k('SETS')));
          const w = $.opt(() => {
            $.c(k('WITH'));
            return $.alt([{ ALT: () => $.c(k('ROLLUP')) }, { ALT: () => $.c(k('CUBE')) }], 1);
          });
          return $.act(() => {
            let all: GroupingItem[] = legacySets ? [legacySets] : items;
            if (w) {
              const elements = items.map((i) => [i as Expr]);
              const span = $.span(start);
              all = [is(w, k('ROLLUP')) ? { kind: 'rollup', elements, span } : { kind: 'cube', elements, span }];
            }
            return { kind: 'groupBy' as const, all: false, items: all, span: $.span(start) };
          });
        },
      },
    ]);
  });

  r.groupingItem = $.rule('groupingItem', (): GroupingItem => {
    const start = $.la(1);
    return $.alt<GroupingItem>([
      {
        GATE: () => is($.la(2), k('SETS')),
        ALT: () => {
          $.c(k('GROUPING'));
          $.c(k('SETS'));
          $.c(T.LParen);
          const sets = $.sep1(T.Comma, () => $.s(r.groupingSet));
          $.c(T.RParen);
          return $.act(() => ({ kind: 'groupingSets', sets, span: $.span(start) }));
        },
      },
      {
        GATE: () => is($.la(2), T.LParen),
        ALT: () => {
          const t = $.alt([{ ALT: () => $.c(k('ROLLUP')) }, { ALT: () => $.c(k('CUBE')) }], 1);
          $.c(T.LParen, 1);
          const elements = $.sep1(T.Comma, () => $.s(r.groupingSet, 1), 1);
          $.c(T.RParen, 1);
          return $.act(() => (is(t, k('ROLLUP')) ? { kind: 'rollup', elements, span: $.span(start) } : { kind: 'cube', elements, span: $.span(start) }));
        },
      },
      { ALT: () => $.s(r.expression) },
    ]);
  });

  r.groupingSet = $.rule('groupingSet', (): Expr[] =>
    $.alt<Expr[]>([
      {
        GATE: () => is($.la(1), T.LParen) && !queryAhead((n) => $.la(n), 2),
        ALT: () => {
          $.c(T.LParen);
          const items = $.sep0(T.Comma, () => $.s(r.expression));
          $.c(T.RParen);
          return items;
        },
      },
      { ALT: () => [$.s(r.expression, 1)] },
    ]),
  );

  r.windowClause = $.rule('windowClause', (): NamedWindow[] => {
    $.c(k('WINDOW'));
    return $.sep1(T.Comma, () => {
      const name = $.s(r.identifier);
      $.c(k('AS'));
      const spec = $.s(r.windowSpec);
      return $.act((): NamedWindow => ({ kind: 'namedWindow', name, spec, span: { start: name.span.start, end: spec.span.end } }));
    });
  });
}
