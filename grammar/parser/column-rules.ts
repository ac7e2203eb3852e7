import type { Expr } from '../ast/expressions.js';
import type { ColumnDef, TableConstraint } from '../ast/statements.js';
import * as T from '../tokens.js';
import { kw } from '../tokens.js';
import type { ParserBase } from './parser-base.js';
import type { Rules } from './rules.js';
import { is } from './lookahead.js';

const k = kw;
type Mutable<X> = { -readonly [P in keyof X]?: X[P] };

export function defineColumnRules($: ParserBase, r: Rules): void {
  r.columnDef = $.rule('columnDef', (): ColumnDef => {
    const name = $.s(r.identifier);
    const type = $.opt(() => $.s(r.dataType), 0, () => !is($.la(1), T.Comma) && !is($.la(1), T.RParen) && !is($.la(1), k('COMMENT')));
    const c: Mutable<ColumnDef> = { kind: 'columnDef', name, notNull: false };
    $.rep(() => {
      $.alt([
        {
          ALT: () => {
            $.c(k('NOT'));
            $.c(k('NULL'));
            $.act(() => void (c.notNull = true));
          },
        },
        { ALT: () => void $.c(k('NULL'), 1) },
        {
          ALT: () => {
            $.c(k('COMMENT'));
            const s = $.s(r.stringValue);
            $.act(() => void (c.comment = s));
          },
        },
        {
          ALT: () => {
            $.c(k('DEFAULT'));
            const e = $.s(r.expression);
            $.act(() => void (c.default = e));
          },
        },
        {
          ALT: () => {
            $.c(k('GENERATED'));
            const always = $.alt([{ ALT: () => ($.c(k('ALWAYS')), true) }, { ALT: () => ($.c(k('BY')), $.c(k('DEFAULT'), 1), false) }], 1);
            $.c(k('AS'));
            $.alt([
              {
                ALT: () => {
                  $.c(T.LParen);
                  const e = $.s(r.expression, 1);
                  $.c(T.RParen);
                  $.act(() => void (c.generatedAs = e));
                },
              },
              {
                ALT: () => {
                  $.c(k('IDENTITY'));
                  const opts = $.opt(() => {
                    $.c(T.LParen, 1);
                    const o: { start?: Expr; step?: Expr } = {};
                    $.rep1(() => {
                      $.alt([
                        { ALT: () => ($.c(k('START')), $.c(k('WITH')), void (o.start = $.s(r.expression, 2))) },
                        { ALT: () => ($.c(k('INCREMENT')), $.c(k('BY'), 1), void (o.step = $.s(r.expression, 3))) },
                      ], 3);
                    });
                    $.c(T.RParen, 1);
                    return o;
                  }, 5);
                  $.act(() => void (c.identity = { always, ...(opts ?? {}) }));
                },
              },
            ], 2);
          },
        },
        { ALT: () => ($.c(k('PRIMARY')), $.c(k('KEY')), $.act(() => void (c.primaryKey = true))) },
        { ALT: () => ($.c(k('UNIQUE')), $.act(() => void (c.unique = true))) },
        { ALT: () => ($.c(k('FIRST')), $.act(() => void (c.position = { kind: 'first' }))) },
        {
          ALT: () => {
            $.c(k('AFTER'));
            const col = $.s(r.identifier, 1);
            $.act(() => void (c.position = { kind: 'after', column: col }));
          },
        },
      ]);
    });
    return $.act(() => {
      if (type) c.type = type;
      c.span = { start: name.span.start, end: $.span($.la(0)).end };
      return c as ColumnDef;
    });
  });

  r.tableElement = $.rule('tableElement', (): ColumnDef | TableConstraint => {
    const start = $.la(1);
    return $.alt<ColumnDef | TableConstraint>([
      {
        GATE: () => is($.la(1), k('CONSTRAINT')) || is($.la(1), k('CHECK')) || (is($.la(1), k('PRIMARY')) && is($.la(2), k('KEY'))) || (is($.la(1), k('UNIQUE')) && is($.la(2), T.LParen)),
        ALT: () => {
          const name = $.opt(() => ($.c(k('CONSTRAINT')), $.s(r.identifier)));
          return $.alt<TableConstraint>([
            {
              ALT: () => {
                $.c(k('CHECK'));
                $.c(T.LParen);
                const check = $.s(r.expression);
                $.c(T.RParen);
                return $.act((): TableConstraint => ({ kind: 'tableConstraint', constraint: 'check', check, ...(name ? { name } : {}), span: $.span(start) }));
              },
            },
            {
              ALT: () => {
                const pk = $.alt([{ ALT: () => ($.c(k('PRIMARY')), $.c(k('KEY')), true) }, { ALT: () => ($.c(k('UNIQUE')), false) }], 2);
                const columns = $.s(r.identList);
                return $.act((): TableConstraint => ({ kind: 'tableConstraint', constraint: pk ? 'primaryKey' : 'unique', columns, ...(name ? { name } : {}), span: $.span(start) }));
              },
            },
          ], 1);
        },
      },
      { ALT: () => $.s(r.columnDef) },
    ]);
  });
}
