/** Window calls collected while binding → one window node per distinct (PARTITION BY, ORDER BY). */
import type { BoundExpr } from '../expr/bound-expr.js';
import { exprKey } from '../expr/expr-utils.js';
import type { LogicalPlan, WindowPlan } from '../logical/logical-plan.js';
import type { WindowCall } from '../physical/physical-plan.js';
import type { WindowCollector } from './expr-binder.js';
import type { QueryEnv } from './query-env.js';

export function addWindows(env: QueryEnv, input: LogicalPlan, windows: WindowCollector, rewrite: (e: BoundExpr) => BoundExpr): LogicalPlan {
  void env;
  const groups = new Map<string, { partitionBy: BoundExpr[]; orderBy: WindowPlan['orderBy']; entries: WindowCollector['entries'][number][] }>();
  for (const entry of windows.entries) {
    const partitionBy = entry.spec.partitionBy.map(rewrite);
    const orderBy = entry.spec.orderBy.map((k) => ({ ...k, expr: rewrite(k.expr) }));
    const key = JSON.stringify([partitionBy.map(exprKey), orderBy.map((k) => [exprKey(k.expr), k.ascending, k.nullsFirst])]);
    const g = groups.get(key) ?? { partitionBy, orderBy, entries: [] };
    g.entries.push(entry);
    groups.set(key, g);
  }
  let plan = input;
  for (const g of groups.values()) {
    const functions: WindowCall[] = g.entries.map((e) => ({ ...e.call, args: e.call.args.map(rewrite) }));
    const w: WindowPlan = {
      kind: 'window',
      input: plan,
      partitionBy: g.partitionBy,
      orderBy: g.orderBy,
      functions,
      output: [...plan.output, ...g.entries.map((e) => e.column)],
    };
    plan = w;
  }
  return plan;
}
