/**
 * LATERAL derived tables: the subquery sees the columns to its left. FROM-less ones become a
 * projection of the left input; correlated filters are pulled up into the join condition; a
 * correlated global aggregate is evaluated per distinct left value. Other shapes: UNSUPPORTED.
 */
import { unsupported } from '../../src/common/errors.js';
import type { DerivedTable, Expr } from '../../grammar/ast/index.js';
import type { BoundExpr } from '../expr/bound-expr.js';
import { colRef, makeAnd, mapColumns } from '../expr/expr-utils.js';
import { filterAll, join, newColumn } from '../logical/plan-builder.js';
import type { LogicalPlan } from '../logical/logical-plan.js';
import type { JoinType } from '../physical/physical-plan.js';
import { bindQuery } from './bind-query.js';
import { decorrelate, emptyInputValue, freeColumnIds } from './decorrelate.js';
import { joinViaDomain } from './domain-decorrelate.js';
import { ExprBinder } from './expr-binder.js';
import type { QueryEnv } from './query-env.js';
import { Scope, type ScopeColumn } from './scope.js';

interface Side {
  readonly plan: LogicalPlan;
  readonly columns: readonly ScopeColumn[];
}

/** Projections over the single empty row: the projected expressions, or undefined. */
function trivialExprs(plan: LogicalPlan): BoundExpr[] | undefined {
  if (plan.kind !== 'project') return undefined;
  let exprs = [...plan.exprs];
  let p: LogicalPlan = plan.input;
  while (p.kind === 'project') {
    const q = p;
    const defs = new Map(q.output.map((c, i) => [c.id, q.exprs[i] as BoundExpr]));
    exprs = exprs.map((e) => mapColumns(e, (c) => defs.get(c.index) ?? c));
    p = q.input;
  }
  return p.kind === 'values' && p.rows.length === 1 && p.output.length === 0 ? exprs : undefined;
}

function hasCountLikeAggregateTop(p: LogicalPlan): boolean | undefined {
  if (p.kind === 'aggregate') return p.groupBy.length > 0 || p.groupingSets !== undefined ? undefined : p.aggregates.some((a) => emptyInputValue(a.name) !== undefined);
  if (p.kind === 'project' || p.kind === 'filter' || p.kind === 'sort') return hasCountLikeAggregateTop(p.input);
  return undefined;
}

export function bindLateral(env: QueryEnv, left: Side, d: DerivedTable, joinType: JoinType, on: Expr | undefined): Side {
  const pos = { position: d.span.start };
  if (joinType !== 'inner' && joinType !== 'cross' && joinType !== 'left') return unsupported(`${joinType} join with a LATERAL subquery`, pos);
  const scope = new Scope(left.columns, env.ctx.settings.caseSensitive, env.outer);
  const sub = bindQuery({ ...env, outer: scope }, d.query);
  const leftIds = new Set(left.plan.output.map((c) => c.id));
  const outerIds = new Set([...freeColumnIds(sub)].filter((id) => leftIds.has(id)));
  const qualifier = d.alias ? [d.alias.name.name] : [];
  const names = d.alias?.columns?.map((c) => c.name);
  const rename = (cols: readonly ScopeColumn['column'][]): ScopeColumn[] =>
    cols.map((c, i) => ({ column: names?.[i] !== undefined ? { ...c, name: names[i] as string } : c, qualifier }));
  let plan: LogicalPlan;
  let rightCols: ScopeColumn[];
  const trivial = outerIds.size > 0 ? trivialExprs(sub) : undefined;
  if (trivial !== undefined) {
    const added = trivial.map((e, i) => newColumn(env.ctx.nextId(), names?.[i] ?? sub.output[i]?.name ?? `col${i + 1}`, e));
    plan = { kind: 'project', input: left.plan, exprs: [...left.plan.output.map(colRef), ...trivial], output: [...left.plan.output, ...added] };
    rightCols = added.map((column) => ({ column, qualifier }));
  } else if (outerIds.size === 0) {
    plan = join(joinType === 'cross' ? 'cross' : joinType, left.plan, sub, undefined);
    rightCols = rename(sub.output);
  } else {
    let decorrelated;
    try {
      decorrelated = decorrelate(sub, outerIds, () => env.ctx.nextId(), false);
    } catch {
      decorrelated = undefined;
    }
    if (decorrelated !== undefined) {
      plan = join(joinType === 'cross' ? 'inner' : joinType, left.plan, decorrelated.plan, makeAnd(decorrelated.predicates));
    } else {
      if (hasCountLikeAggregateTop(sub) !== false) return unsupported('this correlated LATERAL subquery', pos);
      plan = joinViaDomain(left.plan, sub, outerIds, () => env.ctx.nextId(), env.ctx.settings);
    }
    rightCols = rename(sub.output);
  }
  const columns = [...left.columns, ...rightCols];
  if (on !== undefined) {
    const cond = new ExprBinder(env.ctx, { scope: new Scope(columns, env.ctx.settings.caseSensitive, env.outer), clause: 'the join condition' }).bindPredicate(on);
    if (joinType === 'left' && !(cond.kind === 'literal' && cond.value === true)) return unsupported('LEFT JOIN LATERAL with an ON condition', pos);
    plan = filterAll(plan, [cond]);
  }
  // Output columns of the right side carry their (possibly renamed) names in this scope.
  return { plan, columns };
}
