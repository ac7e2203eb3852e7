/**
 * Decorrelation: pull the predicates of a subquery that reference the outer query up out of
 * its plan, so the subquery becomes a join (semi/anti for EXISTS/IN, left outer for scalar
 * aggregates). Only shapes that are provably equivalent are handled; others are UNSUPPORTED.
 */
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import type { BoundExpr } from '../expr/bound-expr.js';
import { colRef, columnIds, conjuncts, exprNullable, makeAnd, mapColumns } from '../expr/expr-utils.js';
import { newColumn } from '../logical/plan-builder.js';
import { childrenOf, type LogicalColumn, type LogicalPlan } from '../logical/logical-plan.js';
import { nodeExprs } from '../logical/plan-exprs.js';

/** Column ids a plan reads but does not produce: references to an enclosing query. */
export function freeColumnIds(plan: LogicalPlan): Set<number> {
  const produced = new Set<number>();
  const used = new Set<number>();
  const visit = (p: LogicalPlan): void => {
    for (const c of p.output) produced.add(c.id);
    for (const e of nodeExprs(p)) columnIds(e, used);
    for (const k of childrenOf(p)) visit(k);
  };
  visit(plan);
  return new Set([...used].filter((id) => !produced.has(id)));
}

export interface Decorrelated {
  readonly plan: LogicalPlan;
  /** Correlated conjuncts, now over the subquery's output ids and outer ids. */
  readonly predicates: BoundExpr[];
  /** True when the pulled predicates crossed an aggregate (became group keys). */
  readonly throughAggregate: boolean;
}

const refsAny = (e: BoundExpr, ids: ReadonlySet<number>): boolean => [...columnIds(e)].some((id) => ids.has(id));

export function decorrelate(plan: LogicalPlan, outer: ReadonlySet<number>, nextId: () => number, allowAggregate: boolean): Decorrelated {
  let throughAggregate = false;
  const pull = (p: LogicalPlan): { plan: LogicalPlan; preds: BoundExpr[] } => {
    switch (p.kind) {
      case 'filter': {
        const below = pull(p.input);
        const parts = conjuncts(p.predicate);
        const corr = parts.filter((c) => refsAny(c, outer));
        const rest = parts.filter((c) => !refsAny(c, outer));
        const pred = makeAnd(rest);
        const plan: LogicalPlan = pred === undefined ? below.plan : { ...p, input: below.plan, predicate: pred, output: below.plan.output };
        return { plan, preds: [...below.preds, ...corr] };
      }
      case 'project': {
        const below = pull(p.input);
        if (below.preds.length === 0) return { plan: { ...p, input: below.plan }, preds: [] };
        const have = new Set(p.output.map((c) => c.id));
        const need = new Set<number>();
        for (const e of below.preds) for (const id of columnIds(e)) if (!outer.has(id) && !have.has(id)) need.add(id);
        const extra = below.plan.output.filter((c) => need.has(c.id));
        return {
          plan: { ...p, input: below.plan, exprs: [...p.exprs, ...extra.map(colRef)], output: [...p.output, ...extra] },
          preds: below.preds,
        };
      }
      case 'sort':
      case 'top_n':
      case 'limit': {
        const below = pull(p.input);
        if (below.preds.length === 0) return { plan: { ...p, input: below.plan }, preds: [] };
        if (p.kind === 'sort') return { plan: below.plan, preds: below.preds };
        return unsupported('LIMIT inside a correlated subquery');
      }
      case 'aggregate': {
        const below = pull(p.input);
        if (below.preds.length === 0) return { plan: { ...p, input: below.plan }, preds: [] };
        if (!allowAggregate || p.groupingSets !== undefined || p.groupBy.length > 0) {
          return unsupported('a correlated predicate below this aggregate');
        }
        throughAggregate = true;
        // Each correlated conjunct must be `inner = outer`: the inner side becomes a group key.
        const keys: BoundExpr[] = [];
        const keyCols: LogicalColumn[] = [];
        const preds = below.preds.map((c) => {
          if (c.kind !== 'call' || c.name !== 'eq') return unsupported('a non-equality correlated predicate below an aggregate');
          const [a, b] = c.args as [BoundExpr, BoundExpr];
          const aOuter = refsAny(a, outer);
          const bOuter = refsAny(b, outer);
          if (aOuter === bOuter) return unsupported('a correlated predicate mixing inner and outer columns on one side');
          const inner = aOuter ? b : a;
          const col = newColumn(nextId(), 'corr_key', inner);
          keys.push(inner);
          keyCols.push({ ...col, nullable: exprNullable(inner) });
          const ref = colRef(col);
          return { ...c, args: aOuter ? [a, ref] : [ref, b] };
        });
        const groupOut = keyCols;
        return {
          plan: { ...p, input: below.plan, groupBy: keys, output: [...groupOut, ...p.output] },
          preds,
        };
      }
      default: {
        if (freeColumnIdsIn(p, outer)) return unsupported('a correlated reference in this position of a subquery');
        return { plan: p, preds: [] };
      }
    }
  };
  const r = pull(plan);
  if (freeColumnIdsIn(r.plan, outer)) return unsupported('a correlated reference in this position of a subquery');
  return { plan: r.plan, predicates: r.preds, throughAggregate };
}

function freeColumnIdsIn(p: LogicalPlan, outer: ReadonlySet<number>): boolean {
  return [...freeColumnIds(p)].some((id) => outer.has(id));
}

/** For correlated scalar subqueries: the value an aggregate yields on no input rows, when not NULL. */
export function emptyInputValue(name: string): bigint | undefined {
  return name === 'count' || name === 'count_if' || name === 'approx_count_distinct' ? 0n : undefined;
}

export function requireSingleColumn(plan: LogicalPlan, what: string): LogicalColumn {
  const c = plan.output[0];
  if (plan.output.length !== 1 || c === undefined) {
    throw new DeltaSqlError('ANALYSIS_ERROR', `${what} must return exactly one column, but it returns ${plan.output.length}`);
  }
  return c;
}

export { mapColumns };
