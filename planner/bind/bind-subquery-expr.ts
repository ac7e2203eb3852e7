/**
 * Subqueries inside expressions. Uncorrelated ones are planned on their own and run once by the
 * executor; a correlated scalar aggregate becomes a left join (registered as a pending join);
 * correlated EXISTS / IN are handled as WHERE conjuncts (bind-where.ts) and unsupported elsewhere.
 */
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import { LONG, sameType } from '../../src/common/types/data-type.js';
import type { Exists, InSubquery, Query, ScalarSubquery } from '../../grammar/ast/index.js';
import { exprType, type BoundExpr } from '../expr/bound-expr.js';
import { colRef, lit, makeAnd, mapColumns, someExpr } from '../expr/expr-utils.js';
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
function correlatedScalar(b: ExprBinder, plan0: LogicalPlan, outerIds: Set<number>, pending: PendingJoin[], e: ScalarSubquery | Exists): BoundExpr {
  const col = plan0.output[0] as LogicalColumn;
  // What the subquery yields over no rows (count() is 0, coalesce(sum(x), 0) is 0, …), and a
  // marker column that is NULL exactly when the outer row found no group.
  const empty = emptyValueExpr(plan0, col.id);
  const marked = empty === undefined ? undefined : addMarker(b, plan0);
  const plan = marked?.plan ?? plan0;
  let d: ReturnType<typeof decorrelate> | undefined;
  try {
    d = decorrelate(plan, outerIds, () => b.ctx.nextId(), true);
  } catch (error) {
    if (!(error instanceof DeltaSqlError) || error.code !== 'UNSUPPORTED') throw error;
  }
  if (d !== undefined && d.throughAggregate) {
    const cond = makeAnd(d.predicates);
    const inner = d.plan;
    pending.push({ apply: (input) => join('left', input, inner, cond) });
  } else {
    // Non-equality correlation: evaluate per distinct outer value (the domain), then join back.
    pending.push({ apply: (input) => joinViaDomain(input, plan, outerIds, () => b.ctx.nextId(), b.ctx.settings) });
  }
  const ref = colRef({ ...col, nullable: true });
  if (empty === undefined || marked === undefined) return ref;
  const unmatched = resolveCall('is_null', [colRef(marked.marker)], b.ctx.settings, e.span);
  return { kind: 'case', branches: [{ when: unmatched, then: empty }], otherwise: ref, type: col.type };
}

/** The subquery's value over zero input rows, when it is not simply NULL (closed expression). */
function emptyValueExpr(plan: LogicalPlan, id: number): BoundExpr | undefined {
  let expr: BoundExpr = colRef(plan.output.find((c) => c.id === id) as LogicalColumn);
  let p: LogicalPlan = plan;
  while (p.kind === 'project' || p.kind === 'filter' || p.kind === 'sort') {
    if (p.kind === 'project') {
      const q = p;
      const defs = new Map(q.output.map((c, i) => [c.id, q.exprs[i] as BoundExpr]));
      expr = mapColumns(expr, (c) => defs.get(c.index) ?? c);
    }
    p = p.input;
  }
  if (p.kind !== 'aggregate') return undefined;
  const agg = p;
  const values = new Map(agg.output.map((c, i) => {
    const call = agg.aggregates[i - agg.groupBy.length];
    const v = call === undefined ? undefined : emptyInputValue(call.name);
    return [c.id, lit(v === undefined ? null : v, c.type)] as const;
  }));
  const closed = mapColumns(expr, (c) => values.get(c.index) ?? c);
  if (someExpr(closed, (x) => x.kind === 'column')) return undefined;
  if (closed.kind === 'literal' && closed.value === null) return undefined;
  return closed;
}

/** Add a count(*) to the subquery's aggregate and pass it up: non-NULL wherever a group exists. */
function addMarker(b: ExprBinder, plan: LogicalPlan): { plan: LogicalPlan; marker: LogicalColumn } | undefined {
  const count = resolveWith('count', [], b.ctx.settings);
  const marker: LogicalColumn = { id: b.ctx.nextId(), name: '__matched', type: count.returnType, nullable: true };
  const walk = (p: LogicalPlan): LogicalPlan | undefined => {
    switch (p.kind) {
      case 'aggregate':
        return { ...p, aggregates: [...p.aggregates, { name: count.name, args: [], distinct: false, type: count.returnType }], output: [...p.output, marker] };
      case 'project': {
        const input = walk(p.input);
        return input && { ...p, input, exprs: [...p.exprs, colRef(marker)], output: [...p.output, marker] };
      }
      case 'filter':
      case 'sort': {
        const input = walk(p.input);
        return input && ({ ...p, input, output: input.output } as LogicalPlan);
      }
      default:
        return undefined;
    }
  };
  const out = walk(plan);
  return out && { plan: out, marker };
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

