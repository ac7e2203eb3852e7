import { unsupported } from '../../src/common/errors.js';
import type { ColumnRef } from '../ast/expressions.js';
import type { AlterTableAction, ColumnChange } from '../ast/alter-table.js';
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

  r.alterStatement = $.rule('alterStatement', (): Statement => {
    const start = $.c(k('ALTER'));
    const view = $.alt([{ ALT: () => ($.c(k('TABLE')), false) }, { ALT: () => ($.c(k('VIEW')), true) }]);
    const table = $.s(r.objectName);
    const action = $.s(r.alterAction);
    return $.act((): Statement => ({ kind: 'alterTable', table, ...(view ? { view: true } : {}), action, span: $.span(start) }));
  });

  r.alterAction = $.rule('alterAction', (): AlterTableAction => {
    const ifExists = (idx: number): boolean => $.opt(() => ($.c(k('IF'), idx), $.c(k('EXISTS'), idx), true), 20 + idx) === true;
    return $.alt<AlterTableAction>([
      {
        GATE: () => is($.la(2), k('CONSTRAINT')),
        ALT: () => {
          $.c(k('ADD'));
          $.c(k('CONSTRAINT'));
          const name = $.s(r.identifier);
          $.c(k('CHECK'));
          $.c(T.LParen);
          const check = $.s(r.expression);
          $.c(T.RParen);
          return { kind: 'addConstraint', name, check };
        },
      },
      {
        ALT: () => {
          $.c(k('ADD'), 1);
          $.alt([{ ALT: () => $.c(k('COLUMN')) }, { ALT: () => $.c(k('COLUMNS')) }], 1);
          const columns = $.alt<ColumnDef[]>([
            {
              ALT: () => {
                $.c(T.LParen, 1);
                const cols = $.sep1(T.Comma, () => $.s(r.columnDef));
                $.c(T.RParen, 1);
                return cols;
              },
            },
            { ALT: () => $.sep1(T.Comma, () => $.s(r.columnDef, 1), 1) },
          ], 2);
          return { kind: 'addColumns', columns };
        },
      },
      {
        GATE: () => is($.la(2), k('CONSTRAINT')),
        ALT: () => {
          $.c(k('DROP'));
          $.c(k('CONSTRAINT'), 1);
          const ie = ifExists(1);
          const name = $.s(r.identifier, 1);
          return { kind: 'dropConstraint', name, ifExists: ie };
        },
      },
      {
        ALT: () => {
          $.c(k('DROP'), 1);
          $.alt([{ ALT: () => $.c(k('COLUMN'), 1) }, { ALT: () => $.c(k('COLUMNS'), 1) }], 3);
          const ie = ifExists(2);
          const columns = $.alt<ColumnRef[]>([
            {
              ALT: () => {
                $.c(T.LParen, 2);
                const cols = $.sep1(T.Comma, () => $.s(r.columnPath) as ColumnRef, 2);
                $.c(T.RParen, 2);
                return cols;
              },
            },
            { ALT: () => $.sep1(T.Comma, () => $.s(r.columnPath, 1) as ColumnRef, 3) },
          ], 4);
          return { kind: 'dropColumns', columns, ifExists: ie };
        },
      },
      {
        GATE: () => is($.la(2), k('COLUMN')),
        ALT: () => {
          $.c(k('RENAME'));
          $.c(k('COLUMN'), 2);
          const column = $.s(r.columnPath, 2) as ColumnRef;
          $.c(k('TO'));
          const newName = $.s(r.identifier, 2);
          return { kind: 'renameColumn', column, newName };
        },
      },
      {
        ALT: () => {
          $.c(k('RENAME'), 1);
          $.c(k('TO'), 1);
          const newName = $.s(r.objectName);
          return { kind: 'renameTable', newName };
        },
      },
      {
        ALT: () => {
          $.alt([{ ALT: () => $.c(k('ALTER')) }, { ALT: () => $.c(k('CHANGE')) }], 5);
          $.opt(() => $.c(k('COLUMN'), 3));
          const column = $.s(r.columnPath, 3) as ColumnRef;
          const changes: ColumnChange[] = [];
          $.rep1(() => {
            $.alt([
              { GATE: () => is($.la(2), k('NOT')), ALT: () => ($.c(k('SET')), $.c(k('NOT')), $.c(k('NULL')), void changes.push({ kind: 'setNotNull' })) },
              { GATE: () => is($.la(2), k('NOT')), ALT: () => ($.c(k('DROP'), 2), $.c(k('NOT'), 1), $.c(k('NULL'), 1), void changes.push({ kind: 'dropNotNull' })) },
              { ALT: () => ($.c(k('SET'), 1), $.c(k('DEFAULT')), void changes.push({ kind: 'setDefault', default: $.s(r.expression, 1) })) },
              { ALT: () => ($.c(k('DROP'), 3), $.c(k('DEFAULT'), 1), void changes.push({ kind: 'dropDefault' })) },
              { ALT: () => ($.c(k('COMMENT')), void changes.push({ kind: 'comment', comment: $.s(r.stringValue) })) },
              { ALT: () => ($.c(k('TYPE')), void changes.push({ kind: 'type', type: $.s(r.dataType) })) },
              { ALT: () => ($.c(k('FIRST')), void changes.push({ kind: 'position', position: { kind: 'first' } })) },
              { ALT: () => ($.c(k('AFTER')), void changes.push({ kind: 'position', position: { kind: 'after', column: $.s(r.identifier, 3) } })) },
              {
                // Hive form: CHANGE COLUMN a a_new INT
                ALT: () => {
                  const newName = $.s(r.identifier, 4);
                  const type = $.opt(() => $.s(r.dataType, 1), 1, () => is($.la(1), T.Ident) && !is($.la(1), k('COMMENT')) && !is($.la(1), k('FIRST')) && !is($.la(1), k('AFTER')));
                  $.act(() => {
                    if (newName.name.toLowerCase() !== column.parts[column.parts.length - 1]?.toLowerCase()) {
                      unsupported('renaming a column with CHANGE COLUMN (use RENAME COLUMN)', { position: newName.span.start });
                    }
                    if (type) changes.push({ kind: 'type', type });
                  });
                },
              },
            ], 6);
          });
          return { kind: 'alterColumn', column, changes };
        },
      },
      {
        ALT: () => {
          $.c(k('SET'), 2);
          $.c(k('TBLPROPERTIES'));
          const properties = $.s(r.properties);
          return { kind: 'setTblProperties', properties };
        },
      },
      {
        ALT: () => {
          $.c(k('UNSET'));
          $.c(k('TBLPROPERTIES'), 1);
          const ie = ifExists(3);
          const props = $.s(r.properties, 1);
          return $.act(() => ({ kind: 'unsetTblProperties' as const, keys: props.map((p) => p.key), ifExists: ie }));
        },
      },
      {
        ALT: () => {
          $.c(k('CLUSTER'));
          $.c(k('BY'));
          const columns = $.alt<ColumnRef[]>([
            { ALT: () => ($.c(k('NONE')), []) },
            {
              ALT: () => {
                $.c(T.LParen, 3);
                const cols = $.sep1(T.Comma, () => $.s(r.columnPath, 4) as ColumnRef, 4);
                $.c(T.RParen, 3);
                return cols;
              },
            },
          ], 7);
          return { kind: 'clusterBy', columns };
        },
      },
    ]);
  });
}
