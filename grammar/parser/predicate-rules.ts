import type { Expr } from '../ast/expressions.js';
import * as T from '../tokens.js';
import type { ParserBase } from './parser-base.js';
import type { PredicateBuilder, Rules } from './rules.js';
import { is, queryAhead } from './lookahead.js';

import { EXPR_KEYWORDS as K } from './expr-rules.js';

export function definePredicateRules($: ParserBase, r: Rules): void {
  r.predicateSuffix = $.rule('predicateSuffix', (): PredicateBuilder => {
    return $.alt<PredicateBuilder>([
      {
        ALT: () => {
          $.c(K.IS);
          const not = $.opt(() => $.c(K.NOT)) !== undefined;
          return $.alt<PredicateBuilder>([
            {
              ALT: () => {
                $.c(K.DISTINCT);
                $.c(K.FROM);
                const right = $.s(r.valueExpr);
                return $.act(() => (left: Expr) => ({ kind: 'isDistinctFrom', left, right, negated: not, span: { start: left.span.start, end: right.span.end } }));
              },
            },
            {
              ALT: () => {
                const tok = $.alt([
                  { ALT: () => $.c(K.NULL) },
                  { ALT: () => $.c(K.TRUE) },
                  { ALT: () => $.c(K.FALSE) },
                  { ALT: () => $.c(K.UNKNOWN) },
                ], 1);
                return $.act(() => {
                  const test = tok.image.toLowerCase() as 'null' | 'true' | 'false' | 'unknown';
                  const end = $.span(tok).end;
                  return (operand: Expr) => ({ kind: 'isTest', operand, test, negated: not, span: { start: operand.span.start, end } });
                });
              },
            },
          ], 8);
        },
      },
      {
        ALT: () => {
          const negated = $.opt(() => $.c(K.NOT, 1), 1) !== undefined;
          return $.alt<PredicateBuilder>([
            {
              ALT: () => {
                $.c(K.BETWEEN);
                const low = $.s(r.valueExpr, 1);
                $.c(K.AND);
                const high = $.s(r.valueExpr, 2);
                return $.act(() => (operand: Expr) => ({ kind: 'between', operand, low, high, negated, span: { start: operand.span.start, end: high.span.end } }));
              },
            },
            {
              ALT: () => {
                $.c(K.IN);
                $.c(T.LParen);
                const built = $.alt<(operand: Expr) => Expr>([
                  {
                    GATE: () => queryAhead((n) => $.la(n), 1),
                    ALT: () => {
                      const query = $.s(r.query);
                      return $.act(() => (operand: Expr) => ({ kind: 'inSubquery', operand, query, negated, span: { start: operand.span.start, end: $.span($.la(0)).end } }));
                    },
                  },
                  {
                    ALT: () => {
                      const list = $.sep1(T.Comma, () => $.s(r.expression));
                      return $.act(() => (operand: Expr) => ({ kind: 'inList', operand, list, negated, span: { start: operand.span.start, end: operand.span.end } }));
                    },
                  },
                ], 3);
                const close = $.c(T.RParen);
                return $.act(() => (operand: Expr) => {
                  const e = built(operand);
                  return { ...e, span: { start: operand.span.start, end: $.span(close).end } };
                });
              },
            },
            {
              ALT: () => {
                const opTok = $.alt([{ ALT: () => $.c(K.LIKE) }, { ALT: () => $.c(K.ILIKE) }], 4);
                const op = $.act(() => (is(opTok, K.LIKE) ? 'LIKE' : 'ILIKE') as 'LIKE' | 'ILIKE');
                return $.alt<PredicateBuilder>([
                  {
                    ALT: () => {
                      const q = $.alt([{ ALT: () => $.c(K.ANY) }, { ALT: () => $.c(K.SOME) }, { ALT: () => $.c(K.ALL) }], 6);
                      $.c(T.LParen, 1);
                      const patterns = $.sep0(T.Comma, () => $.s(r.expression, 1), 1);
                      const close = $.c(T.RParen, 1);
                      return $.act(() => {
                        const quantifier = is(q, K.ALL) ? 'ALL' : 'ANY';
                        return (operand: Expr) => ({ kind: 'likeQuantified', op, quantifier, operand, patterns, negated, span: { start: operand.span.start, end: $.span(close).end } });
                      });
                    },
                  },
                  {
                    ALT: () => {
                      const pattern = $.s(r.valueExpr, 3);
                      const esc = $.opt(() => {
                        $.c(K.ESCAPE);
                        return $.s(r.stringValue);
                      }, 2);
                      return $.act(() => {
                        const end = $.span($.la(0)).end;
                        return (operand: Expr) =>
                          esc !== undefined
                            ? { kind: 'like', op, operand, pattern, escape: esc, negated, span: { start: operand.span.start, end } }
                            : { kind: 'like', op, operand, pattern, negated, span: { start: operand.span.start, end } };
                      });
                    },
                  },
                ], 5);
              },
            },
            {
              ALT: () => {
                $.alt([{ ALT: () => $.c(K.RLIKE) }, { ALT: () => $.c(K.REGEXP) }], 7);
                const pattern = $.s(r.valueExpr, 4);
                return $.act(() => (operand: Expr) => ({ kind: 'like', op: 'RLIKE', operand, pattern, negated, span: { start: operand.span.start, end: pattern.span.end } }));
              },
            },
          ], 2);
        },
      },
    ]);
  });
}
