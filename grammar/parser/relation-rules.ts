import type { IToken } from 'chevrotain';
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import type { Expr } from '../ast/expressions.js';
import type { Join, LateralView, Relation, TableAlias, TimeTravel } from '../ast/queries.js';
import type { Identifier } from '../ast/node.js';
import { tokenStart } from '../lex.js';
import * as T from '../tokens.js';
import { kw } from '../tokens.js';
import type { ParserBase } from './parser-base.js';
import type { JoinPart, Rules } from './rules.js';
import { callAhead, is, isAliasCandidate, queryAhead } from './lookahead.js';

const k = kw;

export function defineRelationRules($: ParserBase, r: Rules): void {
  r.relation = $.rule('relation', (): Relation => {
    const first = $.s(r.relationPrimary);
    const joins: JoinPart[] = [];
    $.rep(() => joins.push($.s(r.joinPart)));
    return $.act(() => {
      let acc: Relation = first;
      for (const j of joins) {
        const join: { -readonly [P in keyof Join]?: Join[P] } = {
          kind: 'join',
          type: j.type,
          natural: j.natural,
          left: acc,
          right: j.right,
          span: { start: acc.span.start, end: j.right.span.end },
        };
        if (j.on) {
          join.on = j.on;
          join.span = { start: acc.span.start, end: j.on.span.end };
        }
        if (j.using) join.using = j.using;
        acc = join as Join;
      }
      return acc;
    });
  });

  r.joinPart = $.rule('joinPart', (): JoinPart => {
    const natural = $.opt(() => $.c(k('NATURAL'))) !== undefined;
    const type = $.opt(
      () =>
        $.alt<JoinPart['type']>([
          { ALT: () => ($.c(k('INNER')), 'inner') },
          { ALT: () => ($.c(k('CROSS')), 'cross') },
          {
            ALT: () => {
              $.c(k('LEFT'));
              return (
                $.opt(
                  () =>
                    $.alt<JoinPart['type']>([
                      { ALT: () => ($.c(k('OUTER')), 'left') },
                      { ALT: () => ($.c(k('SEMI')), 'semi') },
                      { ALT: () => ($.c(k('ANTI')), 'anti') },
                    ], 1),
                  1,
                ) ?? 'left'
              );
            },
          },
          {
            ALT: () => {
              $.c(k('RIGHT'));
              $.opt(() => $.c(k('OUTER'), 1), 2);
              return 'right';
            },
          },
          {
            ALT: () => {
              $.c(k('FULL'));
              $.opt(() => $.c(k('OUTER'), 2), 3);
              return 'full';
            },
          },
          { ALT: () => ($.c(k('SEMI'), 1), 'semi') },
          { ALT: () => ($.c(k('ANTI'), 1), 'anti') },
        ]),
      4,
    );
    $.c(k('JOIN'));
    const right = $.s(r.relationPrimary);
    const criteria = $.opt(
      () =>
        $.alt<{ on?: Expr; using?: Identifier[] }>([
          {
            ALT: () => {
              $.c(k('ON'));
              const on = $.s(r.expression);
              return { on };
            },
          },
          {
            ALT: () => {
              $.c(k('USING'));
              const using = $.s(r.identList);
              return { using };
            },
          },
        ], 2),
      5,
    );
    return $.act((): JoinPart => ({ type: type ?? 'inner', natural, right, ...(criteria ?? {}) }));
  });

  r.relationPrimary = $.rule('relationPrimary', (): Relation => {
    const start = $.la(1);
    const rel = $.alt<Relation>([
      {
        GATE: () => is($.la(1), T.LParen) && queryAhead((n) => $.la(n), 2) && !relationInParens(),
        ALT: () => {
          $.c(T.LParen);
          const query = $.s(r.query);
          $.c(T.RParen);
          const alias = $.opt(() => $.s(r.tableAlias), 0, aliasAhead);
          return $.act(() => withAlias({ kind: 'derivedTable', query, lateral: false, span: $.span(start) }, alias));
        },
      },
      {
        ALT: () => {
          $.c(T.LParen, 1);
          const inner = $.s(r.relation);
          $.c(T.RParen, 1);
          const alias = $.opt(() => $.s(r.tableAlias, 5), 7, aliasAhead);
          return $.act(() => (alias && inner.kind === 'join' ? withAlias(inner, alias) : inner));
        },
      },
      {
        ALT: () => {
          $.c(k('LATERAL'));
          $.c(T.LParen, 2);
          const query = $.s(r.query, 1);
          $.c(T.RParen, 2);
          const alias = $.opt(() => $.s(r.tableAlias, 1), 1, aliasAhead);
          return $.act(() => withAlias({ kind: 'derivedTable', query, lateral: true, span: $.span(start) }, alias));
        },
      },
      {
        GATE: () => !is($.la(2), T.Dot) && !is($.la(2), T.LParen) || is($.la(2), T.LParen),
        ALT: () => {
          $.c(k('VALUES'));
          const rows = $.s(r.valuesRows);
          const alias = $.opt(() => $.s(r.tableAlias, 2), 2, aliasAhead);
          return $.act(() => withAlias({ kind: 'inlineTable', rows, span: $.span(start) }, alias));
        },
      },
      {
        GATE: () => callAhead((n) => $.la(n)),
        ALT: () => {
          const name = $.s(r.objectName);
          $.c(T.LParen, 3);
          const args = $.sep0(T.Comma, () => $.s(r.functionArg));
          $.c(T.RParen, 3);
          const alias = $.opt(() => $.s(r.tableAlias, 3), 3, aliasAhead);
          return $.act(() => withAlias({ kind: 'tableFunction', name, args, span: $.span(start) }, alias));
        },
      },
      {
        ALT: () => {
          const name = $.s(r.objectName, 1);
          const timeTravel = $.opt(() => $.s(r.timeTravel), 4);
          const alias = $.opt(() => $.s(r.tableAlias, 4), 5, aliasAhead);
          return $.act((): Relation => {
            const span = $.span(start);
            const base = timeTravel ? { kind: 'tableRef' as const, name, timeTravel, span } : { kind: 'tableRef' as const, name, span };
            return withAlias(base, alias);
          });
        },
      },
    ]);
    $.opt(() => {
      const t = $.alt([{ ALT: () => $.c(k('TABLESAMPLE')) }, { ALT: () => $.c(k('PIVOT')) }, { ALT: () => $.c(k('UNPIVOT')) }], 1);
      $.act(() => unsupported(t.image.toUpperCase(), { position: tokenStart(t) }));
    }, 6, () => is($.la(2), T.LParen));
    return rel;
  });

  function aliasAhead(): boolean {
    return is($.la(1), k('AS')) || isAliasCandidate($.la(1));
  }

  /** `((SELECT …) JOIN t)`: parentheses around a join whose first item is a subquery. */
  function relationInParens(): boolean {
    if (!is($.la(2), T.LParen)) return false;
    let depth = 0;
    for (let i = 1; i < 100_000; i++) {
      const t = $.la(i);
      if (t.tokenType.name === 'EOF') return false;
      if (is(t, T.LParen)) depth++;
      else if (is(t, T.RParen)) {
        depth--;
        if (depth === 1) {
          const n = $.la(i + 1);
          return !is(n, T.RParen) && !is(n, k('UNION')) && !is(n, k('EXCEPT')) && !is(n, k('INTERSECT')) && !is(n, k('MINUS')) && !is(n, k('ORDER')) && !is(n, k('LIMIT'));
        }
        if (depth === 0) return false;
      }
    }
    return false;
  }

  r.tableAlias = $.rule('tableAlias', (): TableAlias => {
    const start = $.la(1);
    $.opt(() => $.c(k('AS')));
    const name = $.s(r.identifier);
    const columns = $.opt(() => $.s(r.identList), 1);
    return $.act(() => (columns ? { kind: 'tableAlias', name, columns, span: $.span(start) } : { kind: 'tableAlias', name, span: $.span(start) }));
  });

  r.timeTravel = $.rule('timeTravel', (): TimeTravel => {
    const start = $.la(1);
    return $.alt<TimeTravel>([
      {
        ALT: () => {
          $.c(T.At);
          const t = $.alt([{ ALT: () => $.c(T.Ident) }, { ALT: () => $.c(T.NumberLit) }], 1);
          return $.act(() => atTimeTravel(t, start));
        },
      },
      {
        GATE: () => {
          const i = is($.la(1), k('FOR')) ? 2 : 1;
          return is($.la(i + 1), k('AS')) && is($.la(i + 2), k('OF'));
        },
        ALT: () => {
          $.opt(() => $.c(k('FOR')));
          const t = $.alt([
            { ALT: () => $.c(k('VERSION')) },
            { ALT: () => $.c(k('SYSTEM_VERSION')) },
            { ALT: () => $.c(k('TIMESTAMP')) },
            { ALT: () => $.c(k('SYSTEM_TIME')) },
          ], 2);
          $.c(k('AS'));
          $.c(k('OF'));
          const value = $.s(r.valueExpr);
          return $.act(() => {
            const by = is(t, k('VERSION')) || is(t, k('SYSTEM_VERSION')) ? ('version' as const) : ('timestamp' as const);
            return { kind: 'timeTravel', by, value, span: $.span(start) };
          });
        },
      },
    ]);
  });

  r.lateralView = $.rule('lateralView', (): LateralView => {
    const start = $.c(k('LATERAL'));
    $.c(k('VIEW'));
    const outer = $.opt(() => $.c(k('OUTER'))) !== undefined;
    const func = $.s(r.nameOrCall);
    const tableAlias = $.opt(() => $.s(r.identifier), 1, () => is($.la(1), T.Ident) && !is($.la(1), k('LATERAL')));
    const cols = $.opt(() => {
      $.opt(() => $.c(k('AS')), 3);
      return $.sep1(T.Comma, () => $.s(r.identifier, 1));
    }, 2, () => is($.la(1), k('AS')) || isAliasCandidate($.la(1)));
    return $.act((): LateralView => {
      if (func.kind !== 'function') {
        throw new DeltaSqlError('SYNTAX_ERROR', `Expected a generator function call after LATERAL VIEW at line ${start.startLine}, column ${start.startColumn}`, { position: tokenStart(start) });
      }
      const base = { kind: 'lateralView' as const, outer, func, columnAliases: cols ?? [], span: $.span(start) };
      return tableAlias ? { ...base, tableAlias } : base;
    });
  });
}

function withAlias<R extends Relation>(rel: R, alias: TableAlias | undefined): R {
  return alias ? { ...rel, alias, span: { start: rel.span.start, end: alias.span.end } } : rel;
}

function atTimeTravel(t: IToken, start: IToken): TimeTravel {
  const position = tokenStart(t);
  const span = { start: tokenStart(start), end: { line: t.endLine ?? 1, column: (t.endColumn ?? 0) + 1, offset: (t.endOffset ?? 0) + 1 } };
  const vm = /^v(\d+)$/i.exec(t.image);
  if (vm) return { kind: 'timeTravel', by: 'version', value: { kind: 'number', text: vm[1] ?? '0', span }, span };
  const tm = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})$/.exec(t.image);
  if (tm) {
    const [, y, mo, d, h, mi, s, ms] = tm;
    return { kind: 'timeTravel', by: 'timestamp', value: { kind: 'string', value: `${y}-${mo}-${d} ${h}:${mi}:${s}.${ms}`, span }, span };
  }
  throw new DeltaSqlError('SYNTAX_ERROR', `Expected a time travel spec like @v5 or @yyyyMMddHHmmssSSS but found '@${t.image}' at line ${position.line}, column ${position.column}`, { position });
}
