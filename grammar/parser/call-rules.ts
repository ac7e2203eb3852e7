import type { IToken } from 'chevrotain';
import type { Expr, FunctionCall, SortItem, WhenClause, WindowRef, WindowSpec } from '../ast/expressions.js';
import type { IntervalPart } from '../ast/literals.js';
import { tokenStart } from '../lex.js';
import * as T from '../tokens.js';
import { stringTokenValue, identTokenText } from '../to-ast/strings.js';
import type { ParserBase } from './parser-base.js';
import type { Rules } from './rules.js';
import { is, wordInParens } from './lookahead.js';
import { EXPR_KEYWORDS as K, intervalUnitOf, isStringTok } from './expr-rules.js';
import { DeltaSqlError } from '../../src/common/errors.js';


export function defineCallRules($: ParserBase, r: Rules): void {
  r.identifier = $.rule('identifier', () => {
    const t = $.c(T.Ident);
    return $.act(() => ({ kind: 'identifier' as const, ...identTokenText(t), span: $.span(t) }));
  });

  r.objectName = $.rule('objectName', () => {
    const start = $.la(1);
    const parts = $.sep1(T.Dot, () => $.s(r.identifier));
    return $.act(() => ({ kind: 'objectName' as const, parts: parts.map((p) => p.name), quoted: parts.map((p) => p.quoted), span: $.span(start) }));
  });

  r.identList = $.rule('identList', () => {
    $.c(T.LParen);
    const ids = $.sep1(T.Comma, () => $.s(r.identifier));
    $.c(T.RParen);
    return ids;
  });

  r.stringValue = $.rule('stringValue', () => {
    const t = $.alt([{ ALT: () => $.c(T.StringLit) }, { ALT: () => $.c(T.DQStringLit) }, { ALT: () => $.c(T.RawStringLit) }]);
    return $.act(() => stringTokenValue(t));
  });

  r.nameOrCall = $.rule('nameOrCall', (): Expr => {
    const start = $.la(1);
    const parts = [$.s(r.identifier)];
    let star: IToken | undefined;
    $.rep(() => {
      $.c(T.Dot);
      $.alt([{ ALT: () => void (star = $.c(T.Star)) }, { ALT: () => void parts.push($.s(r.identifier, 1)) }]);
    }, 0, () => star === undefined);
    const call = $.opt(() => {
      $.c(T.LParen);
      const distinct = $.opt(() => $.alt([{ ALT: () => ($.c(K.DISTINCT), true) }, { ALT: () => ($.c(K.ALL), false) }], 1), 7);
      const args = $.sep0(T.Comma, () => $.s(r.functionArg));
      const innerOrder = $.opt(() => {
        $.c(K.ORDER);
        $.c(K.BY);
        return $.sep1(T.Comma, () => $.s(r.sortItem), 1);
      }, 1);
      const innerNulls = $.opt(() => {
        const t = $.alt([{ ALT: () => $.c(K.IGNORE) }, { ALT: () => $.c(K.RESPECT) }], 2);
        $.c(K.NULLS);
        return t;
      }, 2);
      $.c(T.RParen);
      const within = $.opt(() => {
        $.c(K.WITHIN);
        $.c(K.GROUP);
        $.c(T.LParen, 1);
        $.c(K.ORDER, 1);
        $.c(K.BY, 1);
        const items = $.sep1(T.Comma, () => $.s(r.sortItem, 2), 2);
        $.c(T.RParen, 1);
        return items;
      }, 3);
      const filter = $.opt(() => {
        $.c(K.FILTER);
        $.c(T.LParen, 2);
        $.c(K.WHERE);
        const e = $.s(r.expression);
        $.c(T.RParen, 2);
        return e;
      }, 4);
      const outerNulls = $.opt(() => {
        const t = $.alt([{ ALT: () => $.c(K.IGNORE, 1) }, { ALT: () => $.c(K.RESPECT, 1) }], 3);
        $.c(K.NULLS, 1);
        return t;
      }, 5);
      const over = $.opt(() => {
        $.c(K.OVER);
        return $.alt<WindowSpec | WindowRef>([
          { ALT: () => $.s(r.windowSpec) },
          {
            ALT: () => {
              const name = $.s(r.identifier, 2);
              return $.act((): WindowRef => ({ kind: 'windowRef', name, span: name.span }));
            },
          },
        ], 4);
      }, 6);
      return $.act(() => {
        const nulls = innerNulls ?? outerNulls;
        const out: { -readonly [K in keyof FunctionCall]?: FunctionCall[K] } = { args, distinct: distinct === true };
        if (filter) out.filter = filter;
        if (within) {
          out.orderBy = within;
          out.withinGroup = true;
        } else if (innerOrder) out.orderBy = innerOrder;
        if (nulls) out.nullTreatment = is(nulls, K.IGNORE) ? 'IGNORE' : 'RESPECT';
        if (over) out.over = over;
        return out;
      });
    });
    return $.act((): Expr => {
      const span = $.span(start);
      if (star) return { kind: 'star', qualifier: parts.map((p) => p.name), span };
      const names = parts.map((p) => p.name);
      const quoted = parts.map((p) => p.quoted);
      if (call) return { kind: 'function', name: names, quoted, ...call, span } as FunctionCall;
      return { kind: 'column', parts: names, quoted, span };
    });
  });

  r.functionArg = $.rule('functionArg', (): Expr =>
    $.alt<Expr>([
      {
        GATE: () => is($.la(2), T.FatArrow),
        ALT: () => {
          const name = $.s(r.identifier);
          $.c(T.FatArrow);
          const value = $.s(r.expression);
          return $.act(() => ({ kind: 'namedArgument', name, value, span: { start: name.span.start, end: value.span.end } }));
        },
      },
      { ALT: () => $.s(r.expression, 1) },
    ]),
  );

  r.sortItem = $.rule('sortItem', (): SortItem => {
    const expr = $.s(r.expression);
    const dir = $.opt(() => $.alt([{ ALT: () => $.c(K.ASC) }, { ALT: () => $.c(K.DESC) }]));
    const nulls = $.opt(() => {
      $.c(K.NULLS);
      return $.alt([{ ALT: () => $.c(K.FIRST) }, { ALT: () => $.c(K.LAST) }], 1);
    }, 1);
    return $.act(() => {
      const span = { start: expr.span.start, end: $.span($.la(0)).end };
      const item: { -readonly [K in keyof SortItem]?: SortItem[K] } = { kind: 'sortItem', expr, span };
      if (dir) item.direction = is(dir, K.ASC) ? 'ASC' : 'DESC';
      if (nulls) item.nulls = is(nulls, K.FIRST) ? 'FIRST' : 'LAST';
      return item as SortItem;
    });
  });

  r.caseExpr = $.rule('caseExpr', (): Expr => {
    const start = $.c(K.CASE);
    const operand = $.opt(() => $.s(r.expression));
    const whens: WhenClause[] = [];
    $.rep1(() => {
      const w = $.c(K.WHEN);
      const condition = $.s(r.expression, 1);
      $.c(K.THEN);
      const result = $.s(r.expression, 2);
      $.act(() => whens.push({ kind: 'when', condition, result, span: $.span(w) }));
    });
    const otherwise = $.opt(() => {
      $.c(K.ELSE);
      return $.s(r.expression, 3);
    }, 1);
    $.c(K.END);
    return $.act((): Expr => {
      const span = $.span(start);
      const base = { kind: 'case' as const, whens, span };
      return { ...base, ...(operand ? { operand } : {}), ...(otherwise ? { else: otherwise } : {}) };
    });
  });

  r.specialCall = $.rule('specialCall', (): Expr => {
    const start = $.la(1);
    return $.alt<Expr>([
      {
        ALT: () => {
          const t = $.alt([{ ALT: () => $.c(K.CAST) }, { ALT: () => $.c(K.TRY_CAST) }], 1);
          $.c(T.LParen);
          const expr = $.s(r.expression);
          $.c(K.AS);
          const type = $.s(r.dataType);
          $.c(T.RParen);
          return $.act(() => ({ kind: 'cast', expr, type, tryCast: is(t, K.TRY_CAST), syntax: 'function', span: $.span(start) }));
        },
      },
      {
        GATE: () => is($.la(4), K.FROM),
        ALT: () => {
          $.c(K.EXTRACT);
          $.c(T.LParen, 1);
          const field = $.s(r.identifier);
          $.c(K.FROM);
          const source = $.s(r.expression, 1);
          $.c(T.RParen, 1);
          return $.act(() => ({ kind: 'extract', field: field.name.toUpperCase(), source, span: $.span(start) }));
        },
      },
      {
        GATE: () => wordInParens((n) => $.la(n), 2, K.FROM),
        ALT: () => {
          $.c(K.TRIM);
          $.c(T.LParen, 2);
          const mode = $.opt(() => $.alt([{ ALT: () => $.c(K.BOTH) }, { ALT: () => $.c(K.LEADING) }, { ALT: () => $.c(K.TRAILING) }], 2));
          const chars = $.opt(() => $.s(r.expression, 2), 1);
          $.c(K.FROM, 1);
          const source = $.s(r.expression, 3);
          $.c(T.RParen, 2);
          return $.act((): Expr => {
            const m = mode ? (mode.image.toUpperCase() as 'BOTH' | 'LEADING' | 'TRAILING') : 'BOTH';
            return chars ? { kind: 'trim', mode: m, chars, source, span: $.span(start) } : { kind: 'trim', mode: m, source, span: $.span(start) };
          });
        },
      },
      {
        GATE: () => wordInParens((n) => $.la(n), 2, K.IN),
        ALT: () => {
          const name = $.c(K.POSITION);
          $.c(T.LParen, 3);
          const sub = $.s(r.valueExpr);
          $.c(K.IN);
          const str = $.s(r.valueExpr, 1);
          $.c(T.RParen, 3);
          return $.act(() => call(name, [sub, str], $.span(start)));
        },
      },
      {
        GATE: () => wordInParens((n) => $.la(n), 2, K.FROM),
        ALT: () => {
          const name = $.alt([{ ALT: () => $.c(K.SUBSTRING) }, { ALT: () => $.c(K.SUBSTR) }], 3);
          $.c(T.LParen, 4);
          const str = $.s(r.expression, 4);
          $.c(K.FROM, 2);
          const pos = $.s(r.expression, 5);
          const len = $.opt(() => {
            $.c(K.FOR);
            return $.s(r.expression, 6);
          }, 2);
          $.c(T.RParen, 4);
          return $.act(() => call(name, len ? [str, pos, len] : [str, pos], $.span(start)));
        },
      },
    ]);
  });

  r.intervalLiteral = $.rule('intervalLiteral', () => {
    const start = $.c(K.INTERVAL);
    const parts: IntervalPart[] = [];
    const partAhead = (): boolean => {
      let i = 1;
      if (is($.la(i), T.Minus) || is($.la(i), T.Plus)) i++;
      const v = $.la(i);
      if (!(isStringTok(v) || is(v, T.NumberLit))) return false;
      return parts.length === 0 || intervalUnitOf($.la(i + 1)) !== undefined;
    };
    $.rep1(() => {
      const sign = $.opt(() => $.alt([{ ALT: () => $.c(T.Minus) }, { ALT: () => $.c(T.Plus) }]));
      const v = $.alt([
        { ALT: () => $.c(T.NumberLit) },
        { ALT: () => $.c(T.StringLit) },
        { ALT: () => $.c(T.DQStringLit) },
        { ALT: () => $.c(T.RawStringLit) },
      ], 1);
      const unit = $.opt(() => $.c(T.Ident), 1, () => intervalUnitOf($.la(1)) !== undefined);
      const toUnit = $.opt(() => {
        $.c(K.TO);
        return $.c(T.Ident, 1);
      }, 2, () => unit !== undefined && is($.la(1), K.TO) && intervalUnitOf($.la(2)) !== undefined);
      $.act(() => {
        const quoted = !is(v, T.NumberLit);
        const part: { -readonly [K in keyof IntervalPart]?: IntervalPart[K] } = {
          value: quoted ? stringTokenValue(v) : v.image,
          quoted,
          negative: sign !== undefined && is(sign, T.Minus),
        };
        const u = unit ? intervalUnitOf(unit) : undefined;
        if (u) part.unit = u;
        const tu = toUnit ? intervalUnitOf(toUnit) : undefined;
        if (tu) part.toUnit = tu;
        if (!u && (!quoted || parts.length > 0)) {
          throw new DeltaSqlError('SYNTAX_ERROR', `Expected an interval unit (DAY, HOUR, …) after ${v.image} at line ${v.startLine}, column ${v.startColumn}`, { position: tokenStart(v) });
        }
        parts.push(part as IntervalPart);
      });
    }, 0, partAhead);
    return $.act(() => ({ kind: 'interval' as const, parts, span: $.span(start) }));
  });
}

function call(nameTok: IToken, args: Expr[], span: FunctionCall['span']): FunctionCall {
  return { kind: 'function', name: [nameTok.image.toLowerCase()], quoted: [false], args, distinct: false, span };
}
