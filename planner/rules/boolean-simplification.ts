/**
 * Boolean simplification: TRUE/FALSE/NULL constants absorbed by AND/OR/NOT, double negation
 * removed, filters that are always TRUE dropped and always FALSE/NULL replaced by no rows.
 */
import { BOOLEAN } from '../../src/common/types/data-type.js';
import type { BoundExpr } from '../expr/bound-expr.js';
import { FALSE_LIT, TRUE_LIT, lit, transformExpr } from '../expr/expr-utils.js';
import { mapNodeExprs } from '../logical/plan-exprs.js';
import { transformUp, type LogicalPlan } from '../logical/logical-plan.js';
import type { OptimizerRule } from './rule.js';

const isLit = (e: BoundExpr, v: boolean | null): boolean => e.kind === 'literal' && e.value === v;

export function simplifyBoolean(e: BoundExpr): BoundExpr {
  return transformExpr(e, (x) => {
    if (x.kind === 'and' || x.kind === 'or') {
      const absorbing = x.kind === 'and' ? false : true;
      if (x.args.some((a) => isLit(a, absorbing))) return absorbing ? TRUE_LIT : FALSE_LIT;
      const args = x.args.filter((a) => !isLit(a, !absorbing)).flatMap((a) => (a.kind === x.kind ? a.args : [a]));
      if (args.length === 0) return absorbing ? FALSE_LIT : TRUE_LIT;
      if (args.length === 1) return args[0] as BoundExpr;
      if (args.every((a) => isLit(a, null))) return lit(null, BOOLEAN);
      return { kind: x.kind, args };
    }
    if (x.kind === 'call' && x.name === 'not' && x.args.length === 1) {
      const a = x.args[0] as BoundExpr;
      if (a.kind === 'literal' && typeof a.value === 'boolean') return a.value ? FALSE_LIT : TRUE_LIT;
      if (a.kind === 'literal' && a.value === null) return lit(null, BOOLEAN);
      if (a.kind === 'call' && a.name === 'not' && a.args.length === 1) return a.args[0] as BoundExpr;
    }
    return x;
  });
}

export const booleanSimplification: OptimizerRule = {
  name: 'boolean-simplification',
  apply(plan) {
    return transformUp(plan, (p): LogicalPlan => {
      const q = mapNodeExprs(p, simplifyBoolean);
      if (q.kind === 'filter') {
        if (isLit(q.predicate, true)) return q.input;
        if (isLit(q.predicate, false) || isLit(q.predicate, null)) return { kind: 'values', rows: [], output: q.output };
      }
      if (q.kind === 'join' && q.condition !== undefined && isLit(q.condition, true)) {
        return { ...q, condition: undefined, joinType: q.joinType === 'inner' && q.equi === undefined ? 'cross' : q.joinType };
      }
      return q;
    });
  },
};
