/**
 * Constant folding: a deterministic expression over literals only is replaced by its value,
 * computed by the session's evaluator exactly as execution would. An expression whose
 * evaluation raises (1/0 under ANSI, a bad cast) is left alone: it must raise at run time,
 * and only if a row reaches it (CASE / AND / OR / COALESCE evaluate lazily).
 */
import { exprType, type BoundExpr } from '../expr/bound-expr.js';
import { exprChildren, lit, someExpr } from '../expr/expr-utils.js';
import { mapNodeExprs } from '../logical/plan-exprs.js';
import { transformUp } from '../logical/logical-plan.js';
import { isDeterministic } from './deterministic.js';
import type { ConstantEvaluator, OptimizerRule } from './rule.js';

/** Top-down: the largest closed sub-expression that evaluates without error becomes a literal. */
function fold(e: BoundExpr, evaluate: ConstantEvaluator): BoundExpr {
  if (e.kind === 'literal' || e.kind === 'column' || e.kind === 'lambda' || e.kind === 'lambda_var') return e;
  if (e.kind === 'scalar_subquery' || e.kind === 'exists_subquery' || e.kind === 'in_subquery') return e;
  if (isDeterministic(e) && !someExpr(e, (x) => x.kind === 'column' || x.kind === 'lambda_var' || x.kind === 'scalar_subquery' || x.kind === 'exists_subquery' || x.kind === 'in_subquery')) {
    try {
      return lit(evaluate(e), exprType(e));
    } catch {
      // Raises at run time (or unknown): keep it, but fold what can be folded inside.
    }
  }
  return rebuild(e, exprChildren(e).map((k) => fold(k, evaluate)));
}

function rebuild(e: BoundExpr, kids: BoundExpr[]): BoundExpr {
  const old = exprChildren(e);
  if (kids.every((k, i) => k === old[i])) return e;
  switch (e.kind) {
    case 'call':
    case 'and':
    case 'or':
    case 'coalesce':
      return { ...e, args: kids };
    case 'cast':
      return { ...e, input: kids[0] as BoundExpr };
    case 'case':
      return {
        ...e,
        branches: e.branches.map((_, i) => ({ when: kids[2 * i] as BoundExpr, then: kids[2 * i + 1] as BoundExpr })),
        otherwise: e.otherwise ? kids[kids.length - 1] : undefined,
      };
    default:
      return e;
  }
}

export const constantFolding: OptimizerRule = {
  name: 'constant-folding',
  apply(plan, ctx) {
    const evaluate = ctx.evaluate;
    if (evaluate === undefined) return plan;
    return transformUp(plan, (p) => mapNodeExprs(p, (e) => fold(e, evaluate)));
  },
};
