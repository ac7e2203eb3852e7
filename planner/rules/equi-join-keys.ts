/**
 * Equi-join key extraction: `l = r` (and `l <=> r`) conjuncts of a join condition with one side
 * over each input become hash-join keys; the remaining conjuncts stay as the residual.
 */
import { sameType } from '../../src/common/types/data-type.js';
import { exprType, type BoundExpr } from '../expr/bound-expr.js';
import { columnIds, conjuncts, makeAnd } from '../expr/expr-utils.js';
import { transformUp } from '../logical/logical-plan.js';
import { isDeterministic } from './deterministic.js';
import type { OptimizerRule } from './rule.js';

export const equiJoinKeys: OptimizerRule = {
  name: 'equi-join-keys',
  apply(plan) {
    return transformUp(plan, (p) => {
      if (p.kind !== 'join' || p.condition === undefined || p.equi !== undefined) return p;
      const l = new Set(p.left.output.map((c) => c.id));
      const r = new Set(p.right.output.map((c) => c.id));
      const over = (e: BoundExpr, s: Set<number>): boolean => {
        const used = columnIds(e);
        return used.size > 0 && [...used].every((id) => s.has(id));
      };
      const left: BoundExpr[] = [];
      const right: BoundExpr[] = [];
      const nullSafe: boolean[] = [];
      const residual: BoundExpr[] = [];
      for (const c of conjuncts(p.condition)) {
        if (c.kind === 'call' && (c.name === 'eq' || c.name === 'eq_null_safe') && c.args.length === 2 && isDeterministic(c)) {
          const [a, b] = c.args as [BoundExpr, BoundExpr];
          if (sameType(exprType(a), exprType(b))) {
            if (over(a, l) && over(b, r)) {
              left.push(a);
              right.push(b);
              nullSafe.push(c.name === 'eq_null_safe');
              continue;
            }
            if (over(a, r) && over(b, l)) {
              left.push(b);
              right.push(a);
              nullSafe.push(c.name === 'eq_null_safe');
              continue;
            }
          }
        }
        residual.push(c);
      }
      if (left.length === 0) return p;
      return {
        ...p,
        joinType: p.joinType === 'cross' ? 'inner' : p.joinType,
        equi: { left, right, nullSafe },
        condition: makeAnd(residual),
      };
    });
  },
};
