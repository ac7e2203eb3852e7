/**
 * Join reordering for chains of inner / cross joins (typically `FROM a, b, c WHERE …`): the
 * inputs are re-joined greedily so each step joins an input connected to what is already
 * joined by a condition (the earliest such input in the written order), instead of
 * cross-multiplying inputs that happen to be adjacent in the FROM list. Build sides are
 * chosen afterwards from estimates.
 * Conditions attach as soon as every column they read is available. Output columns keep
 * their original order (a projection restores it when the order changed).
 */
import type { BoundExpr } from '../expr/bound-expr.js';
import { columnIds, conjuncts, makeAnd } from '../expr/expr-utils.js';
import { join, keepColumns } from '../logical/plan-builder.js';
import { childrenOf, withChildren, type LogicalPlan } from '../logical/logical-plan.js';
import { isDeterministic } from './deterministic.js';
import type { OptimizerRule } from './rule.js';

const isInnerChain = (p: LogicalPlan): boolean =>
  p.kind === 'join' && (p.joinType === 'inner' || p.joinType === 'cross') && p.equi === undefined && !p.nullAware;

function flatten(p: LogicalPlan, leaves: LogicalPlan[], conds: BoundExpr[]): void {
  if (p.kind === 'join' && isInnerChain(p)) {
    flatten(p.left, leaves, conds);
    flatten(p.right, leaves, conds);
    conds.push(...conjuncts(p.condition));
    return;
  }
  leaves.push(p);
}

function reorder(root: LogicalPlan): LogicalPlan {
  const leaves: LogicalPlan[] = [];
  const conds: BoundExpr[] = [];
  flatten(root, leaves, conds);
  if (leaves.length <= 2 || conds.some((c) => !isDeterministic(c))) return root;
  const ids = leaves.map((l) => new Set(l.output.map((c) => c.id)));
  const uses = conds.map((c) => columnIds(c));
  const connects = (set: Set<number>, i: number): boolean =>
    uses.some((u) => {
      const all = [...u];
      return all.some((id) => ids[i]?.has(id)) && all.some((id) => set.has(id)) && all.every((id) => set.has(id) || ids[i]?.has(id));
    });
  // Keep the written order where it joins on a condition; otherwise take the first input that
  // does (without statistics, the author's order is the best guide to key/foreign-key chains).
  const order = [0];
  const have = new Set(ids[0]);
  const remaining = new Set(leaves.map((_, i) => i).filter((i) => i !== 0));
  while (remaining.size > 0) {
    const sorted = [...remaining].sort((x, y) => x - y);
    const pick = sorted.find((i) => connects(have, i)) ?? (sorted[0] as number);
    order.push(pick);
    remaining.delete(pick);
    for (const id of ids[pick] ?? []) have.add(id);
  }
  if (order.every((v, i) => v === i)) return root;
  const used = new Set<number>();
  let plan = leaves[order[0] as number] as LogicalPlan;
  const avail = new Set(ids[order[0] as number]);
  for (const i of order.slice(1)) {
    for (const id of ids[i] ?? []) avail.add(id);
    const now: BoundExpr[] = [];
    conds.forEach((c, k) => {
      if (!used.has(k) && [...(uses[k] ?? [])].every((id) => avail.has(id))) {
        used.add(k);
        now.push(c);
      }
    });
    const cond = makeAnd(now);
    plan = join(cond === undefined ? 'cross' : 'inner', plan, leaves[i] as LogicalPlan, cond);
  }
  const leftover = conds.filter((_, k) => !used.has(k));
  if (leftover.length > 0) return root;
  return keepColumns(plan, root.output);
}

export const joinReorder: OptimizerRule = {
  name: 'join-reorder',
  apply(plan) {
    const visit = (p: LogicalPlan): LogicalPlan => {
      if (isInnerChain(p)) {
        const leaves: LogicalPlan[] = [];
        flatten(p, leaves, []);
        const visited = leaves.map(visit);
        // Rebuild children first (they may hold chains of their own), then reorder this chain.
        let i = 0;
        const rebuild = (q: LogicalPlan): LogicalPlan => {
          if (q.kind === 'join' && isInnerChain(q)) return { ...q, left: rebuild(q.left), right: rebuild(q.right) };
          return visited[i++] as LogicalPlan;
        };
        return reorder(rebuild(p));
      }
      const kids = childrenOf(p);
      const next = kids.map(visit);
      return next.every((k, j) => k === kids[j]) ? p : withChildren(p, next);
    };
    return visit(plan);
  },
};
