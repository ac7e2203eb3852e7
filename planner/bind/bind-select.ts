/**
 * SELECT: FROM → WHERE → GROUP BY / aggregates → HAVING → windows → QUALIFY → projection
 * (plus hidden ORDER BY columns) → DISTINCT → ORDER BY. Aggregates and window calls bind to
 * fresh columns; once the grouping is known, expressions are rewritten over the aggregate output
 * and any column neither grouped nor aggregated is an error, as in Spark.
 */
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import type { Expr, NamedWindow, Relation, Select, SortItem, WindowSpec } from '../../grammar/ast/index.js';
import { bindLateral } from './bind-lateral.js';
import type { BoundExpr } from '../expr/bound-expr.js';
import { colRef, exprKey, mapColumns } from '../expr/expr-utils.js';
import { filter as makeFilter, join as makeJoin, keepColumns, newColumn, sort as makeSort } from '../logical/plan-builder.js';
import type { LogicalColumn, LogicalPlan } from '../logical/logical-plan.js';
import type { SortKey } from '../physical/physical-plan.js';
import { ExprBinder, type AggCollector, type PendingJoin, type WindowCollector } from './expr-binder.js';
import { bindRelation } from './bind-relation.js';
import { oneRow } from './bind-values.js';
import { bindWhere } from './bind-where.js';
import { ordinal } from './bind-query.js';
import { distinct } from './bind-set-op.js';
import { outputName } from './output-name.js';
import { buildAggregate, type GroupingInfo, bindGroupBy } from './bind-group-by.js';
import { addWindows } from './bind-window-nodes.js';
import { bindLateralViews, bindSelectGenerator } from './bind-generate.js';
import type { QueryEnv } from './query-env.js';
import { Scope, type ScopeColumn } from './scope.js';

interface SelectOut {
  readonly expr: BoundExpr;
  readonly name: string;
  readonly ast: Expr | undefined;
  readonly aliased?: boolean;
}

export function bindSelect(env: QueryEnv, sel: Select, orderBy: readonly SortItem[], queryWindows: readonly NamedWindow[]): LogicalPlan {
  const ctx = env.ctx;
  // FROM
  let plan: LogicalPlan;
  let columns: ScopeColumn[];
  if (sel.from.length === 0) {
    plan = oneRow(env);
    columns = [];
  } else {
    const first = bindRelation(env, sel.from[0] as Relation);
    plan = first.plan;
    columns = [...first.columns];
    for (const rel of sel.from.slice(1)) {
      if (rel.kind === 'derivedTable' && rel.lateral) {
        // `FROM t, LATERAL (…)`: the subquery sees everything to its left.
        const lat = bindLateral(env, { plan, columns }, rel, 'cross', undefined);
        plan = lat.plan;
        columns = [...lat.columns];
        continue;
      }
      const r = bindRelation(env, rel);
      plan = makeJoin('cross', plan, r.plan, undefined);
      columns.push(...r.columns);
    }
  }
  if (sel.lateralViews.length > 0) {
    const lv = bindLateralViews(env, plan, columns, sel.lateralViews);
    plan = lv.plan;
    columns = lv.columns;
  }
  const scope = new Scope(columns, ctx.settings.caseSensitive, env.outer);
  const inputIds = new Set(columns.map((c) => c.column.id));

  // WHERE (subquery conjuncts become semi/anti joins)
  if (sel.where !== undefined) plan = bindWhere(env, plan, scope, sel.where);

  // A lone generator in the SELECT list (SELECT explode(arr) FROM t)
  const gen = bindSelectGenerator(env, plan, scope, sel);
  if (gen !== undefined) return finishSimple(env, gen.plan, gen.items, orderBy, sel.distinct);

  const named = new Map<string, WindowSpec>();
  for (const w of [...sel.windows, ...queryWindows]) named.set(w.name.name.toLowerCase(), w.spec);
  const groupingCalls: { column: LogicalColumn; fn: 'grouping' | 'grouping_id'; args: readonly BoundExpr[]; span: Expr['span'] }[] = [];
  const aggs: AggCollector = {
    entries: [],
    grouping: (fn, args, span) => {
      const column = { id: ctx.nextId(), name: fn, type: fn === 'grouping' ? { kind: 'byte' as const } : { kind: 'long' as const }, nullable: false };
      groupingCalls.push({ column, fn, args, span });
      return colRef(column);
    },
  };
  const windows: WindowCollector = { entries: [], named };
  const pending: PendingJoin[] = [];
  const binder = new ExprBinder(ctx, { scope, clause: 'SELECT', aggs, windows, pendingJoins: pending, ctes: env.ctes });

  // SELECT list
  const items: SelectOut[] = [];
  for (const it of sel.items) {
    if (it.expr.kind === 'star') {
      for (const c of scope.star(it.expr.qualifier, it.expr.span)) items.push({ expr: colRef(c), name: c.name, ast: undefined });
      continue;
    }
    if (it.aliases !== undefined) return unsupported('multi-column aliases `AS (a, b)` outside generators', { position: it.span.start });
    // Lateral column aliases: an unresolved name may refer to an alias defined earlier in the list.
    const earlier = [...items];
    const lateral = (parts: readonly string[]): BoundExpr | undefined => {
      if (parts.length !== 1) return undefined;
      const n = (parts[0] ?? '').toLowerCase();
      return earlier.find((i) => i.aliased && i.name.toLowerCase() === n)?.expr;
    };
    const expr = binder.derive({ fallback: lateral }).bind(it.expr);
    const name = it.alias?.name ?? outputName(it.expr, (parts) => scope.lookup(parts)?.column.name);
    items.push({ expr, name, ast: it.expr, aliased: it.alias !== undefined });
  }
  const aliasOf = (parts: readonly string[]): BoundExpr | undefined => {
    if (parts.length !== 1) return undefined;
    const n = (parts[0] ?? '').toLowerCase();
    const hits = items.filter((i) => i.ast !== undefined && i.name.toLowerCase() === n && sel.items.some((s) => s.alias?.name.toLowerCase() === n));
    return hits[0]?.expr;
  };

  // GROUP BY (ordinals and select aliases allowed, as in Spark)
  const grouping: GroupingInfo | undefined = sel.groupBy ? bindGroupBy(env, binder, sel.groupBy, items, aliasOf) : undefined;

  const having = sel.having !== undefined ? binder.derive({ clause: 'HAVING', fallback: aliasOf }).bindPredicate(sel.having) : undefined;
  const qualify = sel.qualify !== undefined ? binder.derive({ clause: 'QUALIFY', fallback: aliasOf }).bindPredicate(sel.qualify) : undefined;

  // ORDER BY: select aliases first, then input columns; ordinals name select items.
  const outputAlias = (parts: readonly string[]): BoundExpr | undefined => {
    if (parts.length !== 1) return undefined;
    const n = (parts[0] ?? '').toLowerCase();
    const hit = items.find((i) => i.name.toLowerCase() === n);
    return hit?.expr;
  };
  const orderBinder = binder.derive({ clause: 'ORDER BY', preferred: outputAlias });
  const sortKeys: SortKey[] = orderBy.map((it) => {
    const ascending = it.direction !== 'DESC';
    const ord = ctx.settings.orderByOrdinal === false ? undefined : ordinal(it.expr);
    let expr: BoundExpr;
    if (ord !== undefined) {
      const item = items[ord - 1];
      if (item === undefined) {
        throw new DeltaSqlError('ANALYSIS_ERROR', `[ORDER_BY_POS_OUT_OF_RANGE] ORDER BY position ${ord} is not in select list (valid range is [1, ${items.length}])`, {
          position: it.span.start,
        });
      }
      expr = item.expr;
    } else expr = orderBinder.bind(it.expr);
    return { expr, ascending, nullsFirst: it.nulls === undefined ? ascending : it.nulls === 'FIRST' };
  });

  const isAggregate = grouping !== undefined || aggs.entries.length > 0 || having !== undefined;
  let rewrite = (e: BoundExpr): BoundExpr => e;
  if (isAggregate) {
    if (pending.length > 0) return unsupported('correlated scalar subqueries in an aggregated SELECT', { position: sel.span.start });
    const built = buildAggregate(env, plan, grouping, aggs, inputIds, windows);
    plan = built.plan;
    rewrite = built.rewrite;
    const groupingExprs = new Map(groupingCalls.map((g) => [g.column.id, built.groupingExpr(g.fn, g.args, g.span)]));
    const withGrouping = (e: BoundExpr): BoundExpr => mapColumns(e, (c) => groupingExprs.get(c.index) ?? c);
    const inner = rewrite;
    rewrite = (e) => withGrouping(inner(e));
  } else if (groupingCalls.length > 0) {
    throw new DeltaSqlError('ANALYSIS_ERROR', 'grouping() can only be used with GROUP BY', { position: sel.span.start });
  }
  for (const p of pending) plan = p.apply(plan);
  if (having !== undefined) plan = makeFilter(plan, rewrite(having));
  plan = addWindows(env, plan, windows, rewrite);
  if (qualify !== undefined) {
    if (windows.entries.length === 0) {
      throw new DeltaSqlError('ANALYSIS_ERROR', 'QUALIFY requires a window function in the SELECT list or the QUALIFY clause', {
        position: sel.qualify?.span.start,
      });
    }
    plan = makeFilter(plan, rewrite(qualify));
  }
  const finalItems = items.map((i) => ({ ...i, expr: rewrite(i.expr) }));
  const keys = sortKeys.map((k) => ({ ...k, expr: rewrite(k.expr) }));
  return projectAndSort(env, plan, finalItems, keys, sel.distinct);
}

/** Project the select list plus hidden sort columns, DISTINCT, sort, then drop hidden columns. */
function projectAndSort(env: QueryEnv, plan: LogicalPlan, items: readonly SelectOut[], keys: readonly SortKey[], isDistinct: boolean): LogicalPlan {
  const exprs = items.map((i) => i.expr);
  const names = items.map((i) => i.name);
  const hidden: BoundExpr[] = [];
  const keyTargets = keys.map((k) => {
    const key = exprKey(k.expr);
    const at = exprs.findIndex((e) => exprKey(e) === key);
    if (at >= 0) return at;
    const h = hidden.findIndex((e) => exprKey(e) === key);
    if (h >= 0) return exprs.length + h;
    hidden.push(k.expr);
    return exprs.length + hidden.length - 1;
  });
  if (isDistinct && hidden.length > 0) {
    throw new DeltaSqlError('ANALYSIS_ERROR', 'ORDER BY expressions must appear in the select list when SELECT DISTINCT is used');
  }
  // A selected column keeps its identity (Spark's attribute ids): `SELECT a, A FROM t` is one column twice, not two.
  const inputIds = new Set(plan.output.map((c) => c.id));
  const allExprs = [...exprs, ...hidden];
  const allNames = [...names, ...hidden.map((_, i) => `__sort${i}`)];
  const output = allExprs.map((e, i) => {
    const c = newColumn(env.ctx.nextId(), allNames[i] ?? `col${i + 1}`, e);
    return e.kind === 'column' && inputIds.has(e.index) ? { ...c, id: e.index } : c;
  });
  let out: LogicalPlan = { kind: 'project', input: plan, exprs: allExprs, output };
  if (isDistinct) out = distinct(env, out);
  if (keys.length === 0) return out;
  const cols = out.output;
  const sortKeys = keys.map((k, i) => ({ ...k, expr: colRef(cols[keyTargets[i] ?? 0] as LogicalColumn) }));
  out = makeSort(out, sortKeys);
  return hidden.length > 0 ? keepColumns(out, cols.slice(0, exprs.length)) : out;
}

function finishSimple(env: QueryEnv, plan: LogicalPlan, items: readonly SelectOut[], orderBy: readonly SortItem[], isDistinct: boolean): LogicalPlan {
  if (orderBy.length > 0) return unsupported('ORDER BY together with a generator in the SELECT list');
  return projectAndSort(env, plan, items, [], isDistinct);
}
