/**
 * Compute the node's expressions over each input batch. Over a Filter, the two are fused: the
 * predicate's selection gathers only the columns the expressions read, so columns needed just
 * by the predicate are never copied.
 */
import type { FilterNode, PhysicalPlan, ProjectNode } from '../../planner/physical/physical-plan.js';
import { compileExpr } from '../expr/compile-expr.js';
import { subsetBatch, toArray, type EvalBatch, type Evaluator } from '../expr/eval-batch.js';
import { exprRefs } from '../expr/expr-refs.js';
import { selectTrue } from '../kernels/filter.js';
import { makeBatch, outputSchema, type BatchStream, type RunEnv } from './run-env.js';

export async function* runProject(node: ProjectNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  const evals: Evaluator[] = [];
  for (const e of node.exprs) evals.push(await compileExpr(e, env));
  const filter: FilterNode | undefined = node.input.kind === 'filter' && !env.ctx.operatorStats ? node.input : undefined;
  const source: PhysicalPlan = filter ? filter.input : node.input;
  const predicate = filter ? await compileExpr(filter.predicate, env) : undefined;
  const refs = { columns: new Set<number>(), slots: new Set<number>() };
  for (const e of node.exprs) exprRefs(e, refs);
  for await (const batch of env.execute(source)) {
    env.checkCancelled();
    let input: EvalBatch = { columns: batch.data.children, numRows: batch.numRows };
    if (predicate) {
      const v = predicate(input);
      if (v.kind === 'scalar') {
        if (v.value !== true) continue;
      } else {
        const sel = selectTrue(v.data);
        if (sel.length === 0) continue;
        if (sel.length < input.numRows) input = subsetBatch(input, sel, refs.columns, refs.slots);
      }
    }
    const n = input.numRows;
    yield makeBatch(
      schema,
      evals.map((ev) => toArray(ev(input), n)),
      n,
    );
  }
}
