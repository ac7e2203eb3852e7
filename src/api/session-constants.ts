/**
 * Constant folding support: every closed, deterministic sub-expression of a bound plan is
 * evaluated ahead of optimization by the executor's own expression compiler, so a folded value
 * is exactly what execution would produce; failures are remembered and never folded.
 */
import { DeltaSqlError } from '../common/errors.js';
import type { BoundExpr } from '../../planner/expr/bound-expr.js';
import { exprChildren, exprKey, someExpr } from '../../planner/expr/expr-utils.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import { childrenOf, type LogicalPlan } from '../../planner/logical/logical-plan.js';
import { nodeExprs } from '../../planner/logical/plan-exprs.js';
import type { ConstantEvaluator } from '../../planner/rules/rule.js';
import { isDeterministic } from '../../planner/rules/deterministic.js';
import type { ExecutionContext } from '../../executor/execution-context.js';
import { compileExpr } from '../../executor/expr/compile-expr.js';
import { batchOf } from '../../executor/expr/eval-batch.js';
import { defaultFunctions } from '../../executor/expr/default-functions.js';
import { readValue } from '../../executor/kernels/make-data-read.js';
import { collectPlan } from '../../executor/run.js';

const closed = (e: BoundExpr): boolean =>
  !someExpr(e, (x) => x.kind === 'column' || x.kind === 'lambda_var' || x.kind === 'scalar_subquery' || x.kind === 'exists_subquery' || x.kind === 'in_subquery');

function collect(e: BoundExpr, out: Map<string, BoundExpr>): void {
  if (e.kind === 'literal') return;
  if (closed(e) && isDeterministic(e)) out.set(exprKey(e), e);
  for (const k of exprChildren(e)) collect(k, out);
}

export async function precomputeConstants(plan: LogicalPlan, ctx: ExecutionContext): Promise<ConstantEvaluator> {
  const candidates = new Map<string, BoundExpr>();
  const visit = (p: LogicalPlan): void => {
    for (const e of nodeExprs(p)) collect(e, candidates);
    for (const k of childrenOf(p)) visit(k);
  };
  visit(plan);
  const results = new Map<string, { ok: true; value: ScalarValue } | { ok: false }>();
  const env = { ctx, functions: defaultFunctions, runPlan: (p: Parameters<typeof collectPlan>[0]) => collectPlan(p, ctx) };
  for (const [key, e] of candidates) {
    try {
      const evaluator = await compileExpr(e, env);
      const v = evaluator(batchOf([], 1));
      results.set(key, { ok: true, value: v.kind === 'scalar' ? v.value : readValue(v.data, 0) });
    } catch {
      results.set(key, { ok: false });
    }
  }
  return (e) => {
    const r = results.get(exprKey(e));
    if (r === undefined || !r.ok) throw new DeltaSqlError('INTERNAL', 'not a precomputed constant');
    return r.value;
  };
}
