/**
 * General decorrelation of a scalar aggregate subquery whose correlated predicates are not
 * simple equalities (e.g. `(SELECT count(*) FROM t x WHERE x.b < t.b)`): the distinct values of
 * the outer columns it reads (the "domain") are joined into the subquery where the predicates
 * sit, the aggregate groups by them, and the outer query joins the result back on those columns
 * (NULL-safe). Shapes outside Project / Filter / Aggregate / Sort are UNSUPPORTED.
 */
import { unsupported } from '../../src/common/errors.js';
import type { BoundExpr } from '../expr/bound-expr.js';
import { colRef, columnIds, mapColumns, makeAnd } from '../expr/expr-utils.js';
import { join } from '../logical/plan-builder.js';
import type { AggregatePlan, LogicalColumn, LogicalPlan } from '../logical/logical-plan.js';
import { freeColumnIds } from './decorrelate.js';
import type { BindSettings } from './bind-context.js';
import { resolveCall } from './functions-adapter.js';

/** Join `input` (the outer plan) with the subquery evaluated per distinct outer value. */
export function joinViaDomain(
  input: LogicalPlan,
  sub: LogicalPlan,
  outerIds: ReadonlySet<number>,
  nextId: () => number,
  settings: BindSettings,
): LogicalPlan {
  const outerCols = input.output.filter((c) => outerIds.has(c.id));
  if (outerCols.length !== outerIds.size) return unsupported('a subquery correlated with an enclosing query more than one level up');
  const domainCols: LogicalColumn[] = outerCols.map((c) => ({ ...c, id: nextId() }));
  const domain: AggregatePlan = {
    kind: 'aggregate',
    input,
    groupBy: outerCols.map(colRef),
    groupingSets: undefined,
    aggregates: [],
    output: domainCols,
  };
  const toDomain = new Map(outerCols.map((c, i) => [c.id, domainCols[i] as LogicalColumn]));
  const sub2 = (e: BoundExpr): BoundExpr => mapColumns(e, (c) => {
    const d = toDomain.get(c.index);
    return d ? colRef(d) : c;
  });
  const refsOuter = (p: LogicalPlan): boolean => [...freeColumnIds(p)].some((id) => outerIds.has(id));
  let introduced = false;
  const walk = (p: LogicalPlan): LogicalPlan => {
    switch (p.kind) {
      case 'filter': {
        if (!refsOuter(p.input)) {
          introduced = true;
          const j = join('inner', domain, p.input, sub2(p.predicate));
          return j;
        }
        const below = walk(p.input);
        return { ...p, input: below, predicate: sub2(p.predicate), output: below.output };
      }
      case 'project': {
        const below = walk(p.input);
        const have = new Set(p.output.map((c) => c.id));
        const extra = domainCols.filter((d) => !have.has(d.id) && below.output.some((c) => c.id === d.id));
        return { ...p, input: below, exprs: [...p.exprs.map(sub2), ...extra.map(colRef)], output: [...p.output, ...extra] };
      }
      case 'aggregate': {
        if (p.groupingSets !== undefined || p.groupBy.length > 0) return unsupported('a correlated subquery with GROUP BY');
        const below = walk(p.input);
        return {
          ...p,
          input: below,
          groupBy: domainCols.map(colRef),
          aggregates: p.aggregates.map((a) => ({ ...a, args: a.args.map(sub2), ...(a.filter ? { filter: sub2(a.filter) } : {}) })),
          output: [...domainCols, ...p.output],
        };
      }
      case 'sort':
        return walk(p.input);
      default:
        if (refsOuter(p)) return unsupported('a correlated reference in this position of a subquery');
        return p;
    }
  };
  const decorrelated = walk(sub);
  if (!introduced || refsOuter(decorrelated)) return unsupported('a correlated reference in this position of a subquery');
  const keys = outerCols.map((c, i) => resolveCall('eq_null_safe', [colRef(c), colRef(domainCols[i] as LogicalColumn)], settings));
  void columnIds;
  return join('left', input, decorrelated, makeAnd(keys));
}
