/**
 * Limit pushdown: LIMIT moves below projections, merges with another LIMIT, and a copy of
 * LIMIT (limit + offset) goes into each input of a UNION ALL.
 */
import { transformUp, type LogicalPlan } from '../logical/logical-plan.js';
import { limit as makeLimit } from '../logical/plan-builder.js';
import { someExpr } from '../expr/expr-utils.js';
import type { OptimizerRule } from './rule.js';

function pushLimit(p: LogicalPlan): LogicalPlan {
  if (p.kind !== 'limit') return p;
  const input = p.input;
  if (input.kind === 'project' && !input.exprs.some((e) => someExpr(e, (x) => x.kind === 'scalar_subquery'))) {
    return { ...input, input: pushLimit(makeLimit(input.input, p.limit, p.offset)) };
  }
  if (input.kind === 'limit') {
    // Outer (n, o) over inner (m, q): rows q+o .. q+o+min(n, m-o).
    const innerRemaining = input.limit === undefined ? undefined : Math.max(0, input.limit - p.offset);
    const n = p.limit === undefined ? innerRemaining : innerRemaining === undefined ? p.limit : Math.min(p.limit, innerRemaining);
    return pushLimit(makeLimit(input.input, n, input.offset + p.offset));
  }
  if (input.kind === 'union' && p.limit !== undefined) {
    const cap = p.limit + p.offset;
    const inputs = input.inputs.map((i) => (i.kind === 'limit' && i.offset === 0 && (i.limit ?? Infinity) <= cap ? i : makeLimit(i, cap, 0)));
    return { ...p, input: { ...input, inputs } };
  }
  return p;
}

export const limitPushdown: OptimizerRule = {
  name: 'limit-pushdown',
  apply(plan) {
    return transformUp(plan, pushLimit);
  },
};
