/**
 * The optimizer: rules in order. Each can be switched off by name through the
 * `deltasql.optimizer.excludedRules` setting (comma-separated).
 */
import type { LogicalPlan } from '../logical/logical-plan.js';
import { booleanSimplification } from './boolean-simplification.js';
import { constantFolding } from './constant-folding.js';
import { equiJoinKeys } from './equi-join-keys.js';
import { joinBuildSide } from './join-build-side.js';
import { joinReorder } from './join-reorder.js';
import { limitPushdown } from './limit-pushdown.js';
import { predicatePushdown } from './predicate-pushdown.js';
import { projectionPruning } from './projection-pruning.js';
import type { OptimizerRule, RuleContext } from './rule.js';
import { sortLimitToTopN } from './sort-limit-to-top-n.js';

export type { OptimizerRule, RuleContext, ConstantEvaluator } from './rule.js';

export const RULES: readonly OptimizerRule[] = [
  constantFolding,
  booleanSimplification,
  predicatePushdown,
  joinReorder,
  equiJoinKeys,
  limitPushdown,
  sortLimitToTopN,
  projectionPruning,
  joinBuildSide,
];

export function parseExcludedRules(setting: string | undefined): Set<string> {
  return new Set((setting ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''));
}

export function optimize(plan: LogicalPlan, ctx: RuleContext, excluded: ReadonlySet<string> = new Set()): LogicalPlan {
  let p = plan;
  for (const rule of RULES) if (!excluded.has(rule.name)) p = rule.apply(p, ctx);
  return p;
}
