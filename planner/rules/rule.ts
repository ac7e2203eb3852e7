/** An optimizer rule: a named, pure rewrite of a logical plan that preserves its results. */
import type { BoundExpr } from '../expr/bound-expr.js';
import type { ScalarValue } from '../expr/scalar-value.js';
import type { LogicalPlan } from '../logical/logical-plan.js';

/**
 * Evaluates a closed expression (no column references) the way execution would; throws when
 * execution would raise. Supplied by the session (the planner does not import the executor).
 */
export type ConstantEvaluator = (e: BoundExpr) => ScalarValue;

export interface RuleContext {
  readonly evaluate: ConstantEvaluator | undefined;
  readonly nextId: () => number;
}

export interface OptimizerRule {
  readonly name: string;
  apply(plan: LogicalPlan, ctx: RuleContext): LogicalPlan;
}
