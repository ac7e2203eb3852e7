/**
 * Row-count estimates from what the plan knows (Delta file stats, registered table sizes,
 * literal rows) with fixed selectivities elsewhere. Used to pick join build sides and for display.
 */
import type { LogicalPlan } from './logical-plan.js';

const FILTER_SELECTIVITY = 0.5;

export function estimateRows(plan: LogicalPlan): number | undefined {
  switch (plan.kind) {
    case 'scan': {
      const s = plan.source;
      if (s.kind === 'memory') return s.rowCount;
      if (s.kind === 'delta') {
        let total = 0;
        for (const f of s.files) {
          const n = f.stats?.numRecords;
          if (n === undefined) return undefined;
          total += n;
        }
        return total;
      }
      return undefined;
    }
    case 'values':
      return plan.rows.length;
    case 'range': {
      const span = plan.end - plan.start;
      const n = span / plan.step + (span % plan.step === 0n ? 0n : 1n);
      return n > 0n ? Number(n) : 0;
    }
    case 'filter': {
      const n = estimateRows(plan.input);
      return n === undefined ? undefined : Math.ceil(n * FILTER_SELECTIVITY);
    }
    case 'project':
    case 'sort':
    case 'window':
    case 'generate':
      return estimateRows(plan.input);
    case 'limit':
    case 'top_n': {
      const n = estimateRows(plan.input);
      const cap = plan.limit;
      if (cap === undefined) return n === undefined ? undefined : Math.max(0, n - plan.offset);
      return n === undefined ? cap : Math.min(cap, Math.max(0, n - plan.offset));
    }
    case 'aggregate': {
      if (plan.groupBy.length === 0) return 1;
      const n = estimateRows(plan.input);
      return n === undefined ? undefined : Math.max(1, Math.ceil(n * FILTER_SELECTIVITY));
    }
    case 'join': {
      const l = estimateRows(plan.left);
      const r = estimateRows(plan.right);
      if (plan.joinType === 'left_semi' || plan.joinType === 'left_anti') return l;
      if (l === undefined || r === undefined) return undefined;
      if (plan.joinType === 'cross' && plan.condition === undefined) return l * r;
      return Math.max(l, r);
    }
    case 'union': {
      let t = 0;
      for (const i of plan.inputs) {
        const n = estimateRows(i);
        if (n === undefined) return undefined;
        t += n;
      }
      return t;
    }
    case 'set_op':
      return estimateRows(plan.left);
    default:
      return undefined;
  }
}
