import type { IToken } from 'chevrotain';
import type { BinaryOperator, Expr } from '../ast/expressions.js';
import type { IntervalUnit, NumberLiteral, NumberSuffix } from '../ast/literals.js';
import { tokenStart } from '../lex.js';
import * as T from '../tokens.js';
import { kw } from '../tokens.js';
import { foldBinary } from '../to-ast/operators.js';
import type { Alt, ParserBase } from './parser-base.js';
import type { Rules, Suffix } from './rules.js';
import { is } from './lookahead.js';

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
}

export { K as EXPR_KEYWORDS, isStringTok };

