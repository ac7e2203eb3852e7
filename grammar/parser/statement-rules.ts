import type { IToken, TokenType } from 'chevrotain';
import { unsupported } from '../../src/common/errors.js';
import type { ColumnRef, Expr } from '../ast/expressions.js';
import type { ObjectName, Property } from '../ast/node.js';
import type { Statement, Assignment } from '../ast/statements.js';
import { tokenStart } from '../lex.js';
import * as T from '../tokens.js';
import { kw } from '../tokens.js';
import type { ParserBase } from './parser-base.js';
import type { Rules } from './rules.js';
import { is, isAliasCandidate, queryAhead } from './lookahead.js';
import { isStringTok } from './expr-rules.js';

const k = kw;
const INSERT_OR_QUERY = new Set([k('INSERT'), k('SELECT'), k('VALUES'), k('TABLE'), k('FROM')]);

/** The first token at parenthesis depth 0 whose type is in `types` (scanning from LA(1)). */
function firstTopLevel(la: (n: number) => IToken, types: ReadonlySet<TokenType>): TokenType | undefined {
  let depth = 0;
  for (let i = 1; i < 100_000; i++) {
    const t = la(i);
    if (t.tokenType.name === 'EOF') return undefined;
    if (is(t, T.LParen)) depth++;
    else if (is(t, T.RParen)) depth--;
    else if (depth === 0 && types.has(t.tokenType)) return t.tokenType;
  }
  return undefined;
}

type Mutable<X> = { -readonly [P in keyof X]?: X[P] };

export function defineStatementRules($: ParserBase, r: Rules): void {
  r.singleStatement = $.rule('singleStatement', () => {
    const s = $.s(r.statement);
    $.opt(() => $.c(T.Semicolon));
    return s;
  });
  r.singleExpression = $.rule('singleExpression', () => $.s(r.expression));
  r.singleDataType = $.rule('singleDataType', () => $.s(r.dataType));

  r.statement = $.rule('statement', (): Statement =>
    $.alt<Statement>([
      {
        // WITH … INSERT INTO …: the CTEs belong to the inserted query.
        GATE: () => is($.la(1), k('WITH')) && firstTopLevel((n) => $.la(n), INSERT_OR_QUERY) === k('INSERT'),
        ALT: () => {
          const start = $.la(1);
          const w = $.s(r.withClause);
          const ins = $.s(r.insertStatement);
          return $.act((): Statement => {
            if (ins.kind !== 'insert') return ins;
            const inner = ins.source.with;
            const merged = inner ? { ...w, ctes: [...w.ctes, ...inner.ctes], recursive: w.recursive || inner.recursive } : w;
            return { ...ins, source: { ...ins.source, with: merged }, span: $.span(start) };
          });
        },
      },
      { GATE: () => queryAhead((n) => $.la(n), 1) || is($.la(1), T.LParen), ALT: () => $.s(r.query) },
      { ALT: () => $.s(r.createStatement) },
      { ALT: () => $.s(r.dropStatement) },
      { ALT: () => $.s(r.insertStatement) },
      { ALT: () => $.s(r.updateStatement) },
      { ALT: () => $.s(r.deleteStatement) },
      { ALT: () => $.s(r.mergeStatement) },
      { ALT: () => $.s(r.describeStatement) },
      { ALT: () => $.s(r.showStatement) },
      { ALT: () => $.s(r.alterStatement) },
      { ALT: () => $.s(r.deltaStatement) },
      { ALT: () => $.s(r.miscStatement) },
    ]),
  );

  r.tableTarget = $.rule('tableTarget', (): ObjectName =>
    $.alt<ObjectName>([
      {
        ALT: () => {
          const t = $.la(1);
          const path = $.s(r.stringValue);
          return $.act(() => ({ kind: 'objectName', parts: ['delta', path], quoted: [false, true], span: $.span(t) }));
        },
      },
      { ALT: () => $.s(r.objectName) },
    ]),
  );

  r.properties = $.rule('properties', (): Property[] => {
    $.c(T.LParen);
    const props = $.sep0(T.Comma, () => $.s(r.property));
    $.c(T.RParen);
    return props;
  });

  r.property = $.rule('property', (): Property => {
    const start = $.la(1);
    const key = $.alt<string>([
      { ALT: () => $.s(r.stringValue) },
      {
        ALT: () => {
          const name = $.s(r.objectName);
          return $.act(() => name.parts.join('.'));
        },
      },
    ]);
    const value = $.opt(() => {
      $.opt(() => $.c(T.Eq), 1);
      return $.s(r.propertyValue);
    }, 0, () => !is($.la(1), T.Comma) && !is($.la(1), T.RParen));
    return $.act(() => (value !== undefined ? { kind: 'property', key, value, span: $.span(start) } : { kind: 'property', key, span: $.span(start) }));
  });

  r.propertyValue = $.rule('propertyValue', (): string =>
    $.alt<string>([
      { ALT: () => $.s(r.stringValue) },
      {
        ALT: () => {
          const minus = $.opt(() => $.c(T.Minus));
          const t = $.c(T.NumberLit);
          return $.act(() => (minus ? `-${t.image}` : t.image));
        },
      },
      { ALT: () => ($.c(k('TRUE')), 'true') },
      { ALT: () => ($.c(k('FALSE')), 'false') },
      {
        ALT: () => {
          const t = $.c(T.Ident);
          return $.act(() => t.image);
        },
      },
    ]),
  );

  r.columnPath = $.rule('columnPath', (): Expr => {
    const start = $.la(1);
    const parts = $.sep1(T.Dot, () => $.s(r.identifier));
    return $.act((): ColumnRef => ({ kind: 'column', parts: parts.map((p) => p.name), quoted: parts.map((p) => p.quoted), span: $.span(start) }));
  });

  r.assignment = $.rule('assignment', (): Assignment => {
    const target = $.s(r.columnPath) as ColumnRef;
    $.c(T.Eq);
    const value = $.s(r.expression);
    return $.act(() => ({ kind: 'assignment', target, value, span: { start: target.span.start, end: value.span.end } }));
  });

  r.dropStatement = $.rule('dropStatement', (): Statement => {
    const start = $.c(k('DROP'));
    return $.alt<Statement>([
      {
        ALT: () => {
          const view = $.alt([{ ALT: () => ($.c(k('TABLE')), false) }, { ALT: () => ($.c(k('VIEW')), true) }], 1);
          const ifExists = $.opt(() => ($.c(k('IF')), $.c(k('EXISTS')), true)) === true;
          const name = $.s(r.objectName);
          const purge = $.opt(() => $.c(k('PURGE')), 1) !== undefined;
          return $.act((): Statement => (view ? { kind: 'dropView', ifExists, name, span: $.span(start) } : { kind: 'dropTable', ifExists, name, purge, span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          $.alt([{ ALT: () => $.c(k('DATABASE')) }, { ALT: () => $.c(k('SCHEMA')) }], 2);
          const ifExists = $.opt(() => ($.c(k('IF'), 1), $.c(k('EXISTS'), 1), true), 2) === true;
          const name = $.s(r.objectName, 1);
          const mode = $.opt(() => $.alt([{ ALT: () => ($.c(k('CASCADE')), true) }, { ALT: () => ($.c(k('RESTRICT')), false) }], 3), 3);
          return $.act((): Statement => ({ kind: 'dropSchema', ifExists, name, cascade: mode === true, span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          const t = $.alt([{ ALT: () => $.c(k('INDEX')) }, { ALT: () => $.c(k('TRIGGER')) }, { ALT: () => $.c(k('FUNCTION')) }], 4);
          return $.act(() => unsupported(`DROP ${t.image.toUpperCase()}`, { position: tokenStart(t) }));
        },
      },
    ]);
  });

  r.insertStatement = $.rule('insertStatement', (): Statement => {
    const start = $.c(k('INSERT'));
    const overwrite = $.alt([{ ALT: () => ($.c(k('INTO')), false) }, { ALT: () => ($.c(k('OVERWRITE')), true) }]);
    $.opt(() => $.c(k('TABLE')));
    const table = $.s(r.objectName);
    const partition = $.opt(() => {
      $.c(k('PARTITION'));
      $.c(T.LParen);
      const items = $.sep1(T.Comma, () => {
        const column = $.s(r.identifier);
        const value = $.opt(() => ($.c(T.Eq), $.s(r.expression)), 2);
        return $.act(() => (value ? { column, value } : { column }));
      });
      $.c(T.RParen);
      return items;
    }, 1);
    const columns = $.opt(() => $.s(r.identList), 3, () => is($.la(1), T.LParen) && !queryAhead((n) => $.la(n), 2));
    const byName = $.opt(() => ($.c(k('BY')), $.c(k('NAME')), true), 4);
    const replaceWhere = $.opt(() => ($.c(k('REPLACE')), $.c(k('WHERE')), $.s(r.expression, 1)), 5);
    const source = $.s(r.query);
    return $.act((): Statement => {
      const s: Mutable<Extract<Statement, { kind: 'insert' }>> = { kind: 'insert', overwrite, table, source, span: $.span(start) };
      if (partition) s.partition = partition;
      if (columns) s.columns = columns;
      if (byName) s.byName = true;
      if (replaceWhere) s.replaceWhere = replaceWhere;
      return s as Statement;
    });
  });

  r.updateStatement = $.rule('updateStatement', (): Statement => {
    const start = $.c(k('UPDATE'));
    const table = $.s(r.objectName);
    const alias = $.opt(() => ($.opt(() => $.c(k('AS')), 1), $.s(r.identifier)), 0, () => is($.la(1), k('AS')) || isAliasCandidate($.la(1)));
    $.c(k('SET'));
    const assignments = $.sep1(T.Comma, () => $.s(r.assignment));
    const where = $.opt(() => ($.c(k('WHERE')), $.s(r.expression)), 2);
    return $.act((): Statement => ({ kind: 'update', table, assignments, ...(alias ? { alias } : {}), ...(where ? { where } : {}), span: $.span(start) }));
  });

  r.deleteStatement = $.rule('deleteStatement', (): Statement => {
    const start = $.c(k('DELETE'));
    $.c(k('FROM'));
    const table = $.s(r.objectName);
    const alias = $.opt(() => ($.opt(() => $.c(k('AS')), 1), $.s(r.identifier)), 0, () => is($.la(1), k('AS')) || isAliasCandidate($.la(1)));
    const where = $.opt(() => ($.c(k('WHERE')), $.s(r.expression)), 2);
    return $.act((): Statement => ({ kind: 'delete', table, ...(alias ? { alias } : {}), ...(where ? { where } : {}), span: $.span(start) }));
  });

  r.miscStatement = $.rule('miscStatement', (): Statement => {
    const start = $.la(1);
    return $.alt<Statement>([
      {
        ALT: () => {
          $.c(k('EXPLAIN'));
          const mode = $.opt(() =>
            $.alt([
              { ALT: () => $.c(k('EXTENDED')) },
              { ALT: () => $.c(k('FORMATTED')) },
              { ALT: () => $.c(k('CODEGEN')) },
              { ALT: () => $.c(k('COST')) },
              { ALT: () => $.c(k('ANALYZE')) },
            ], 1),
          0, () => !is($.la(2), T.Dot));
          const statement = $.s(r.statement);
          return $.act((): Statement => ({
            kind: 'explain',
            mode: mode ? (mode.image.toLowerCase() as 'extended') : 'simple',
            statement,
            span: $.span(start),
          }));
        },
      },
      {
        ALT: () => {
          $.c(k('USE'));
          const target = $.opt(() => $.alt([
            { ALT: () => ($.c(k('DATABASE')), 'namespace' as const) },
            { ALT: () => ($.c(k('SCHEMA')), 'namespace' as const) },
            { ALT: () => ($.c(k('NAMESPACE')), 'namespace' as const) },
            { ALT: () => ($.c(k('CATALOG')), 'catalog' as const) },
          ], 2), 1, () => is($.la(2), T.Ident));
          const name = $.s(r.objectName);
          return $.act((): Statement => ({ kind: 'use', target: target ?? 'namespace', name, span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          $.c(k('CACHE'));
          const lazy = $.opt(() => $.c(k('LAZY')), 2) !== undefined;
          $.c(k('TABLE'));
          const table = $.s(r.objectName, 1);
          $.opt(() => ($.c(k('OPTIONS')), $.s(r.properties)), 3);
          const query = $.opt(() => ($.opt(() => $.c(k('AS')), 5), $.s(r.query)), 4, () => is($.la(1), k('AS')) || queryAhead((n) => $.la(n), 1));
          return $.act((): Statement => ({ kind: 'cacheTable', lazy, table, ...(query ? { query } : {}), span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          $.c(k('UNCACHE'));
          $.c(k('TABLE'), 1);
          const ifExists = $.opt(() => ($.c(k('IF')), $.c(k('EXISTS')), true), 6) === true;
          const table = $.s(r.objectName, 2);
          return $.act((): Statement => ({ kind: 'uncacheTable', ifExists, table, span: $.span(start) }));
        },
      },
    ]);
  });
}

export { isStringTok };
