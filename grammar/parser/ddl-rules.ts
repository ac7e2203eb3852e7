import { unsupported } from '../../src/common/errors.js';
import type { ColumnRef } from '../ast/expressions.js';
import type { Property } from '../ast/node.js';
import type { ColumnDef, CreateTable, Statement, TableConstraint } from '../ast/statements.js';
import type { CloneTable } from '../ast/delta-statements.js';
import type { Query, TimeTravel } from '../ast/queries.js';
import { tokenStart } from '../lex.js';
import * as T from '../tokens.js';
import { kw } from '../tokens.js';
import type { ParserBase } from './parser-base.js';
import type { Rules } from './rules.js';
import { is, queryAhead } from './lookahead.js';

const k = kw;
type Mutable<X> = { -readonly [P in keyof X]?: X[P] };

export function defineDdlRules($: ParserBase, r: Rules): void {
  r.createStatement = $.rule('createStatement', (): Statement => {
    const start = $.la(1);
    const head = $.alt<{ orReplace: boolean; replaceOnly: boolean }>([
      {
        ALT: () => {
          $.c(k('CREATE'));
          const orReplace = $.opt(() => ($.c(k('OR')), $.c(k('REPLACE')), true)) === true;
          return { orReplace, replaceOnly: false };
        },
      },
      { ALT: () => ($.c(k('REPLACE'), 1), { orReplace: true, replaceOnly: true }) },
    ]);
    const global = $.opt(() => $.c(k('GLOBAL')), 1) !== undefined;
    const temporary = $.opt(() => $.alt([{ ALT: () => $.c(k('TEMP')) }, { ALT: () => $.c(k('TEMPORARY')) }], 1), 2) !== undefined;
    const external = $.opt(() => $.c(k('EXTERNAL')), 3) !== undefined;
    return $.alt<Statement>([
      {
        ALT: () => {
          $.c(k('TABLE'));
          const ifNotExists = $.opt(() => ($.c(k('IF')), $.c(k('NOT')), $.c(k('EXISTS')), true), 4) === true;
          const name = $.s(r.objectName);
          return $.alt<Statement>([
            {
              ALT: () => {
                const shallow = $.alt([{ ALT: () => ($.c(k('SHALLOW')), true) }, { ALT: () => ($.c(k('DEEP')), false) }], 10);
                $.c(k('CLONE'));
                const source = $.s(r.tableTarget);
                const timeTravel = $.opt(() => $.s(r.timeTravel), 5);
                const c: Mutable<CloneTable> = { kind: 'cloneTable', orReplace: head.orReplace, ifNotExists, name, shallow, source, tblProperties: [] };
                $.rep(() => {
                  $.alt([
                    { ALT: () => ($.c(k('TBLPROPERTIES')), void (c.tblProperties = $.s(r.properties))) },
                    { ALT: () => ($.c(k('LOCATION')), void (c.location = $.s(r.stringValue))) },
                  ], 4);
                });
                return $.act((): Statement => {
                  if (head.replaceOnly) c.replaceOnly = true;
                  if (timeTravel) c.timeTravel = timeTravel as TimeTravel;
                  c.span = $.span(start);
                  return c as CloneTable;
                });
              },
            },
            {
              ALT: () => {
                const elements = $.opt(() => {
                  $.c(T.LParen);
                  const els = $.sep1(T.Comma, () => $.s(r.tableElement));
                  $.c(T.RParen);
                  return els;
                }, 6, () => is($.la(1), T.LParen) && !queryAhead((n) => $.la(n), 2));
                const t: Mutable<CreateTable> = {};
                $.rep(() => {
                  $.alt([
                    {
                      ALT: () => {
                        $.c(k('USING'));
                        const id = $.s(r.identifier);
                        $.act(() => void (t.using = id.name.toLowerCase()));
                      },
                    },
                    {
                      ALT: () => {
                        $.c(k('PARTITIONED'));
                        $.c(k('BY'));
                        $.c(T.LParen, 1);
                        t.partitionedBy = $.sep1(T.Comma, () => $.s(r.columnDef), 1);
                        $.c(T.RParen, 1);
                      },
                    },
                    {
                      ALT: () => {
                        $.c(k('CLUSTER'));
                        $.c(k('BY'), 1);
                        $.c(T.LParen, 2);
                        t.clusterBy = $.sep1(T.Comma, () => $.s(r.columnPath) as ColumnRef, 2);
                        $.c(T.RParen, 2);
                      },
                    },
                    { ALT: () => ($.c(k('LOCATION'), 1), void (t.location = $.s(r.stringValue, 1))) },
                    { ALT: () => ($.c(k('COMMENT')), void (t.comment = $.s(r.stringValue, 2))) },
                    { ALT: () => ($.c(k('TBLPROPERTIES'), 1), void (t.tblProperties = $.s(r.properties, 1))) },
                    { ALT: () => ($.c(k('OPTIONS')), void (t.options = $.s(r.properties, 2))) },
                  ], 5);
                }, 1);
                const asQuery = $.opt(() => ($.opt(() => $.c(k('AS')), 8), $.s(r.query)), 7, () => is($.la(1), k('AS')) || queryAhead((n) => $.la(n), 1) || is($.la(1), T.LParen));
                return $.act((): Statement => {
                  const els = elements ?? [];
                  const out: Mutable<CreateTable> = {
                    kind: 'createTable',
                    orReplace: head.orReplace,
                    ifNotExists,
                    name,
                    columns: els.filter((e): e is ColumnDef => e.kind === 'columnDef'),
                    constraints: els.filter((e): e is TableConstraint => e.kind === 'tableConstraint'),
                    partitionedBy: t.partitionedBy ?? [],
                    tblProperties: t.tblProperties ?? [],
                    options: t.options ?? [],
                    span: $.span(start),
                  };
                  if (head.replaceOnly) out.replaceOnly = true;
                  if (temporary) out.temporary = true;
                  if (external) out.external = true;
                  if (t.using !== undefined) out.using = t.using;
                  if (t.clusterBy) out.clusterBy = t.clusterBy;
                  if (t.location !== undefined) out.location = t.location;
                  if (t.comment !== undefined) out.comment = t.comment;
                  if (asQuery) out.asQuery = asQuery as Query;
                  return out as CreateTable;
                });
              },
            },
          ], 2);
        },
      },
      {
        ALT: () => {
          $.c(k('VIEW'));
          const ifNotExists = $.opt(() => ($.c(k('IF'), 1), $.c(k('NOT'), 1), $.c(k('EXISTS'), 1), true), 9) === true;
          const name = $.s(r.objectName, 1);
          const columns = $.opt(() => {
            $.c(T.LParen, 3);
            const cols = $.sep1(T.Comma, () => $.s(r.columnDef, 1), 3);
            $.c(T.RParen, 3);
            return cols;
          }, 10);
          const extra: { comment?: string; props?: Property[] } = {};
          $.rep(() => {
            $.alt([
              { ALT: () => ($.c(k('COMMENT'), 1), void (extra.comment = $.s(r.stringValue, 3))) },
              { ALT: () => ($.c(k('TBLPROPERTIES'), 2), void (extra.props = $.s(r.properties, 3))) },
            ], 6);
          }, 2);
          $.c(k('AS'), 1);
          const query = $.s(r.query, 1);
          return $.act((): Statement => ({
            kind: 'createView',
            orReplace: head.orReplace,
            temporary,
            ...(global ? { global: true } : {}),
            ifNotExists,
            name,
            ...(columns ? { columns } : {}),
            ...(extra.comment !== undefined ? { comment: extra.comment } : {}),
            tblProperties: extra.props ?? [],
            query,
            span: $.span(start),
          }));
        },
      },
      {
        ALT: () => {
          $.alt([{ ALT: () => $.c(k('DATABASE')) }, { ALT: () => $.c(k('SCHEMA')) }], 7);
          const ifNotExists = $.opt(() => ($.c(k('IF'), 2), $.c(k('NOT'), 2), $.c(k('EXISTS'), 2), true), 11) === true;
          const name = $.s(r.objectName, 2);
          const extra: { comment?: string; location?: string } = {};
          $.rep(() => {
            $.alt([
              { ALT: () => ($.c(k('COMMENT'), 2), void (extra.comment = $.s(r.stringValue, 4))) },
              { ALT: () => ($.c(k('LOCATION'), 2), void (extra.location = $.s(r.stringValue, 5))) },
            ], 8);
          }, 3);
          return $.act((): Statement => ({ kind: 'createSchema', ifNotExists, name, ...extra, span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          $.opt(() => $.c(k('UNIQUE')), 12);
          const t = $.alt([{ ALT: () => $.c(k('INDEX')) }, { ALT: () => $.c(k('TRIGGER')) }, { ALT: () => $.c(k('FUNCTION')) }], 9);
          return $.act(() => unsupported(`CREATE ${t.image.toUpperCase()}`, { position: tokenStart(t) }));
        },
      },
    ], 3);
  });
}
