import { unsupported } from '../../src/common/errors.js';
import type { ColumnRef } from '../ast/expressions.js';
import type { AlterTableAction, ColumnChange } from '../ast/alter-table.js';
import type { ColumnDef, Statement } from '../ast/statements.js';
import * as T from '../tokens.js';
import { kw } from '../tokens.js';
import type { ParserBase } from './parser-base.js';
import type { Rules } from './rules.js';
import { is } from './lookahead.js';

const k = kw;

export function defineAlterRules($: ParserBase, r: Rules): void {
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
