/**
 * Subqueries inside expressions. Uncorrelated ones are planned on their own and run once by the
 * executor; a correlated scalar aggregate becomes a left join (registered as a pending join);
 * correlated EXISTS / IN are handled as WHERE conjuncts (bind-where.ts) and unsupported elsewhere.
 */
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import { LONG, sameType } from '../../src/common/types/data-type.js';
import type { Exists, InSubquery, Query, ScalarSubquery } from '../../grammar/ast/index.js';
import { exprType, type BoundExpr } from '../expr/bound-expr.js';
import { colRef, lit, makeAnd, mapColumns } from '../expr/expr-utils.js';
import { join, project } from '../logical/plan-builder.js';
import type { LogicalColumn, LogicalPlan } from '../logical/logical-plan.js';
import { bindQuery } from './bind-query.js';
import { joinViaDomain } from './domain-decorrelate.js';
import { decorrelate, emptyInputValue, freeColumnIds, requireSingleColumn } from './decorrelate.js';
import type { ExprBinder, PendingJoin } from './expr-binder.js';
import { castTo, commonTypeOf, resolveCall, resolveWith } from './functions-adapter.js';

export interface BoundSubquery {
  readonly plan: LogicalPlan;
  readonly outerIds: Set<number>;
}

export function bindSubqueryPlan(b: ExprBinder, q: Query): BoundSubquery {
  const plan = bindQuery({ ctx: b.ctx, outer: b.scope, ctes: b.options.ctes ?? new Map() }, q);
  return { plan, outerIds: freeColumnIds(plan) };
}

/** Probe and subquery column coerced to one type: the probe expression and the (maybe re-projected) plan. */
export function coerceInProbe(b: ExprBinder, probe: BoundExpr, plan: LogicalPlan, e: InSubquery): { probe: BoundExpr; plan: LogicalPlan; column: LogicalColumn } {
  const col = plan.output[0] as LogicalColumn;
  const pt = exprType(probe);
  const t = commonTypeOf([pt, col.type], b.ctx.settings);
  if (t === undefined) {
    throw new DeltaSqlError('TYPE_MISMATCH', 'IN subquery: the value and the subquery column have no common type', { position: e.span.start });
  }
  const p2 = sameType(col.type, t) ? plan : project(plan, [castTo(colRef(col), t, b.ctx.settings), ...plan.output.slice(1).map(colRef)], plan.output.map((c) => c.name), () => b.ctx.nextId());
  return { probe: castTo(probe, t, b.ctx.settings), plan: p2, column: p2.output[0] as LogicalColumn };
}

export function bindExprSubquery(b: ExprBinder, e: ScalarSubquery | Exists | InSubquery): BoundExpr {
  const sub = bindSubqueryPlan(b, e.query);
  if (e.kind === 'subquery' && sub.outerIds.size > 0) {
    const inlined = inlineTrivial(sub.plan);
    if (inlined !== undefined) return inlined;
  }
  if (sub.outerIds.size === 0) {
    if (e.kind === 'subquery') {
      const col = requireSingleColumn(sub.plan, 'a scalar subquery');
      return { kind: 'scalar_subquery', plan: b.ctx.lowerSubquery(sub.plan), type: col.type };
    }
    if (e.kind === 'exists') return { kind: 'exists_subquery', plan: b.ctx.lowerSubquery(sub.plan), negated: false };
    if (e.operand.kind === 'row') return unsupported('multi-column IN subqueries', { position: e.span.start });
    requireSingleColumn(sub.plan, 'the IN subquery');
    const c = coerceInProbe(b, b.bind(e.operand), sub.plan, e);
    return { kind: 'in_subquery', plan: b.ctx.lowerSubquery(c.plan), input: c.probe, negated: e.negated };
  }
  const pending = b.options.pendingJoins;
  if (pending !== undefined && e.kind === 'exists') {
    // EXISTS (correlated) ≡ (SELECT count(*) …) > 0, decorrelated like a scalar aggregate.
    const count = resolveWith('count', [], b.ctx.settings, e.span);
    const col: LogicalColumn = { id: b.ctx.nextId(), name: 'count', type: count.returnType, nullable: false };
    const agg: LogicalPlan = {
      kind: 'aggregate',
      input: sub.plan,
      groupBy: [],
      groupingSets: undefined,
      aggregates: [{ name: count.name, args: [], distinct: false, type: count.returnType }],
      output: [col],
    };
    const n = correlatedScalar(b, agg, sub.outerIds, pending, e);
    return resolveCall('gt', [n, lit(0n, LONG)], b.ctx.settings, e.span);
  }
  if (e.kind !== 'subquery' || pending === undefined) {
    return unsupported(`a correlated ${e.kind === 'subquery' ? 'scalar subquery' : e.kind === 'exists' ? 'EXISTS' : 'IN subquery'} in ${b.options.clause} (outside a top-level WHERE conjunct)`, {
      position: e.span.start,
    });
  }
  requireSingleColumn(sub.plan, 'a scalar subquery');
  if (!hasAggregateTop(sub.plan)) {
    throw new DeltaSqlError('ANALYSIS_ERROR', 'Correlated scalar subqueries must be aggregated to return at most one row', {
      position: e.span.start,
    });
  }
  return correlatedScalar(b, sub.plan, sub.outerIds, pending, e);
}

/** A correlated single-row aggregate subquery: joined in (equality keys or the outer domain), its value referenced. */
function correlatedScalar(b: ExprBinder, plan: LogicalPlan, outerIds: Set<number>, pending: PendingJoin[], e: ScalarSubquery | Exists): BoundExpr {
  let d: ReturnType<typeof decorrelate> | undefined;
  try {
    d = decorrelate(plan, outerIds, () => b.ctx.nextId(), true);
  } catch (error) {
    if (!(error instanceof DeltaSqlError) || error.code !== 'UNSUPPORTED') throw error;
  }
  const result = d?.plan ?? plan;
  // The value column keeps its id through decorrelation (which may add key columns before it).
  const col = plan.output[0] as LogicalColumn;
  if (d !== undefined && d.throughAggregate) {
    const cond = makeAnd(d.predicates);
    const inner = d.plan;
    pending.push({ apply: (input) => join('left', input, inner, cond) });
  } else {
    // Non-equality correlation: evaluate per distinct outer value (the domain), then join back.
    pending.push({ apply: (input) => joinViaDomain(input, plan, outerIds, () => b.ctx.nextId(), b.ctx.settings) });
  }
  const ref = colRef({ ...col, nullable: true });
  const empty = emptyValueOf(result, col.id, e);
  return empty === undefined ? ref : { kind: 'coalesce', args: [ref, lit(empty, LONG)], type: LONG };
}

/**
 * A FROM-less subquery (`(SELECT t.x + 1)`): projections over the single empty row. Its value is
 * the projected expression itself, evaluated in the outer row.
 */
function inlineTrivial(plan: LogicalPlan): BoundExpr | undefined {
  if (plan.kind !== 'project' || plan.exprs.length !== 1) return undefined;
  let expr = plan.exprs[0] as BoundExpr;
  let p: LogicalPlan = plan.input;
  while (p.kind === 'project') {
    const defs = new Map(p.output.map((c, i) => [c.id, p.kind === 'project' ? (p.exprs[i] as BoundExpr) : undefined]));
    expr = mapColumns(expr, (c) => defs.get(c.index) ?? c);
    p = p.input;
  }
  if (p.kind !== 'values' || p.rows.length !== 1 || p.output.length !== 0) return undefined;
  return expr;
}

/** Project / Filter / Sort chains over a global aggregate: at most one row per evaluation. */
function hasAggregateTop(p: LogicalPlan): boolean {
  if (p.kind === 'aggregate') return p.groupBy.length === 0 && p.groupingSets === undefined;
  if (p.kind === 'project' || p.kind === 'filter' || p.kind === 'sort') return hasAggregateTop(p.input);
  return false;
}

/** Follow the subquery's output column down to its aggregate: count-like aggregates yield 0 on no rows. */
function emptyValueOf(plan: LogicalPlan, id: number, e: ScalarSubquery | Exists): bigint | undefined {
  let p: LogicalPlan = plan;
  let target = id;
  for (;;) {
    if (p.kind === 'project') {
      const i = p.output.findIndex((c) => c.id === target);
      const x = p.exprs[i];
      if (x === undefined) return undefined;
      if (x.kind !== 'column') {
        if (containsCountLike(p.input)) return unsupported('a correlated scalar subquery computing over count()', { position: e.span.start });
        return undefined;
      }
      target = x.index;
      p = p.input;
    } else if (p.kind === 'filter' || p.kind === 'sort') p = p.input;
    else if (p.kind === 'aggregate') {
      const i = p.output.findIndex((c) => c.id === target) - p.groupBy.length;
      const call = p.aggregates[i];
      if (call === undefined) return undefined;
      const v = emptyInputValue(call.name);
      if (v !== undefined && !sameType(call.type, LONG)) return unsupported('a correlated scalar count() of this type');
      return v;
    } else return undefined;
  }
}

function containsCountLike(p: LogicalPlan): boolean {
  if (p.kind === 'aggregate') return p.aggregates.some((a) => emptyInputValue(a.name) !== undefined);
  if (p.kind === 'project' || p.kind === 'filter' || p.kind === 'sort') return containsCountLike(p.input);
  return false;
}
