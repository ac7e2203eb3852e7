/** ORDER BY … LIMIT n [OFFSET m] → a top-N node (no full sort). */
import { transformUp } from '../logical/logical-plan.js';
import type { OptimizerRule } from './rule.js';

export const sortLimitToTopN: OptimizerRule = {
  name: 'sort-limit-to-top-n',
  apply(plan) {
    return transformUp(plan, (p) => {
      if (p.kind !== 'limit' || p.limit === undefined || p.input.kind !== 'sort') return p;
      const s = p.input;
      return { kind: 'top_n', input: s.input, keys: s.keys, limit: p.limit, offset: p.offset, output: s.output };
    });
  },
};
