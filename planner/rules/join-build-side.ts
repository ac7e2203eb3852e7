/**
 * Join side selection: a hash join builds its hash table from the smaller input (by estimate)
 * where the join type allows either side; outer/semi/anti joins build the non-preserved side.
 */
import { estimateRows } from '../logical/estimate.js';
import { transformUp } from '../logical/logical-plan.js';
import type { OptimizerRule } from './rule.js';

export const joinBuildSide: OptimizerRule = {
  name: 'join-build-side',
  apply(plan) {
    return transformUp(plan, (p) => {
      if (p.kind !== 'join' || p.equi === undefined) return p;
      switch (p.joinType) {
        case 'left':
        case 'left_semi':
        case 'left_anti':
          return { ...p, buildSide: 'right' };
        case 'right':
          return { ...p, buildSide: 'left' };
        default: {
          const l = estimateRows(p.left);
          const r = estimateRows(p.right);
          const buildSide = l !== undefined && r !== undefined && l < r ? 'left' : 'right';
          return { ...p, buildSide };
        }
      }
    });
  },
};
