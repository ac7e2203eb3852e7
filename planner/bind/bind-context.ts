/**
 * State shared by everything bound for one statement: settings, the tables resolved up front
 * (one snapshot per table per statement), parameters, CTEs in scope and the column id counter.
 */
import type { LogicalColumn, LogicalPlan } from '../logical/logical-plan.js';
import type { PhysicalPlan } from '../physical/physical-plan.js';
import type { TableSource } from '../../src/catalog/table-source.js';
import type { DataType } from '../../src/common/types/data-type.js';
import type { ScalarValue } from '../expr/scalar-value.js';

export interface BindSettings {
  readonly ansi: boolean;
  readonly timeZone: string;
  readonly caseSensitive: boolean;
  /** spark.sql.orderByOrdinal / spark.sql.groupByOrdinal (default true): integer literals are positions. */
  readonly orderByOrdinal?: boolean;
  readonly groupByOrdinal?: boolean;
}

/** A typed parameter value (`?` by 1-based ordinal, `:name` by name). */
export interface ParamValue {
  readonly value: ScalarValue;
  readonly type: DataType;
}

export interface CteDefinition {
  readonly name: string;
  /** The CTE's plan template; each reference re-maps its column ids. */
  readonly plan: LogicalPlan;
  readonly columns: readonly LogicalColumn[];
  /** For WITH RECURSIVE while binding the recursive branch: a work table reference. */
  readonly workTable?: { readonly cteId: number };
}

export interface BindContext {
  readonly settings: BindSettings;
  /** Resolved tables keyed by tableKey(); an Error records a failed resolution, raised when used. */
  readonly tables: ReadonlyMap<string, TableSource | Error>;
  readonly positionalParams: readonly ParamValue[];
  readonly namedParams: ReadonlyMap<string, ParamValue>;
  /** Optimise and lower a self-contained logical plan (uncorrelated subqueries). */
  readonly lowerSubquery: (plan: LogicalPlan) => PhysicalPlan;
  /** Current default namespace (USE). */
  readonly currentDatabase: string;
  nextId(): number;
  nextCteId(): number;
}

/** Counter-backed id source. */
export function idCounter(): () => number {
  let n = 0;
  return () => ++n;
}
