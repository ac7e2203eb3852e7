/**
 * Predicate pushdown: filter conjuncts move as close to the data as is legal — through
 * projections (substituting the projected expressions), sorts, aggregates (conjuncts on group
 * keys only), unions, and into join inputs: never into the NULL-producing side of an outer join.
 * A filter over a cross join joins its condition (an inner join). Conjuncts that reach a scan
 * are also recorded on it for partition pruning and file skipping; the filter stays above.
 */
import type { BoundExpr } from '../expr/bound-expr.js';
import { colRef, columnIds, conjuncts, exprKey, makeAnd, mapColumns, someExpr } from '../expr/expr-utils.js';
import { filterAll, joinOutput } from '../logical/plan-builder.js';
import { withChildren, childrenOf, type JoinPlan, type LogicalPlan } from '../logical/logical-plan.js';
import { isDeterministic } from './deterministic.js';
import type { OptimizerRule } from './rule.js';

const ids = (p: LogicalPlan): Set<number> => new Set(p.output.map((c) => c.id));
const within = (e: BoundExpr, s: ReadonlySet<number>): boolean => [...columnIds(e)].every((id) => s.has(id));
const hasSubquery = (e: BoundExpr): boolean =>
  someExpr(e, (x) => x.kind === 'scalar_subquery' || x.kind === 'exists_subquery' || x.kind === 'in_subquery');

function push(plan: LogicalPlan, preds: BoundExpr[]): LogicalPlan {
  const movable = preds.filter((p) => isDeterministic(p));
  const stuck = preds.filter((p) => !isDeterministic(p));
  return filterAll(pushMovable(plan, movable), stuck);
}

/** Place `preds` (all deterministic, over plan's output) as low as possible in `plan`. */
function pushMovable(plan: LogicalPlan, preds: BoundExpr[]): LogicalPlan {
  switch (plan.kind) {
    case 'filter':
      return push(plan.input, [...conjuncts(plan.predicate), ...preds]);
    case 'project': {
      const defs = new Map(plan.output.map((c, i) => [c.id, plan.exprs[i] as BoundExpr]));
      const down: BoundExpr[] = [];
      const keep: BoundExpr[] = [];
      for (const p of preds) {
        const sub = mapColumns(p, (c) => defs.get(c.index) ?? c);
        if (isDeterministic(sub) && !hasSubquery(sub)) down.push(sub);
        else keep.push(p);
      }
      return filterAll({ ...plan, input: push(plan.input, down) }, keep);
    }
    case 'sort':
      return { ...plan, input: push(plan.input, preds) };
    case 'aggregate': {
      if (plan.groupingSets !== undefined) return filterAll(recurse(plan), preds);
      const groupIds = new Map(plan.groupBy.map((g, i) => [plan.output[i]?.id ?? -1, g]));
      const down: BoundExpr[] = [];
      const keep: BoundExpr[] = [];
      for (const p of preds) {
        if ([...columnIds(p)].every((id) => groupIds.has(id))) down.push(mapColumns(p, (c) => groupIds.get(c.index) ?? c));
        else keep.push(p);
      }
      return filterAll({ ...plan, input: push(plan.input, down) }, keep);
    }
    case 'window': {
      // A filter on PARTITION BY columns removes whole partitions: it can run before the window.
      const keys = new Set(plan.partitionBy.filter((e) => e.kind === 'column').map((e) => (e.kind === 'column' ? e.index : -1)));
      const down = preds.filter((p) => columnIds(p).size > 0 && [...columnIds(p)].every((id) => keys.has(id)));
      const keep = preds.filter((p) => !down.includes(p));
      const input = push(plan.input, down);
      return filterAll({ ...plan, input, output: [...input.output, ...plan.output.slice(plan.input.output.length)] }, keep);
    }
    case 'union': {
      const inputs = plan.inputs.map((inp) => {
        const map = new Map(plan.output.map((c, i) => [c.id, inp.output[i]]));
        return push(inp, preds.map((p) => mapColumns(p, (c) => {
          const t = map.get(c.index);
          return t ? colRef(t) : c;
        })));
      });
      return { ...plan, inputs };
    }
    case 'join':
      return pushJoin(plan, preds);
    case 'scan': {
      const seen = new Set(plan.pruningFilters.map(exprKey));
      const add = preds.filter((p) => !hasSubquery(p) && !seen.has(exprKey(p)));
      const scan = add.length > 0 ? { ...plan, pruningFilters: [...plan.pruningFilters, ...add] } : plan;
      return filterAll(scan, preds);
    }
    default:
      return filterAll(recurse(plan), preds);
  }
}

function recurse(plan: LogicalPlan): LogicalPlan {
  const kids = childrenOf(plan);
  const next = kids.map((k) => push(k, []));
  return next.every((k, i) => k === kids[i]) ? plan : withChildren(plan, next);
}

function pushJoin(j: JoinPlan, above: BoundExpr[]): LogicalPlan {
  const l = ids(j.left);
  const r = ids(j.right);
  const t = j.joinType;
  const leftOk = t === 'inner' || t === 'cross' || t === 'left' || t === 'left_semi' || t === 'left_anti';
  const rightOk = t === 'inner' || t === 'cross' || t === 'right';
  const toLeft: BoundExpr[] = [];
  const toRight: BoundExpr[] = [];
  const stay: BoundExpr[] = [];
  let cond = conjuncts(j.condition);
  let joinType = t;
  for (const p of above) {
    if (leftOk && within(p, l)) toLeft.push(p);
    else if (rightOk && within(p, r)) toRight.push(p);
    else if ((t === 'inner' || t === 'cross') && !hasSubquery(p)) {
      cond.push(p);
      joinType = 'inner';
    } else stay.push(p);
  }
  // ON conjuncts over one side: into that side where the join type allows.
  const onLeftOk = t === 'inner' || t === 'cross' || t === 'right' || t === 'left_semi';
  const onRightOk = t === 'inner' || t === 'cross' || t === 'left' || t === 'left_semi' || t === 'left_anti';
  const rest: BoundExpr[] = [];
  for (const c of cond) {
    // A null-aware anti join (NOT IN) must see every inner row, NULLs included: nothing moves.
    if (!isDeterministic(c) || hasSubquery(c) || j.nullAware) rest.push(c);
    else if (onLeftOk && within(c, l)) toLeft.push(c);
    else if (onRightOk && within(c, r)) toRight.push(c);
    else rest.push(c);
  }
  cond = rest;
  const left = push(j.left, toLeft);
  const right = push(j.right, toRight);
  const condition = makeAnd(cond);
  const next: JoinPlan = {
    ...j,
    joinType: joinType === 'cross' && condition !== undefined ? 'inner' : joinType,
    left,
    right,
    condition,
    output: joinOutput(joinType, left, right),
  };
  return filterAll(next, stay);
}

export const predicatePushdown: OptimizerRule = {
  name: 'predicate-pushdown',
  apply(plan) {
    return push(plan, []);
  },
};
