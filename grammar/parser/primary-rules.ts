import type { IToken } from 'chevrotain';
import { DeltaSqlError } from '../../src/common/errors.js';
import type { Expr, FrameBound, SortItem, WhenClause } from '../ast/expressions.js';
import type { Identifier } from '../ast/node.js';
import type { IntervalPart } from '../ast/literals.js';
import { tokenStart } from '../lex.js';
import * as T from '../tokens.js';
import type { Alt, ParserBase } from './parser-base.js';
import type { Rules } from './rules.js';
import { is, parenLambdaAhead, queryAhead, wordInParens } from './lookahead.js';

import { EXPR_KEYWORDS as K, isStringTok, numberLiteral } from './expr-rules.js';

export function definePrimaryRules($: ParserBase, r: Rules): void {
  // Built once: each alternative reads its own start token, so nothing is captured per call.
  const primaryAlts: Alt<Expr>[] = [
      {
        ALT: () => {
          const t = $.c(T.NumberLit);
          return $.act(() => numberLiteral(t, false, $.span(t)));
        },
      },
      {
        ALT: () => {
          const start = $.la(1);
          const parts: string[] = [];
          $.rep1(() => parts.push($.s(r.stringValue)));
          return $.act(() => ({ kind: 'string', value: parts.join(''), span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          const start = $.la(1);
          $.c(K.TRUE);
          return $.act(() => ({ kind: 'boolean', value: true, span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          const start = $.la(1);
          $.c(K.FALSE);
          return $.act(() => ({ kind: 'boolean', value: false, span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          const start = $.la(1);
          $.c(K.NULL);
          return $.act(() => ({ kind: 'null', span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          const start = $.la(1);
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
          const start = $.la(1);
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
          const start = $.la(1);
          $.c(K.EXISTS);
          $.c(T.LParen);
          const query = $.s(r.query);
          $.c(T.RParen);
          return $.act(() => ({ kind: 'exists', query, span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          const start = $.la(1);
          $.c(T.QMark);
          return $.act(() => ({ kind: 'positionalParameter', ordinal: ++$.paramCount, span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          const start = $.la(1);
          const t = $.c(T.NamedParam);
          return $.act(() => ({ kind: 'namedParameter', name: t.image.slice(1), span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          const start = $.la(1);
          $.c(T.Star);
          return $.act(() => ({ kind: 'star', span: $.span(start) }));
        },
      },
      { GATE: () => parenLambdaAhead((n) => $.la(n)), ALT: () => $.s(r.parenthesized) },
      { GATE: () => is($.la(1), T.LParen), ALT: () => $.s(r.parenthesized, 1) },
      {
        GATE: () => is($.la(2), T.Arrow),
        ALT: () => {
          const start = $.la(1);
          const p = $.s(r.identifier);
          $.c(T.Arrow);
          const body = $.s(r.expression);
          return $.act(() => ({ kind: 'lambda', params: [p], body, span: $.span(start) }));
        },
      },
      {
        GATE: () => !is($.la(2), T.LParen),
        ALT: () => {
          const start = $.la(1);
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
  ];
  r.primary = $.rule('primary', (): Expr => $.alt<Expr>(primaryAlts));

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
