import type { IToken } from 'chevrotain';
import { DeltaSqlError } from '../../src/common/errors.js';
import type { BinaryOperator, Expr, FrameBound, SortItem, WhenClause } from '../ast/expressions.js';
import type { Identifier } from '../ast/node.js';
import type { IntervalPart, IntervalUnit, NumberLiteral, NumberSuffix } from '../ast/literals.js';
import { tokenStart } from '../lex.js';
import * as T from '../tokens.js';
import { kw } from '../tokens.js';
import { foldBinary } from '../to-ast/operators.js';
import { stringTokenValue } from '../to-ast/strings.js';
import type { Alt, ParserBase } from './parser-base.js';
import type { PredicateBuilder, Rules, Suffix } from './rules.js';
import { is, parenLambdaAhead, queryAhead, wordInParens } from './lookahead.js';

const K = {
  AND: kw('AND'), OR: kw('OR'), NOT: kw('NOT'), BETWEEN: kw('BETWEEN'), IN: kw('IN'), LIKE: kw('LIKE'),
  ILIKE: kw('ILIKE'), RLIKE: kw('RLIKE'), REGEXP: kw('REGEXP'), ESCAPE: kw('ESCAPE'), IS: kw('IS'),
  NULL: kw('NULL'), TRUE: kw('TRUE'), FALSE: kw('FALSE'), UNKNOWN: kw('UNKNOWN'), DISTINCT: kw('DISTINCT'),
  FROM: kw('FROM'), ANY: kw('ANY'), SOME: kw('SOME'), ALL: kw('ALL'), DIV: kw('DIV'), CASE: kw('CASE'),
  WHEN: kw('WHEN'), THEN: kw('THEN'), ELSE: kw('ELSE'), END: kw('END'), CAST: kw('CAST'),
  TRY_CAST: kw('TRY_CAST'), AS: kw('AS'), EXTRACT: kw('EXTRACT'), TRIM: kw('TRIM'), BOTH: kw('BOTH'),
  LEADING: kw('LEADING'), TRAILING: kw('TRAILING'), POSITION: kw('POSITION'), SUBSTRING: kw('SUBSTRING'),
  SUBSTR: kw('SUBSTR'), FOR: kw('FOR'), EXISTS: kw('EXISTS'), DATE: kw('DATE'), TIMESTAMP: kw('TIMESTAMP'),
  TIMESTAMP_NTZ: kw('TIMESTAMP_NTZ'), TIMESTAMP_LTZ: kw('TIMESTAMP_LTZ'), INTERVAL: kw('INTERVAL'),
  TO: kw('TO'), CURRENT_DATE: kw('CURRENT_DATE'), CURRENT_TIMESTAMP: kw('CURRENT_TIMESTAMP'),
  CURRENT_USER: kw('CURRENT_USER'), ORDER: kw('ORDER'), BY: kw('BY'), WITHIN: kw('WITHIN'),
  GROUP: kw('GROUP'), FILTER: kw('FILTER'), WHERE: kw('WHERE'), IGNORE: kw('IGNORE'),
  RESPECT: kw('RESPECT'), NULLS: kw('NULLS'), OVER: kw('OVER'), ASC: kw('ASC'), DESC: kw('DESC'),
  FIRST: kw('FIRST'), LAST: kw('LAST'), PARTITION: kw('PARTITION'), DISTRIBUTE: kw('DISTRIBUTE'),
  SORT: kw('SORT'), ROWS: kw('ROWS'), RANGE: kw('RANGE'), UNBOUNDED: kw('UNBOUNDED'),
  PRECEDING: kw('PRECEDING'), FOLLOWING: kw('FOLLOWING'), CURRENT: kw('CURRENT'), ROW: kw('ROW'),
  CLUSTER: kw('CLUSTER'),
};

const INTERVAL_UNITS: Readonly<Record<string, IntervalUnit>> = {
  YEAR: 'year', YEARS: 'year', MONTH: 'month', MONTHS: 'month', WEEK: 'week', WEEKS: 'week', DAY: 'day',
  DAYS: 'day', HOUR: 'hour', HOURS: 'hour', MINUTE: 'minute', MINUTES: 'minute', SECOND: 'second',
  SECONDS: 'second', MILLISECOND: 'millisecond', MILLISECONDS: 'millisecond', MICROSECOND: 'microsecond',
  MICROSECONDS: 'microsecond',
};

export function intervalUnitOf(t: IToken): IntervalUnit | undefined {
  return is(t, T.Ident) && t.tokenType !== T.BackquotedIdent ? INTERVAL_UNITS[t.image.toUpperCase()] : undefined;
}

const isStringTok = (t: IToken): boolean => is(t, T.StringLit) || is(t, T.DQStringLit) || is(t, T.RawStringLit);

export function numberLiteral(t: IToken, negative: boolean, span: NumberLiteral['span']): NumberLiteral {
  const m = /^(.*?)(bd|[lsydf])?$/i.exec(t.image);
  const body = m?.[1] ?? t.image;
  const suffix = m?.[2]?.toUpperCase() as NumberSuffix | undefined;
  const text = negative ? `-${body}` : body;
  return suffix ? { kind: 'number', text, suffix, span } : { kind: 'number', text, span };
}

export function defineExprRules($: ParserBase, r: Rules): void {
  r.expression = $.rule('expression', (): Expr => {
    const first = $.s(r.predicated);
    const ops: BinaryOperator[] = [];
    const rest: Expr[] = [];
    $.rep(() => {
      ops.push($.alt<BinaryOperator>([{ ALT: () => ($.c(K.AND), 'AND') }, { ALT: () => ($.c(K.OR), 'OR') }]));
      rest.push($.s(r.predicated, 1));
    });
    return $.act(() => foldBinary(first, ops, rest));
  });

  r.predicated = $.rule('predicated', (): Expr => {
    const nots: IToken[] = [];
    $.rep(() => nots.push($.alt([{ ALT: () => $.c(K.NOT) }, { ALT: () => $.c(T.Bang) }])));
    const value = $.s(r.valueExpr);
    const pred = $.opt(() => $.s(r.predicateSuffix));
    return $.act(() => {
      let e = pred ? pred(value) : value;
      for (let i = nots.length - 1; i >= 0; i--) {
        const n = nots[i] as IToken;
        e = { kind: 'unaryOp', op: 'NOT', operand: e, span: { start: tokenStart(n), end: e.span.end } };
      }
      return e;
    });
  });

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

  r.valueExpr = $.rule('valueExpr', (): Expr => {
    const first = $.s(r.operand);
    const ops: BinaryOperator[] = [];
    const rest: Expr[] = [];
    $.rep(() => {
      ops.push($.s(r.binaryOperator));
      rest.push($.s(r.operand, 1));
    });
    return $.act(() => foldBinary(first, ops, rest));
  });

  const adjacent = (): boolean => $.la(1).startOffset === ($.la(0).endOffset ?? -2) + 1;
  // Built once: these alternatives capture nothing per call.
  const binaryOperatorAlts: Alt<BinaryOperator>[] = [
      { ALT: () => ($.c(T.Star), '*') },
      { ALT: () => ($.c(T.Slash), '/') },
      { ALT: () => ($.c(T.Percent), '%') },
      { ALT: () => ($.c(K.DIV), 'DIV') },
      { ALT: () => ($.c(T.Plus), '+') },
      { ALT: () => ($.c(T.Minus), '-') },
      { ALT: () => ($.c(T.Concat), '||') },
      { ALT: () => ($.c(T.Amp), '&') },
      { ALT: () => ($.c(T.Caret), '^') },
      { ALT: () => ($.c(T.Pipe), '|') },
      { ALT: () => ($.c(T.Eq), '=') },
      { ALT: () => ($.c(T.EqEq), '=') },
      { ALT: () => ($.c(T.NotEq), '<>') },
      { ALT: () => ($.c(T.BangEq), '<>') },
      { ALT: () => ($.c(T.Le), '<=') },
      { ALT: () => ($.c(T.Ge), '>=') },
      { ALT: () => ($.c(T.NullSafeEq), '<=>') },
      {
        ALT: () => {
          $.c(T.Lt);
          const shift = $.opt(() => $.c(T.Lt, 1), 0, adjacent);
          return shift ? '<<' : '<';
        },
      },
      {
        ALT: () => {
          $.c(T.Gt);
          const second = $.opt(() => $.c(T.Gt, 1), 1, adjacent);
          const third = $.opt(() => $.c(T.Gt, 2), 2, () => second !== undefined && adjacent());
          return third ? '>>>' : second ? '>>' : '>';
        },
      },
  ];
  r.binaryOperator = $.rule('binaryOperator', (): BinaryOperator => $.alt<BinaryOperator>(binaryOperatorAlts));

  r.operand = $.rule('operand', (): Expr => {
    const prefix: IToken[] = [];
    $.rep(() => prefix.push($.alt([{ ALT: () => $.c(T.Minus) }, { ALT: () => $.c(T.Plus) }, { ALT: () => $.c(T.Tilde) }])));
    const base = $.s(r.primary);
    const suffixes: Suffix[] = [];
    $.rep(() => {
      suffixes.push(
        $.alt<Suffix>([
          {
            ALT: () => {
              $.c(T.LBracket);
              const index = $.s(r.expression);
              const close = $.c(T.RBracket);
              return $.act(() => {
                const end = $.span(close).end;
                return (b: Expr) => ({ kind: 'subscript', base: b, index, span: { start: b.span.start, end } });
              });
            },
          },
          {
            ALT: () => {
              $.c(T.Dot);
              const field = $.s(r.identifier);
              return $.act(() => (b: Expr) => ({ kind: 'fieldAccess', base: b, field, span: { start: b.span.start, end: field.span.end } }));
            },
          },
          {
            ALT: () => {
              $.c(T.DoubleColon);
              const type = $.s(r.dataType);
              return $.act(() => (b: Expr) => ({ kind: 'cast', expr: b, type, tryCast: false, syntax: 'colons', span: { start: b.span.start, end: type.span.end } }));
            },
          },
        ], 1),
      );
    }, 1);
    return $.act(() => {
      let e = base;
      let pre = prefix.length;
      const last = prefix[pre - 1];
      if (last && is(last, T.Minus) && e.kind === 'number' && !e.text.startsWith('-')) {
        e = { ...e, text: `-${e.text}`, span: { start: tokenStart(last), end: e.span.end } };
        pre--;
      }
      for (const s of suffixes) e = s(e);
      for (let i = pre - 1; i >= 0; i--) {
        const p = prefix[i] as IToken;
        const op = is(p, T.Minus) ? '-' : is(p, T.Plus) ? '+' : '~';
        e = { kind: 'unaryOp', op, operand: e, span: { start: tokenStart(p), end: e.span.end } };
      }
      return e;
    });
  });

  r.primary = $.rule('primary', (): Expr => {
    const start = $.la(1);
    return $.alt<Expr>([
      {
        ALT: () => {
          const t = $.c(T.NumberLit);
          return $.act(() => numberLiteral(t, false, $.span(t)));
        },
      },
      {
        ALT: () => {
          const parts: string[] = [];
          $.rep1(() => parts.push($.s(r.stringValue)));
          return $.act(() => ({ kind: 'string', value: parts.join(''), span: $.span(start) }));
        },
      },
      { ALT: () => ($.c(K.TRUE), $.act(() => ({ kind: 'boolean', value: true, span: $.span(start) }))) },
      { ALT: () => ($.c(K.FALSE), $.act(() => ({ kind: 'boolean', value: false, span: $.span(start) }))) },
      { ALT: () => ($.c(K.NULL), $.act(() => ({ kind: 'null', span: $.span(start) }))) },
      {
        ALT: () => {
          const t = $.c(T.HexLit);
          return $.act(() => {
            const hex = t.image.slice(2, -1);
            if (!/^[0-9a-fA-F]*$/.test(hex)) {
              throw new DeltaSqlError('SYNTAX_ERROR', `Invalid hexadecimal binary literal ${t.image} at line ${start.startLine}, column ${start.startColumn}`, { position: tokenStart(t) });
            }
            return { kind: 'binaryLiteral', hex, span: $.span(t) };
          });
        },
      },
      {
        GATE: () => isStringTok($.la(2)),
        ALT: () => {
          const typeTok = $.alt([
            { ALT: () => $.c(K.DATE) },
            { ALT: () => $.c(K.TIMESTAMP) },
            { ALT: () => $.c(K.TIMESTAMP_NTZ) },
            { ALT: () => $.c(K.TIMESTAMP_LTZ) },
          ], 1);
          const value = $.s(r.stringValue, 1);
          return $.act(() => ({
            kind: 'typedLiteral',
            type: typeTok.image.toLowerCase() as 'date' | 'timestamp' | 'timestamp_ntz' | 'timestamp_ltz',
            value,
            span: $.span(start),
          }));
        },
      },
      {
        GATE: () => {
          const n = $.la(2);
          return isStringTok(n) || is(n, T.NumberLit) || is(n, T.Minus) || is(n, T.Plus);
        },
        ALT: () => $.s(r.intervalLiteral),
      },
      { ALT: () => $.s(r.caseExpr) },
      { GATE: () => specialCallAhead((n) => $.la(n)), ALT: () => $.s(r.specialCall) },
      {
        ALT: () => {
          $.c(K.EXISTS);
          $.c(T.LParen);
          const query = $.s(r.query);
          $.c(T.RParen);
          return $.act(() => ({ kind: 'exists', query, span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          $.c(T.QMark);
          return $.act(() => ({ kind: 'positionalParameter', ordinal: ++$.paramCount, span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          const t = $.c(T.NamedParam);
          return $.act(() => ({ kind: 'namedParameter', name: t.image.slice(1), span: $.span(start) }));
        },
      },
      { ALT: () => ($.c(T.Star), $.act(() => ({ kind: 'star', span: $.span(start) }))) },
      { GATE: () => parenLambdaAhead((n) => $.la(n)), ALT: () => $.s(r.parenthesized) },
      { GATE: () => is($.la(1), T.LParen), ALT: () => $.s(r.parenthesized, 1) },
      {
        GATE: () => is($.la(2), T.Arrow),
        ALT: () => {
          const p = $.s(r.identifier);
          $.c(T.Arrow);
          const body = $.s(r.expression);
          return $.act(() => ({ kind: 'lambda', params: [p], body, span: $.span(start) }));
        },
      },
      {
        GATE: () => !is($.la(2), T.LParen),
        ALT: () => {
          const t = $.alt([
            { ALT: () => $.c(K.CURRENT_DATE) },
            { ALT: () => $.c(K.CURRENT_TIMESTAMP) },
            { ALT: () => $.c(K.CURRENT_USER) },
          ], 2);
          return $.act(() => ({
            kind: 'function',
            name: [t.image.toLowerCase()],
            quoted: [false],
            args: [],
            distinct: false,
            parenless: true,
            span: $.span(start),
          }));
        },
      },
      { ALT: () => $.s(r.nameOrCall) },
    ]);
  });

  r.parenthesized = $.rule('parenthesized', (): Expr => {
    const start = $.c(T.LParen);
    return $.alt<Expr>([
      {
        GATE: () => parenLambdaAhead((n) => $.la(n - 1)),
        ALT: () => {
          const params = $.sep0(T.Comma, () => $.s(r.identifier));
          $.c(T.RParen);
          $.c(T.Arrow);
          const body = $.s(r.expression);
          return $.act(() => ({ kind: 'lambda', params, body, span: $.span(start) }));
        },
      },
      {
        GATE: () => queryAhead((n) => $.la(n), 1),
        ALT: () => {
          const query = $.s(r.query);
          $.c(T.RParen, 1);
          return $.act(() => ({ kind: 'subquery', query, span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          const entries = $.sep1(T.Comma, () => {
            const e = $.s(r.expression, 1);
            const name = $.opt(() => ($.c(K.AS), $.s(r.identifier)));
            return { e, name };
          }, 1);
          $.c(T.RParen, 2);
          return $.act((): Expr => {
            const items = entries.map((x) => x.e);
            const named = entries.some((x) => x.name !== undefined);
            if (items.length === 1) {
              const only = entries[0] as { e: Expr; name: Identifier | undefined };
              if (only.name) {
                throw new DeltaSqlError('SYNTAX_ERROR', `Unexpected alias '${only.name.name}' in parentheses at line ${only.name.span.start.line}, column ${only.name.span.start.column}`, { position: only.name.span.start });
              }
              return only.e;
            }
            if (!named) return { kind: 'row', items, span: $.span(start) };
            return { kind: 'row', items, aliases: entries.map((x) => x.name ?? null), span: $.span(start) };
          });
        },
      },
    ]);
  });
}

export { K as EXPR_KEYWORDS, isStringTok };

/** CAST(…), EXTRACT(f FROM …), TRIM(… FROM …), POSITION(a IN b), SUBSTRING(s FROM …) at LA(1). */
function specialCallAhead(la: (n: number) => IToken): boolean {
  const t = la(1);
  if (!is(la(2), T.LParen)) return false;
  if (is(t, K.CAST) || is(t, K.TRY_CAST)) return true;
  if (is(t, K.EXTRACT)) return is(la(4), K.FROM);
  if (is(t, K.TRIM) || is(t, K.SUBSTRING) || is(t, K.SUBSTR)) return wordInParens(la, 2, K.FROM);
  if (is(t, K.POSITION)) return wordInParens(la, 2, K.IN);
  return false;
}
export type { FrameBound, SortItem, WhenClause, IntervalPart };
