/** Whether every expression in a logical plan is deterministic. */
import { childrenOf, type LogicalPlan } from '../logical/logical-plan.js';
import { nodeExprs } from '../logical/plan-exprs.js';
import { isDeterministic } from '../rules/deterministic.js';

export function planIsDeterministic(p: LogicalPlan): boolean {
  return nodeExprs(p).every(isDeterministic) && childrenOf(p).every(planIsDeterministic);
}
