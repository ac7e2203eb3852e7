/** What a query body binds in: the statement context, the outer scope (for correlation) and the CTEs visible. */
import type { Identifier, Query } from '../../grammar/ast/index.js';
import type { LogicalColumn, LogicalPlan } from '../logical/logical-plan.js';
import type { BindContext } from './bind-context.js';
import type { Scope } from './scope.js';

export interface CteEntry {
  readonly name: string;
  readonly query: Query;
  readonly columns: readonly Identifier[] | undefined;
  /** The environment the CTE was defined in (it sees earlier CTEs only). */
  readonly env: QueryEnv;
  /** Set while binding a recursive CTE's recursive branch: references read the work table. */
  readonly workTable?: { readonly cteId: number; readonly columns: readonly LogicalColumn[] };
  /** References bound so far (a nondeterministic CTE may be read only once: we re-plan each reference). */
  readonly uses: { count: number };
  /** For WITH RECURSIVE CTEs that reference themselves: binds the whole recursive plan. */
  readonly recursive?: () => LogicalPlan;
}

export interface QueryEnv {
  readonly ctx: BindContext;
  readonly outer: Scope | undefined;
  readonly ctes: ReadonlyMap<string, CteEntry>;
}

export function tableKey(parts: readonly string[], timeTravel: string | undefined): string {
  return JSON.stringify([parts.map((p) => p.toLowerCase()), timeTravel ?? null]);
}
