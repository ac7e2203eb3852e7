import type { IToken } from 'chevrotain';
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import type { Expr, SortItem } from '../ast/expressions.js';
import type {
  GroupBy,
  GroupingItem,
  Join,
  LateralView,
  NamedWindow,
  Query,
  QueryBody,
  Relation,
  Select,
  SelectItem,
  SetOperation,
  TableAlias,
  TimeTravel,
} from '../ast/queries.js';
import type { Identifier } from '../ast/node.js';
import { tokenStart } from '../lex.js';
import * as T from '../tokens.js';
import { kw } from '../tokens.js';
import type { ParserBase } from './parser-base.js';
import type { JoinPart, Rules } from './rules.js';
import { callAhead, is, isAliasCandidate, queryAhead } from './lookahead.js';

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
          const alias = $.opt(() => $.s(r.tableAlias), 0, aliasAhead);
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

  r.groupBy = $.rule('groupBy', () => {
    const start = $.c(k('GROUP'));
    $.c(k('BY'));
    return $.alt<GroupBy>([
      {
        GATE: () => !is($.la(2), T.LParen),
        ALT: () => {
          $.c(k('ALL'));
          return $.act(() => ({ kind: 'groupBy' as const, all: true, items: [], span: $.span(start) }));
        },
      },
      {
        ALT: () => {
          const items = $.sep1(T.Comma, () => $.s(r.groupingItem));
          const legacySets = $.opt(() => $.s(r.groupingItem, 1), 1, () => is($.la(1), k('GROUPING')) && is($.la(2), k('SETS')));
          const w = $.opt(() => {
            $.c(k('WITH'));
            return $.alt([{ ALT: () => $.c(k('ROLLUP')) }, { ALT: () => $.c(k('CUBE')) }], 1);
          });
          return $.act(() => {
            let all: GroupingItem[] = legacySets ? [legacySets] : items;
            if (w) {
              const elements = items.map((i) => [i as Expr]);
              const span = $.span(start);
              all = [is(w, k('ROLLUP')) ? { kind: 'rollup', elements, span } : { kind: 'cube', elements, span }];
            }
            return { kind: 'groupBy' as const, all: false, items: all, span: $.span(start) };
          });
        },
      },
    ]);
  });

  r.groupingItem = $.rule('groupingItem', (): GroupingItem => {
    const start = $.la(1);
    return $.alt<GroupingItem>([
      {
        GATE: () => is($.la(2), k('SETS')),
        ALT: () => {
          $.c(k('GROUPING'));
          $.c(k('SETS'));
          $.c(T.LParen);
          const sets = $.sep1(T.Comma, () => $.s(r.groupingSet));
          $.c(T.RParen);
          return $.act(() => ({ kind: 'groupingSets', sets, span: $.span(start) }));
        },
      },
      {
        GATE: () => is($.la(2), T.LParen),
        ALT: () => {
          const t = $.alt([{ ALT: () => $.c(k('ROLLUP')) }, { ALT: () => $.c(k('CUBE')) }], 1);
          $.c(T.LParen, 1);
          const elements = $.sep1(T.Comma, () => $.s(r.groupingSet, 1), 1);
          $.c(T.RParen, 1);
          return $.act(() => (is(t, k('ROLLUP')) ? { kind: 'rollup', elements, span: $.span(start) } : { kind: 'cube', elements, span: $.span(start) }));
        },
      },
      { ALT: () => $.s(r.expression) },
    ]);
  });

  r.groupingSet = $.rule('groupingSet', (): Expr[] =>
    $.alt<Expr[]>([
      {
        GATE: () => is($.la(1), T.LParen) && !queryAhead((n) => $.la(n), 2),
        ALT: () => {
          $.c(T.LParen);
          const items = $.sep0(T.Comma, () => $.s(r.expression));
          $.c(T.RParen);
          return items;
        },
      },
      { ALT: () => [$.s(r.expression, 1)] },
    ]),
  );

  r.windowClause = $.rule('windowClause', (): NamedWindow[] => {
    $.c(k('WINDOW'));
    return $.sep1(T.Comma, () => {
      const name = $.s(r.identifier);
      $.c(k('AS'));
      const spec = $.s(r.windowSpec);
      return $.act((): NamedWindow => ({ kind: 'namedWindow', name, spec, span: { start: name.span.start, end: spec.span.end } }));
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

export type { SortItem };
