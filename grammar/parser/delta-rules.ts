import type { ColumnRef, Expr } from '../ast/expressions.js';
import type { Identifier } from '../ast/node.js';
import type { MergeClause, MergeDelete, MergeInsert, MergeInsertAll, MergeUpdate, MergeUpdateAll } from '../ast/delta-statements.js';
import type { Statement } from '../ast/statements.js';
import type { Relation } from '../ast/queries.js';
import * as T from '../tokens.js';
import { kw } from '../tokens.js';
import type { ParserBase } from './parser-base.js';
import type { Rules } from './rules.js';
import { is, isAliasCandidate, queryAhead } from './lookahead.js';

const k = kw;

export function defineDeltaRules($: ParserBase, r: Rules): void {
  r.mergeStatement = $.rule('mergeStatement', (): Statement => {
    const start = $.c(k('MERGE'));
    const schemaEvolution = $.opt(() => ($.c(k('WITH')), $.c(k('SCHEMA')), $.c(k('EVOLUTION')), true)) === true;
    $.c(k('INTO'));
    const target = $.s(r.objectName);
    const targetAlias = $.opt(() => ($.opt(() => $.c(k('AS')), 2), $.s(r.identifier)), 1, () => is($.la(1), k('AS')) || isAliasCandidate($.la(1)));
    $.c(k('USING'));
    const source: Relation = $.s(r.relationPrimary);
    $.c(k('ON'));
    const on = $.s(r.expression);
    const clauses: MergeClause[] = [];
    $.rep1(() => clauses.push($.s(r.mergeClause)));
    return $.act((): Statement => ({ kind: 'merge', schemaEvolution, target, ...(targetAlias ? { targetAlias } : {}), source, on, clauses, span: $.span(start) }));
  });

  r.mergeClause = $.rule('mergeClause', (): MergeClause => {
    const start = $.c(k('WHEN'));
    const not = $.opt(() => $.c(k('NOT'))) !== undefined;
    $.c(k('MATCHED'));
    const by = $.opt(() => {
      $.c(k('BY'));
      return $.alt([{ ALT: () => ($.c(k('TARGET')), 'target') }, { ALT: () => ($.c(k('SOURCE')), 'source') }]);
    }, 1);
    const condition = $.opt(() => ($.c(k('AND')), $.s(r.expression)), 2);
    $.c(k('THEN'));
    const action = $.alt<MergeUpdate | MergeUpdateAll | MergeDelete | MergeInsert | MergeInsertAll>([
      {
        ALT: () => {
          $.c(k('UPDATE'));
          $.c(k('SET'));
          return $.alt<MergeUpdate | MergeUpdateAll>([
            { ALT: () => ($.c(T.Star), { kind: 'mergeUpdateAll' }) },
            { ALT: () => ({ kind: 'mergeUpdate', assignments: $.sep1(T.Comma, () => $.s(r.assignment)) }) },
          ], 2);
        },
      },
      { ALT: () => ($.c(k('DELETE')), { kind: 'mergeDelete' }) },
      {
        ALT: () => {
          $.c(k('INSERT'));
          return $.alt<MergeInsert | MergeInsertAll>([
            { ALT: () => ($.c(T.Star, 1), { kind: 'mergeInsertAll' }) },
            {
              ALT: () => {
                const columns = $.opt(() => {
                  $.c(T.LParen);
                  const cols = $.sep1(T.Comma, () => $.s(r.columnPath) as ColumnRef, 1);
                  $.c(T.RParen);
                  return cols;
                }, 3);
                $.c(k('VALUES'));
                $.c(T.LParen, 1);
                const values = $.sep1(T.Comma, () => $.s(r.expression, 1), 2);
                $.c(T.RParen, 1);
                return $.act((): MergeInsert => (columns ? { kind: 'mergeInsert', columns, values } : { kind: 'mergeInsert', values }));
              },
            },
          ], 3);
        },
      },
    ], 1);
    return $.act((): MergeClause => {
      const span = $.span(start);
      const cond = condition ? { condition } : {};
      if (!not) {
        if (action.kind === 'mergeInsert' || action.kind === 'mergeInsertAll' || by !== undefined) {
          throw syntax(start, 'WHEN MATCHED clauses can only UPDATE or DELETE');
        }
        return { kind: 'whenMatched', ...cond, action, span };
      }
      if (by === 'source') {
        if (action.kind !== 'mergeUpdate' && action.kind !== 'mergeDelete') {
          throw syntax(start, 'WHEN NOT MATCHED BY SOURCE clauses can only UPDATE SET … or DELETE');
        }
        return { kind: 'whenNotMatchedBySource', ...cond, action, span };
      }
      if (action.kind !== 'mergeInsert' && action.kind !== 'mergeInsertAll') {
        throw syntax(start, 'WHEN NOT MATCHED clauses can only INSERT');
      }
      return { kind: 'whenNotMatched', ...cond, action, span };
    });
  });

  r.describeStatement = $.rule('describeStatement', (): Statement => {
    const start = $.alt([{ ALT: () => $.c(k('DESCRIBE')) }, { ALT: () => $.c(k('DESC')) }]);
    return $.alt<Statement>([
      {
        GATE: () => !is($.la(2), T.Dot) && !is($.la(2), T.Semicolon) && $.la(2).tokenType.name !== 'EOF',
        ALT: () => {
          $.c(k('HISTORY'));
          const table = $.s(r.tableTarget);
          const limit = $.opt(() => ($.c(k('LIMIT')), $.s(r.expression)));
          return $.act((): Statement => ({ kind: 'describeHistory', table, ...(limit ? { limit } : {}), span: $.span(start) }));
        },
      },
      {
        GATE: () => !is($.la(2), T.Dot) && !is($.la(2), T.Semicolon) && $.la(2).tokenType.name !== 'EOF',
        ALT: () => {
          $.c(k('DETAIL'));
          const table = $.s(r.tableTarget, 1);
          return $.act((): Statement => ({ kind: 'describeDetail', table, span: $.span(start) }));
        },
      },
      {
        GATE: () => (is($.la(1), k('QUERY')) ? queryAhead((n) => $.la(n), 2) : queryAhead((n) => $.la(n), 1) && !is($.la(1), k('TABLE'))),
        ALT: () => {
          $.opt(() => $.c(k('QUERY')), 1);
          const query = $.s(r.query);
          return $.act((): Statement => ({ kind: 'describeQuery', query, span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          $.opt(() => $.c(k('TABLE')), 2, () => is($.la(2), T.Ident));
          const extended = $.opt(() => $.alt([{ ALT: () => $.c(k('EXTENDED')) }, { ALT: () => $.c(k('FORMATTED')) }], 1), 3, () => is($.la(2), T.Ident)) !== undefined;
          const table = $.s(r.objectName);
          const column = $.opt(() => $.sep1(T.Dot, () => $.s(r.identifier), 1), 4);
          return $.act((): Statement => ({ kind: 'describeTable', table, extended, ...(column ? { column: column.map((c: Identifier) => c.name) } : {}), span: $.span(start) }));
        },
      },
    ], 2);
  });

  r.showStatement = $.rule('showStatement', (): Statement => {
    const start = $.c(k('SHOW'));
    const fromIn = (idx: number): void => void $.alt([{ ALT: () => $.c(k('FROM'), idx) }, { ALT: () => $.c(k('IN'), idx) }], 10 + idx);
    const pattern = (idx: number): string | undefined =>
      $.opt(() => ($.opt(() => $.c(k('LIKE'), idx), 10 + idx), $.s(r.stringValue, idx)), 20 + idx);
    return $.alt<Statement>([
      {
        ALT: () => {
          $.c(k('TABLES'));
          const namespace = $.opt(() => (fromIn(0), $.s(r.objectName)));
          const p = pattern(0);
          return $.act((): Statement => ({ kind: 'showTables', ...(namespace ? { namespace } : {}), ...(p !== undefined ? { pattern: p } : {}), span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          $.c(k('COLUMNS'));
          fromIn(1);
          const table = $.s(r.objectName, 1);
          const namespace = $.opt(() => (fromIn(2), $.s(r.objectName, 2)), 1);
          return $.act((): Statement => ({ kind: 'showColumns', table, ...(namespace ? { namespace } : {}), span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          $.c(k('TBLPROPERTIES'));
          const table = $.s(r.objectName, 3);
          const key = $.opt(() => {
            $.c(T.LParen);
            const p = $.s(r.property);
            $.c(T.RParen);
            return p;
          }, 2);
          return $.act((): Statement => ({ kind: 'showTblProperties', table, ...(key ? { key: key.key } : {}), span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          $.c(k('CREATE'));
          $.c(k('TABLE'));
          const target = $.s(r.objectName, 4);
          return $.act((): Statement => ({ kind: 'showOther', what: 'createTable', target, span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          $.c(k('PARTITIONS'));
          const target = $.s(r.objectName, 5);
          return $.act((): Statement => ({ kind: 'showOther', what: 'partitions', target, span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          const t = $.alt([
            { ALT: () => $.c(k('VIEWS')) },
            { ALT: () => $.c(k('DATABASES')) },
            { ALT: () => $.c(k('SCHEMAS')) },
            { ALT: () => $.c(k('FUNCTIONS')) },
          ], 1);
          const namespace = $.opt(() => (fromIn(3), $.s(r.objectName, 6)), 3, () => is($.la(1), k('FROM')) || is($.la(1), k('IN')));
          const p = pattern(1);
          return $.act((): Statement => {
            const up = t.image.toUpperCase();
            const what = up === 'VIEWS' ? 'views' : up === 'FUNCTIONS' ? 'functions' : 'databases';
            return { kind: 'showOther', what, ...(namespace ? { target: namespace } : {}), ...(p !== undefined ? { pattern: p } : {}), span: $.span(start) };
          });
        },
      },
    ]);
  });

  r.deltaStatement = $.rule('deltaStatement', (): Statement => {
    const start = $.la(1);
    return $.alt<Statement>([
      {
        ALT: () => {
          $.c(k('RESTORE'));
          $.opt(() => $.c(k('TABLE')));
          const table = $.s(r.tableTarget);
          $.opt(() => $.c(k('TO')), 1);
          const timeTravel = $.s(r.timeTravel);
          return $.act((): Statement => ({ kind: 'restore', table, timeTravel, span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          $.c(k('OPTIMIZE'));
          const table = $.s(r.tableTarget, 1);
          const where = $.opt(() => ($.c(k('WHERE')), $.s(r.expression)), 2);
          const zorderBy = $.opt(() => {
            $.c(k('ZORDER'));
            $.c(k('BY'));
            return $.alt<ColumnRef[]>([
              {
                ALT: () => {
                  $.c(T.LParen);
                  const cols = $.sep1(T.Comma, () => $.s(r.columnPath) as ColumnRef);
                  $.c(T.RParen);
                  return cols;
                },
              },
              { ALT: () => $.sep1(T.Comma, () => $.s(r.columnPath, 1) as ColumnRef, 1) },
            ], 1);
          }, 3);
          return $.act((): Statement => ({ kind: 'optimize', table, ...(where ? { where } : {}), zorderBy: zorderBy ?? [], span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          $.c(k('VACUUM'));
          const table = $.s(r.tableTarget, 2);
          const retainHours = $.opt(() => {
            $.c(k('RETAIN'));
            const n = $.s(r.valueExpr);
            $.c(k('HOURS'));
            return n;
          }, 4);
          const dryRun = $.opt(() => ($.c(k('DRY')), $.c(k('RUN')), true), 5) === true;
          return $.act((): Statement => ({ kind: 'vacuum', table, ...(retainHours ? { retainHours: retainHours as Expr } : {}), dryRun, span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          $.c(k('CONVERT'));
          $.c(k('TO'), 1);
          const delta = $.c(T.Ident);
          const source = $.s(r.objectName);
          const noStatistics = $.opt(() => ($.c(k('NO')), $.c(k('STATISTICS')), true), 6) === true;
          const partitionedBy = $.opt(() => {
            $.c(k('PARTITIONED'));
            $.c(k('BY'), 1);
            $.c(T.LParen, 1);
            const cols = $.sep1(T.Comma, () => $.s(r.columnDef), 2);
            $.c(T.RParen, 1);
            return cols;
          }, 7);
          return $.act((): Statement => {
            if (delta.image.toUpperCase() !== 'DELTA') throw syntax(delta, `Expected DELTA after 'CONVERT TO' but found '${delta.image}'`);
            return { kind: 'convertToDelta', source, noStatistics, partitionedBy: partitionedBy ?? [], span: $.span(start) };
          });
        },
      },
    ]);
  });
}

import { DeltaSqlError } from '../../src/common/errors.js';
import { tokenStart } from '../lex.js';
import type { IToken } from 'chevrotain';

function syntax(t: IToken, message: string): DeltaSqlError {
  const position = tokenStart(t);
  return new DeltaSqlError('SYNTAX_ERROR', `${message} at line ${position.line}, column ${position.column}`, { position });
}
