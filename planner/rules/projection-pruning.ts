/**
 * Projection pruning: every node keeps only the columns something above it reads, so scans
 * read only needed columns; unused aggregates and identity projections disappear.
 */
import type { BoundExpr } from '../expr/bound-expr.js';
import { columnIds } from '../expr/expr-utils.js';
import { nodeExprs } from '../logical/plan-exprs.js';
import { joinOutput } from '../logical/plan-builder.js';
import { childrenOf, withChildren, type LogicalColumn, type LogicalPlan } from '../logical/logical-plan.js';
import type { OptimizerRule } from './rule.js';

function refs(exprs: readonly BoundExpr[], into: Set<number>): Set<number> {
  for (const e of exprs) columnIds(e, into);
  return into;
}

/** Keep the required columns, but never zero: a scan or projection still has to count rows. */
function keepSome<T extends LogicalColumn>(cols: readonly T[], need: ReadonlySet<number>): T[] {
  const kept = cols.filter((c) => need.has(c.id));
  if (kept.length === 0 && cols.length > 0) return [cols[0] as T];
  return kept;
}

function prune(plan: LogicalPlan, need: ReadonlySet<number>): LogicalPlan {
  switch (plan.kind) {
    case 'scan':
      return { ...plan, output: keepSome(plan.output, need) };
    case 'project': {
      const keepIdx = plan.output.map((c, i) => (need.has(c.id) ? i : -1)).filter((i) => i >= 0);
      const idx = keepIdx.length > 0 ? keepIdx : plan.output.length > 0 ? [0] : [];
      const exprs = idx.map((i) => plan.exprs[i] as BoundExpr);
      const output = idx.map((i) => plan.output[i] as LogicalColumn);
      const input = prune(plan.input, refs(exprs, new Set()));
      // Identity projection: same ids in the same order as the input.
      if (output.length === input.output.length && exprs.every((e, i) => e.kind === 'column' && e.index === input.output[i]?.id && output[i]?.id === e.index && output[i]?.name === input.output[i]?.name)) {
        return input;
      }
      return { ...plan, input, exprs, output };
    }
    case 'filter':
    case 'sort':
    case 'limit':
    case 'top_n': {
      const input = prune(plan.input, refs(nodeExprs(plan), new Set(need)));
      return { ...plan, input, output: input.output } as LogicalPlan;
    }
    case 'join': {
      const all = refs(nodeExprs(plan), new Set(need));
      const left = prune(plan.left, all);
      const right = prune(plan.right, all);
      return { ...plan, left, right, output: joinOutput(plan.joinType, left, right) };
    }
    case 'aggregate': {
      const g = plan.groupBy.length + (plan.groupingSets !== undefined ? 1 : 0);
      const keepAgg = plan.aggregates.map((_, i) => need.has(plan.output[g + i]?.id ?? -1));
      const aggregates = plan.aggregates.filter((_, i) => keepAgg[i]);
      const output = [...plan.output.slice(0, g), ...plan.output.slice(g).filter((_, i) => keepAgg[i])];
      const next = { ...plan, aggregates, output };
      const input = prune(plan.input, refs(nodeExprs(next), new Set()));
      return { ...next, input };
    }
    case 'window': {
      const own = new Set(plan.output.slice(plan.input.output.length).map((c) => c.id));
      const keep = plan.functions.map((_, i) => need.has(plan.output[plan.input.output.length + i]?.id ?? -1));
      if (!keep.some(Boolean)) return prune(plan.input, need);
      const functions = plan.functions.filter((_, i) => keep[i]);
      const fnCols = plan.output.slice(plan.input.output.length).filter((_, i) => keep[i]);
      const next = { ...plan, functions };
      const inNeed = refs(nodeExprs(next), new Set([...need].filter((id) => !own.has(id))));
      const input = prune(plan.input, inNeed);
      return { ...next, input, output: [...input.output, ...fnCols] };
    }
    case 'generate': {
      const own = plan.output.slice(plan.input.output.length);
      const input = prune(plan.input, refs(plan.args, new Set(need)));
      return { ...plan, input, output: [...input.output, ...own] };
    }
    default: {
      // Set operations, unions, recursive CTEs: inputs keep their whole output (positions matter).
      const kids = childrenOf(plan);
      const next = kids.map((k) => prune(k, new Set(k.output.map((c) => c.id))));
      return next.every((k, i) => k === kids[i]) ? plan : withChildren(plan, next);
    }
  }
}

export const projectionPruning: OptimizerRule = {
  name: 'projection-pruning',
  apply(plan) {
    return prune(plan, new Set(plan.output.map((c) => c.id)));
  },
};
