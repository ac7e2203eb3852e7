/**
 * The executor's view of the function library: vectorised implementations keyed by the
 * canonical names planner/functions resolves to. Arguments arrive already cast to the
 * resolved argument types, so a kernel never coerces.
 */
import type * as arrow from 'apache-arrow';
import type { DataType } from '../../src/common/types/data-type.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';

/** A column (one Arrow Data of `rowCount` rows) or a constant standing for every row. */
export type ColumnarValue =
  | { readonly kind: 'array'; readonly data: arrow.Data }
  | { readonly kind: 'scalar'; readonly value: ScalarValue; readonly type: DataType };

export interface EvalContext {
  readonly rowCount: number;
  /** spark.sql.ansi.enabled */
  readonly ansi: boolean;
  /** spark.sql.session.timeZone, an IANA name (default: the process's zone). */
  readonly timeZone: string;
  /** The statement's start time in µs since epoch: current_timestamp() is constant within a statement. */
  readonly statementTime: bigint;
}

/** Returns `rowCount` values as an array (or a scalar when every row is the same). */
export type ScalarKernel = (args: readonly ColumnarValue[], resultType: DataType, ctx: EvalContext) => ColumnarValue;

/**
 * Grouped, vectorised aggregate state. The hash aggregate assigns every input row a dense
 * group id; accumulators grow to `numGroups` as new groups appear.
 * Partial/final: a worker's accumulator exports `state()`, the coordinator `merge()`s it.
 */
export interface GroupedAccumulator {
  update(args: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void;
  /** Partial state, one row per group, as columns of `stateTypes`. */
  state(): arrow.Data[];
  merge(state: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void;
  /** Final values, one row per group, of the resolved return type. */
  finish(): arrow.Data;
}

export interface AggregateKernel {
  readonly name: string;
  stateTypes(argTypes: readonly DataType[], resultType: DataType): DataType[];
  create(argTypes: readonly DataType[], resultType: DataType, ctx: EvalContext): GroupedAccumulator;
}
