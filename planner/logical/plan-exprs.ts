/** The expressions a logical node holds (not its children's), to read or rewrite them uniformly. */
import type { BoundExpr } from '../expr/bound-expr.js';
import type { AggregateCall, SortKey, WindowCall } from '../physical/physical-plan.js';
import type { LogicalPlan } from './logical-plan.js';

const sortExprs = (keys: readonly SortKey[]): BoundExpr[] => keys.map((k) => k.expr);
const aggExprs = (a: AggregateCall): BoundExpr[] => [...a.args, ...(a.filter ? [a.filter] : []), ...sortExprs(a.orderBy ?? [])];

export function nodeExprs(p: LogicalPlan): BoundExpr[] {
  switch (p.kind) {
    case 'filter':
      return [p.predicate];
    case 'project':
      return [...p.exprs];
    case 'join':
      return [...(p.condition ? [p.condition] : []), ...(p.equi ? [...p.equi.left, ...p.equi.right] : [])];
    case 'aggregate':
      return [...p.groupBy, ...p.aggregates.flatMap(aggExprs)];
    case 'sort':
    case 'top_n':
      return sortExprs(p.keys);
    case 'window':
      return [...p.partitionBy, ...sortExprs(p.orderBy), ...p.functions.flatMap((f: WindowCall) => f.args)];
    case 'generate':
      return [...p.args];
    case 'scan':
      return [...p.pruningFilters];
    default:
      return [];
  }
}

export function mapNodeExprs(p: LogicalPlan, fn: (e: BoundExpr) => BoundExpr): LogicalPlan {
  const keys = (ks: readonly SortKey[]): SortKey[] => ks.map((k) => ({ ...k, expr: fn(k.expr) }));
  switch (p.kind) {
    case 'filter':
      return { ...p, predicate: fn(p.predicate) };
    case 'project':
      return { ...p, exprs: p.exprs.map(fn) };
    case 'join':
      return {
        ...p,
        condition: p.condition ? fn(p.condition) : undefined,
        equi: p.equi ? { ...p.equi, left: p.equi.left.map(fn), right: p.equi.right.map(fn) } : undefined,
      };
    case 'aggregate':
      return {
        ...p,
        groupBy: p.groupBy.map(fn),
        aggregates: p.aggregates.map((a) => ({
          ...a,
          args: a.args.map(fn),
          ...(a.filter ? { filter: fn(a.filter) } : {}),
          ...(a.orderBy ? { orderBy: keys(a.orderBy) } : {}),
        })),
      };
    case 'sort':
    case 'top_n':
      return { ...p, keys: keys(p.keys) };
    case 'window':
      return { ...p, partitionBy: p.partitionBy.map(fn), orderBy: keys(p.orderBy), functions: p.functions.map((f) => ({ ...f, args: f.args.map(fn) })) };
    case 'generate':
      return { ...p, args: p.args.map(fn) };
    case 'scan':
      return { ...p, pruningFilters: p.pruningFilters.map(fn) };
    default:
      return p;
  }
}
