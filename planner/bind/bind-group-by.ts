/** GROUP BY (ordinals, aliases, ALL, GROUPING SETS / ROLLUP / CUBE) and the aggregate node built from it. */
import { DeltaSqlError } from '../../src/common/errors.js';
import { BYTE, INT, LONG } from '../../src/common/types/data-type.js';
import type { Expr, GroupBy, Span } from '../../grammar/ast/index.js';
import type { BoundExpr } from '../expr/bound-expr.js';
import { colRef, exprChildren, exprKey, exprNullable, lit, someExpr, withExprChildren } from '../expr/expr-utils.js';
import { newColumn } from '../logical/plan-builder.js';
import type { AggregatePlan, LogicalColumn, LogicalPlan } from '../logical/logical-plan.js';
import type { AggCollector, ExprBinder, WindowCollector } from './expr-binder.js';
import { castTo, resolveCall } from './functions-adapter.js';
import { ordinal } from './bind-query.js';
import type { QueryEnv } from './query-env.js';

export interface GroupingInfo {
  readonly exprs: readonly BoundExpr[];
  /** Index sets into exprs (GROUPING SETS / ROLLUP / CUBE); undefined for a plain GROUP BY. */
  readonly sets: readonly (readonly number[])[] | undefined;
}

interface Item {
  readonly expr: BoundExpr;
  readonly ast: Expr | undefined;
}

export function bindGroupBy(
  env: QueryEnv,
  binder: ExprBinder,
  g: GroupBy,
  items: readonly Item[],
  aliasOf: (parts: readonly string[]) => BoundExpr | undefined,
): GroupingInfo {
  const aggIds = (): Set<number> => {
    const ids = new Set<number>();
    for (const e of binder.options.aggs?.entries ?? []) ids.add(e.column.id);
    for (const e of binder.options.windows?.entries ?? []) ids.add(e.column.id);
    return ids;
  };
  const isAggLike = (e: BoundExpr): boolean => {
    const ids = aggIds();
    return someExpr(e, (x) => x.kind === 'column' && ids.has(x.index));
  };
  if (g.all) return { exprs: dedupe(items.map((i) => i.expr).filter((e) => !isAggLike(e))), sets: undefined };
  const gb = binder.derive({ clause: 'GROUP BY', aggs: undefined, windows: undefined, fallback: aliasOf, preferred: undefined });
  const bindOne = (e: Expr): BoundExpr => {
    const n = env.ctx.settings.groupByOrdinal === false ? undefined : ordinal(e);
    if (n !== undefined) {
      const item = items[n - 1];
      if (item !== undefined && item.ast === undefined) {
        throw new DeltaSqlError('ANALYSIS_ERROR', `[STAR_GROUP_BY_POS] Star (*) is not allowed in a select list when GROUP BY an ordinal position is used`, {
          position: e.span.start,
        });
      }
      if (item === undefined) {
        throw new DeltaSqlError('ANALYSIS_ERROR', `[GROUP_BY_POS_OUT_OF_RANGE] GROUP BY position ${n} is not in select list (valid range is [1, ${items.length}])`, {
          position: e.span.start,
        });
      }
      if (isAggLike(item.expr)) {
        throw new DeltaSqlError('ANALYSIS_ERROR', `[GROUP_BY_POS_AGGREGATE] GROUP BY position ${n} refers to an expression with an aggregate function`, {
          position: e.span.start,
        });
      }
      return item.expr;
    }
    return gb.bind(e);
  };
  // Each item yields alternative key lists; the query's sets are their cross product.
  let combos: BoundExpr[][] = [[]];
  let hasSets = false;
  for (const it of g.items) {
    let alternatives: BoundExpr[][];
    if (it.kind === 'groupingSets') {
      hasSets = true;
      alternatives = it.sets.map((set) => set.map(bindOne));
    } else if (it.kind === 'rollup') {
      hasSets = true;
      const els = it.elements.map((el) => el.map(bindOne));
      alternatives = [];
      for (let k = els.length; k >= 0; k--) alternatives.push(els.slice(0, k).flat());
    } else if (it.kind === 'cube') {
      hasSets = true;
      const els = it.elements.map((el) => el.map(bindOne));
      alternatives = [];
      for (let mask = (1 << els.length) - 1; mask >= 0; mask--) {
        alternatives.push(els.filter((_, i) => (mask & (1 << (els.length - 1 - i))) !== 0).flat());
      }
    } else alternatives = [[bindOne(it)]];
    const next: BoundExpr[][] = [];
    for (const c of combos) for (const a of alternatives) next.push([...c, ...a]);
    combos = next;
  }
  const all = dedupe(combos.flat());
  const keys = all.map(exprKey);
  if (!hasSets) return { exprs: all, sets: undefined };
  const sets = combos.map((c) => [...new Set(c.map((e) => keys.indexOf(exprKey(e))))].sort((a, b) => a - b));
  return { exprs: all, sets };
}

function dedupe(exprs: readonly BoundExpr[]): BoundExpr[] {
  const seen = new Set<string>();
  return exprs.filter((e) => {
    const k = exprKey(e);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export interface BuiltAggregate {
  readonly plan: LogicalPlan;
  /** Rewrites a post-aggregation expression over the aggregate's output. */
  readonly rewrite: (e: BoundExpr) => BoundExpr;
  readonly groupingExpr: (fn: 'grouping' | 'grouping_id', args: readonly BoundExpr[], span: Span) => BoundExpr;
}

export function buildAggregate(
  env: QueryEnv,
  input: LogicalPlan,
  grouping: GroupingInfo | undefined,
  aggs: AggCollector,
  inputIds: ReadonlySet<number>,
  windows: WindowCollector,
): BuiltAggregate {
  void windows;
  const ctx = env.ctx;
  const groupBy = grouping?.exprs ?? [];
  const sets = grouping?.sets;
  const groupCols: LogicalColumn[] = groupBy.map((e, i) => {
    const c = newColumn(ctx.nextId(), e.kind === 'column' ? e.name : `_groupingexpression${i}`, e);
    return sets !== undefined ? { ...c, nullable: true } : { ...c, nullable: exprNullable(e) };
  });
  const gid: LogicalColumn | undefined = sets !== undefined ? { id: ctx.nextId(), name: 'spark_grouping_id', type: LONG, nullable: false } : undefined;
  const output = [...groupCols, ...(gid ? [gid] : []), ...aggs.entries.map((a) => a.column)];
  const plan: AggregatePlan = {
    kind: 'aggregate',
    input,
    groupBy,
    groupingSets: sets,
    aggregates: aggs.entries.map((a) => a.call),
    output,
  };
  const byKey = new Map(groupBy.map((e, i) => [exprKey(e), groupCols[i] as LogicalColumn]));
  const rewrite = (e: BoundExpr): BoundExpr => {
    const hit = byKey.get(exprKey(e));
    if (hit !== undefined) return colRef(hit);
    if (e.kind === 'column') {
      if (inputIds.has(e.index)) {
        throw new DeltaSqlError(
          'ANALYSIS_ERROR',
          `[MISSING_AGGREGATION] The non-aggregating expression \`${e.name}\` is based on columns which are not participating in the GROUP BY clause`,
          { hint: `add \`${e.name}\` to the GROUP BY, or wrap it in an aggregate function such as first() or any_value()` },
        );
      }
      return e;
    }
    const kids = exprChildren(e);
    if (kids.length === 0) return e;
    return withExprChildren(e, kids.map(rewrite));
  };
  const groupingExpr = (fn: 'grouping' | 'grouping_id', args: readonly BoundExpr[], span: Span): BoundExpr => {
    if (gid === undefined) {
      throw new DeltaSqlError('ANALYSIS_ERROR', `${fn}() can only be used with GROUPING SETS, ROLLUP or CUBE`, { position: span.start });
    }
    const n = groupBy.length;
    const s = ctx.settings;
    const bitOf = (a: BoundExpr): number => {
      const i = groupBy.findIndex((g) => exprKey(g) === exprKey(a));
      if (i < 0) throw new DeltaSqlError('ANALYSIS_ERROR', `the argument of ${fn}() must be a GROUP BY expression`, { position: span.start });
      return n - 1 - i;
    };
    if (fn === 'grouping') {
      if (args.length !== 1) throw new DeltaSqlError('INVALID_ARGUMENT', 'grouping() takes exactly one argument', { position: span.start });
      const shifted = resolveCall('shiftright', [colRef(gid), lit(bitOf(args[0] as BoundExpr), INT)], s, span);
      return castTo(resolveCall('bit_and', [shifted, lit(1n, LONG)], s, span), BYTE, s);
    }
    if (args.length === 0) return colRef(gid);
    // grouping_id(a, b): the bits of the named columns, most significant first.
    let acc: BoundExpr | undefined;
    args.forEach((a, j) => {
      const bit = resolveCall('bit_and', [resolveCall('shiftright', [colRef(gid), lit(bitOf(a), INT)], s, span), lit(1n, LONG)], s, span);
      const placed = resolveCall('shiftleft', [bit, lit(args.length - 1 - j, INT)], s, span);
      acc = acc === undefined ? placed : resolveCall('bit_or', [acc, placed], s, span);
    });
    return acc as BoundExpr;
  };
  return { plan, rewrite, groupingExpr };
}
