/**
 * The planner's entry for queries: bind (AST → logical plan), optimize, lower (→ physical plan).
 * Uncorrelated subqueries are planned through the same path.
 */
import type { Query } from '../grammar/ast/index.js';
import type { TableSource } from '../src/catalog/table-source.js';
import { idCounter, type BindContext, type BindSettings, type ParamValue } from './bind/bind-context.js';
import { bindQuery } from './bind/bind-query.js';
import type { LogicalPlan } from './logical/logical-plan.js';
import { lower } from './physical/lower.js';
import type { PhysicalPlan } from './physical/physical-plan.js';
import { optimize } from './rules/index.js';
import type { ConstantEvaluator } from './rules/rule.js';

export interface PlannerOptions {
  readonly settings: BindSettings;
  readonly tables: ReadonlyMap<string, TableSource | Error>;
  readonly positionalParams?: readonly ParamValue[];
  readonly namedParams?: ReadonlyMap<string, ParamValue>;
  readonly excludedRules?: ReadonlySet<string>;
  readonly evaluate?: ConstantEvaluator;
  readonly currentDatabase?: string;
}

export interface PlannedQuery {
  readonly logical: LogicalPlan;
  readonly optimized: LogicalPlan;
  readonly physical: PhysicalPlan;
}

export function makeBindContext(opts: PlannerOptions): BindContext {
  const nextId = idCounter();
  const nextCteId = idCounter();
  const ctx: BindContext = {
    settings: opts.settings,
    tables: opts.tables,
    positionalParams: opts.positionalParams ?? [],
    namedParams: opts.namedParams ?? new Map(),
    currentDatabase: opts.currentDatabase ?? 'default',
    nextId,
    nextCteId,
    lowerSubquery: (plan) => lower(optimize(plan, { evaluate: opts.evaluate, nextId }, opts.excludedRules)),
  };
  return ctx;
}

/** Bind a query (synchronous: tables were resolved beforehand). */
export function bindQueryPlan(query: Query, opts: PlannerOptions): { logical: LogicalPlan; ctx: BindContext } {
  const ctx = makeBindContext(opts);
  return { logical: bindQuery({ ctx, outer: undefined, ctes: new Map() }, query), ctx };
}

/** Optimize and lower a bound plan; `evaluate` folds constants computed ahead of time. */
export function finishPlan(logical: LogicalPlan, ctx: BindContext, opts: PlannerOptions, evaluate?: ConstantEvaluator): PlannedQuery {
  const optimized = optimize(logical, { evaluate: evaluate ?? opts.evaluate, nextId: ctx.nextId }, opts.excludedRules);
  return { logical, optimized, physical: lower(optimized) };
}

export function planQuery(query: Query, opts: PlannerOptions): PlannedQuery {
  const { logical, ctx } = bindQueryPlan(query, opts);
  return finishPlan(logical, ctx, opts);
}
