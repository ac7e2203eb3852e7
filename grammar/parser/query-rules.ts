import { unsupported } from '../../src/common/errors.js';
import type { Expr, SortItem } from '../ast/expressions.js';
import type { LateralView, Query, QueryBody, Select, SelectItem, SetOperation } from '../ast/queries.js';
import type { Identifier } from '../ast/node.js';
import { tokenStart } from '../lex.js';
import * as T from '../tokens.js';
import { kw } from '../tokens.js';
import type { ParserBase } from './parser-base.js';
import type { Rules } from './rules.js';
import { is, isAliasCandidate } from './lookahead.js';

const K = Object.fromEntries(
  [
    'WITH', 'RECURSIVE', 'AS', 'ORDER', 'SORT', 'BY', 'LIMIT', 'ALL', 'OFFSET', 'UNION', 'EXCEPT', 'MINUS',
    'INTERSECT', 'DISTINCT', 'NAME', 'SELECT', 'VALUES', 'TABLE', 'FROM', 'WHERE', 'GROUP', 'HAVING',
    'QUALIFY', 'WINDOW', 'LATERAL', 'VIEW', 'OUTER', 'NATURAL', 'JOIN', 'INNER', 'CROSS', 'LEFT', 'RIGHT',
    'FULL', 'SEMI', 'ANTI', 'ON', 'USING', 'VERSION', 'TIMESTAMP', 'OF', 'FOR', 'SYSTEM_TIME',
    'SYSTEM_VERSION', 'GROUPING', 'SETS', 'ROLLUP', 'CUBE', 'CLUSTER', 'DISTRIBUTE', 'PIVOT', 'UNPIVOT',
    'TABLESAMPLE',
  ].map((k) => [k, kw(k)]),
) as Record<string, ReturnType<typeof kw>>;
const k = (name: string): ReturnType<typeof kw> => K[name] as ReturnType<typeof kw>;

type SetOp = { op: 'UNION' | 'INTERSECT' | 'EXCEPT'; all: boolean; byName: boolean };

/** Fold set operations: INTERSECT binds tighter than UNION/EXCEPT; all left-associative. */
function foldSetOps(first: QueryBody, ops: readonly SetOp[], rest: readonly QueryBody[]): QueryBody {
  const make = (left: QueryBody, o: SetOp, right: QueryBody): SetOperation => {
    const base = { kind: 'setOperation' as const, op: o.op, all: o.all, left, right, span: { start: left.span.start, end: right.span.end } };
    return o.byName ? { ...base, byName: true } : base;
  };
  const terms: QueryBody[] = [first];
  const lowOps: SetOp[] = [];
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i] as SetOp;
    const right = rest[i] as QueryBody;
    if (o.op === 'INTERSECT') terms.push(make(terms.pop() as QueryBody, o, right));
    else {
      lowOps.push(o);
      terms.push(right);
    }
  }
  let acc = terms[0] as QueryBody;
  for (let i = 0; i < lowOps.length; i++) acc = make(acc, lowOps[i] as SetOp, terms[i + 1] as QueryBody);
  return acc;
}

export function defineQueryRules($: ParserBase, r: Rules): void {
  r.query = $.rule('query', (): Query => {
    const start = $.la(1);
    const withClause = $.opt(() => $.s(r.withClause));
    const body = $.s(r.queryTerm);
    const order = $.opt(() => {
      const t = $.alt([{ ALT: () => $.c(k('ORDER')) }, { ALT: () => $.c(k('SORT')) }]);
      $.c(k('BY'));
      const items = $.sep1(T.Comma, () => $.s(r.sortItem));
      return { sort: is(t, k('SORT')), items };
    }, 5);
    $.opt(() => {
      const t = $.alt([{ ALT: () => $.c(k('CLUSTER')) }, { ALT: () => $.c(k('DISTRIBUTE')) }], 1);
      $.act(() => unsupported(`${t.image.toUpperCase()} BY`, { position: tokenStart(t) }));
    }, 1, () => is($.la(2), k('BY')));
    const windows = $.opt(() => $.s(r.windowClause), 2);
    const limit = $.opt(() => {
      $.c(k('LIMIT'));
      return $.alt<Expr | 'all'>([{ ALT: () => ($.c(k('ALL')), 'all') }, { ALT: () => $.s(r.expression) }], 2);
    }, 3);
    const offset = $.opt(() => {
      $.c(k('OFFSET'));
      return $.s(r.expression, 1);
    }, 4);
    return $.act((): Query => {
      const q: { -readonly [P in keyof Query]?: Query[P] } = { kind: 'query', body, orderBy: order?.items ?? [], span: $.span(start) };
      if (withClause) q.with = withClause;
      if (order?.sort) q.sortBy = true;
      if (limit !== undefined) q.limit = limit;
      if (offset) q.offset = offset;
      if (windows) q.windows = windows;
      return q as Query;
    });
  });

  r.withClause = $.rule('withClause', () => {
    const start = $.c(k('WITH'));
    const recursive = $.opt(() => $.c(k('RECURSIVE'))) !== undefined;
    const ctes = $.sep1(T.Comma, () => $.s(r.cte));
    return $.act(() => ({ kind: 'with' as const, recursive, ctes, span: $.span(start) }));
  });

  r.cte = $.rule('cte', () => {
    const name = $.s(r.identifier);
    const columns = $.opt(() => $.s(r.identList));
    $.opt(() => $.c(k('AS')), 1);
    $.c(T.LParen);
    const query = $.s(r.query);
    $.c(T.RParen);
    return $.act(() => {
      const span = { start: name.span.start, end: $.span($.la(0)).end };
      return columns ? { kind: 'cte' as const, name, columns, query, span } : { kind: 'cte' as const, name, query, span };
    });
  });

  r.queryTerm = $.rule('queryTerm', (): QueryBody => {
    const first = $.s(r.queryPrimary);
    const ops: SetOp[] = [];
    const rest: QueryBody[] = [];
    $.rep(() => {
      const t = $.alt([
        { ALT: () => $.c(k('UNION')) },
        { ALT: () => $.c(k('EXCEPT')) },
        { ALT: () => $.c(k('MINUS')) },
        { ALT: () => $.c(k('INTERSECT')) },
      ]);
      const q = $.opt(() => $.alt([{ ALT: () => $.c(k('ALL')) }, { ALT: () => $.c(k('DISTINCT')) }], 1));
      const byName = $.opt(() => {
        $.c(k('BY'));
        $.c(k('NAME'));
        return true;
      }, 1);
      $.act(() => {
        const up = t.image.toUpperCase();
        ops.push({ op: up === 'MINUS' ? 'EXCEPT' : (up as SetOp['op']), all: q !== undefined && is(q, k('ALL')), byName: byName === true });
      });
      rest.push($.s(r.queryPrimary, 1));
    });
    return $.act(() => foldSetOps(first, ops, rest));
  });

  r.queryPrimary = $.rule('queryPrimary', (): QueryBody => {
    const start = $.la(1);
    return $.alt<QueryBody>([
      { ALT: () => $.s(r.select) },
      {
        ALT: () => {
          $.c(k('VALUES'));
          const rows = $.s(r.valuesRows);
          const alias = $.opt(() => $.s(r.tableAlias), 0, () => is($.la(1), k('AS')) || isAliasCandidate($.la(1)));
          return $.act((): QueryBody => (alias ? { kind: 'values', rows, alias, span: $.span(start) } : { kind: 'values', rows, span: $.span(start) }));
        },
      },
      {
        GATE: () => is($.la(2), T.Ident),
        ALT: () => {
          $.c(k('TABLE'));
          const name = $.s(r.objectName);
          return $.act(() => ({ kind: 'tableQuery', name, span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          $.c(T.LParen);
          const q = $.s(r.query);
          $.c(T.RParen);
          return q;
        },
      },
    ]);
  });

  r.valuesRows = $.rule('valuesRows', () => {
    const rows = $.sep1(T.Comma, () => $.s(r.expression));
    return $.act(() => rows.map((e) => (e.kind === 'row' ? [...e.items] : [e])));
  });

  r.select = $.rule('select', (): Select => {
    const start = $.c(k('SELECT'));
    const distinct = $.opt(() => $.alt([{ ALT: () => ($.c(k('DISTINCT')), true) }, { ALT: () => ($.c(k('ALL')), false) }]));
    const items = $.sep1(T.Comma, () => $.s(r.selectItem));
    const from = $.opt(() => {
      $.c(k('FROM'));
      return $.sep1(T.Comma, () => $.s(r.relation), 1);
    }, 1);
    const lateralViews: LateralView[] = [];
    $.rep(() => lateralViews.push($.s(r.lateralView)));
    const where = $.opt(() => {
      $.c(k('WHERE'));
      return $.s(r.expression);
    }, 2);
    const groupBy = $.opt(() => $.s(r.groupBy), 3);
    const having = $.opt(() => {
      $.c(k('HAVING'));
      return $.s(r.expression, 1);
    }, 4);
    const w1 = $.opt(() => $.s(r.windowClause), 5, () => is($.la(2), T.Ident));
    const qualify = $.opt(() => {
      $.c(k('QUALIFY'));
      return $.s(r.expression, 2);
    }, 6);
    const w2 = $.opt(() => $.s(r.windowClause, 1), 7, () => is($.la(2), T.Ident));
    return $.act((): Select => {
      const s: { -readonly [P in keyof Select]?: Select[P] } = {
        kind: 'select',
        distinct: distinct === true,
        items,
        from: from ?? [],
        lateralViews,
        windows: [...(w1 ?? []), ...(w2 ?? [])],
        span: $.span(start),
      };
      if (where) s.where = where;
      if (groupBy) s.groupBy = groupBy;
      if (having) s.having = having;
      if (qualify) s.qualify = qualify;
      return s as Select;
    });
  });

  r.selectItem = $.rule('selectItem', (): SelectItem => {
    const expr = $.s(r.expression);
    const alias = $.opt(() =>
      $.alt<Identifier | Identifier[]>([
        {
          GATE: () => is($.la(2), T.LParen),
          ALT: () => {
            $.c(k('AS'));
            return $.s(r.identList);
          },
        },
        {
          ALT: () => {
            $.c(k('AS'), 1);
            return $.alt<Identifier>([
              { ALT: () => $.s(r.identifier) },
              {
                ALT: () => {
                  const t = $.la(1);
                  const value = $.s(r.stringValue);
                  return $.act(() => ({ kind: 'identifier' as const, name: value, quoted: true, span: $.span(t) }));
                },
              },
            ], 1);
          },
        },
        { GATE: () => isAliasCandidate($.la(1)), ALT: () => $.s(r.identifier, 1) },
      ]),
    );
    return $.act((): SelectItem => {
      const span = { start: expr.span.start, end: $.span($.la(0)).end };
      if (alias === undefined) return { kind: 'selectItem', expr, span };
      if (Array.isArray(alias)) return { kind: 'selectItem', expr, aliases: alias, span };
      return { kind: 'selectItem', expr, alias, span };
    });
  });
}

export type { SortItem };
