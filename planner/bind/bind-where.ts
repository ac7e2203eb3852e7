/**
 * WHERE: conjuncts that are [NOT] EXISTS / [NOT] IN subqueries become semi / anti joins
 * (correlated ones decorrelated); the rest is one filter. NOT IN keeps SQL's NULL semantics.
 */
import { BOOLEAN } from '../../src/common/types/data-type.js';
import type { Exists, Expr, InSubquery } from '../../grammar/ast/index.js';
import type { BoundExpr } from '../expr/bound-expr.js';
import { colRef, columnIds, makeAnd } from '../expr/expr-utils.js';
import { filterAll, join } from '../logical/plan-builder.js';
import type { LogicalPlan } from '../logical/logical-plan.js';
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import type { LogicalColumn } from '../logical/logical-plan.js';
import { ExprBinder, type PendingJoin } from './expr-binder.js';
import { bindSubqueryPlan, coerceInProbe } from './bind-subquery-expr.js';
import { decorrelate, requireSingleColumn } from './decorrelate.js';
import { resolveCall } from './functions-adapter.js';
import type { QueryEnv } from './query-env.js';
import type { Scope } from './scope.js';

function splitAnd(e: Expr): Expr[] {
  if (e.kind === 'binaryOp' && e.op === 'AND') return [...splitAnd(e.left), ...splitAnd(e.right)];
  return [e];
}

export function bindWhere(env: QueryEnv, input: LogicalPlan, scope: Scope, where: Expr): LogicalPlan {
  const pending: PendingJoin[] = [];
  const binder = new ExprBinder(env.ctx, { scope, clause: 'WHERE', pendingJoins: pending, ctes: env.ctes });
  let plan = input;
  const rest: BoundExpr[] = [];
  for (const part of splitAnd(where)) {
    const negated = part.kind === 'unaryOp' && part.op === 'NOT';
    const core = negated ? part.operand : part;
    if (core.kind === 'exists') plan = existsJoin(binder, plan, core, negated, rest);
    else if (core.kind === 'inSubquery' && core.operand.kind !== 'row') plan = inJoin(binder, plan, core, core.negated !== negated);
    else if (core.kind === 'inSubquery' && core.operand.kind === 'row' && core.negated === negated) plan = rowInJoin(binder, plan, core);
    else rest.push(binder.bindPredicate(part));
  }
  for (const p of pending) plan = p.apply(plan);
  return filterAll(plan, rest);
}

function existsJoin(b: ExprBinder, plan: LogicalPlan, e: Exists, negated: boolean, rest: BoundExpr[]): LogicalPlan {
  const sub = bindSubqueryPlan(b, e.query);
  if (sub.outerIds.size === 0) {
    rest.push({ kind: 'exists_subquery', plan: b.ctx.lowerSubquery(sub.plan), negated });
    return plan;
  }
  const d = decorrelate(sub.plan, sub.outerIds, () => b.ctx.nextId(), false);
  return join(negated ? 'left_anti' : 'left_semi', plan, d.plan, makeAnd(d.predicates));
}

/** `(a, b) IN (SELECT x, y …)` as a semi join on each pair (correlated filters pulled up too). */
function rowInJoin(b: ExprBinder, plan: LogicalPlan, e: InSubquery): LogicalPlan {
  const s = b.ctx.settings;
  if (e.operand.kind !== 'row') return plan;
  const probes = e.operand.items.map((x) => b.bind(x));
  const sub = bindSubqueryPlan(b, e.query);
  if (sub.plan.output.length !== probes.length) {
    throw new DeltaSqlError('ANALYSIS_ERROR', `IN subquery: ${probes.length} values compared with ${sub.plan.output.length} columns`, { position: e.span.start });
  }
  const d = sub.outerIds.size === 0 ? { plan: sub.plan, predicates: [] as BoundExpr[] } : decorrelate(sub.plan, sub.outerIds, () => b.ctx.nextId(), false);
  const eqs = probes.map((p, i) => resolveCall('eq', [p, colRef(sub.plan.output[i] as LogicalColumn)], s, e.span));
  return join('left_semi', plan, d.plan, makeAnd([...eqs, ...d.predicates]));
}

function inJoin(b: ExprBinder, plan: LogicalPlan, e: InSubquery, negated: boolean): LogicalPlan {
  const s = b.ctx.settings;
  const sub = bindSubqueryPlan(b, e.query);
  const probe = b.bind(e.operand);
  requireSingleColumn(sub.plan, 'the IN subquery');
  if (sub.outerIds.size === 0) {
    const c = coerceInProbe(b, probe, sub.plan, e);
    if (columnIds(c.probe).size === 0) {
      // A constant probe has no join key: evaluate `[NOT] IN (subquery)` once, with SQL's NULL rules.
      return filterAll(plan, [{ kind: 'in_subquery', plan: b.ctx.lowerSubquery(c.plan), input: c.probe, negated }]);
    }
    const eq = resolveCall('eq', [c.probe, colRef(c.column)], s, e.span);
    return join(negated ? 'left_anti' : 'left_semi', plan, c.plan, eq, negated);
  }
  const d = decorrelate(sub.plan, sub.outerIds, () => b.ctx.nextId(), false);
  const c = coerceInProbe(b, probe, d.plan, e);
  const eq = resolveCall('eq', [c.probe, colRef(c.column)], s, e.span);
  if (!negated) return join('left_semi', plan, c.plan, makeAnd([eq, ...d.predicates]));
  if (c.plan !== d.plan) return unsupported('a correlated NOT IN needing a type coercion', { position: e.span.start });
  // NOT IN: a row is dropped when some inner row matches or compares as unknown.
  const unknown = resolveCall('is_null', [eq], s, e.span);
  const matchOrUnknown: BoundExpr = { kind: 'or', args: [eq, unknown] };
  void BOOLEAN;
  return join('left_anti', plan, c.plan, makeAnd([matchOrUnknown, ...d.predicates]));
}
