/**
 * A grouped accumulator whose per-group state is a tuple of JS values: for aggregates whose
 * state is not a fixed-width number (min/max of strings and nested values, first/last,
 * min_by/max_by, collect_list/set, percentiles, string_agg). Rows are read through typed getters.
 */
import type * as arrow from 'apache-arrow';
import type { DataType } from '../../../src/common/types/data-type.js';
import type { ScalarValue } from '../../../planner/expr/scalar-value.js';
import type { GroupedAccumulator } from '../../functions/kernel.js';
import { arrayFromValues } from '../make-data-values.js';
import { getter } from './columnar.js';

export interface ValueAggSpec {
  readonly stateTypes: readonly DataType[];
  /** Fresh state for a new group. */
  init(): ScalarValue[];
  /** Fold one input row (`row[k]` is argument k, null for NULL) into `state`. */
  update(state: ScalarValue[], row: readonly ScalarValue[]): void;
  /** Fold another partial state (same layout) into `state`. */
  merge(state: ScalarValue[], other: readonly ScalarValue[]): void;
  finish(state: readonly ScalarValue[]): ScalarValue;
  /** Optional: export the state (defaults to the state tuple itself). */
  exportState?(state: readonly ScalarValue[]): ScalarValue[];
}

export class ValueAccumulator implements GroupedAccumulator {
  private states: ScalarValue[][] = [];

  constructor(
    private readonly spec: ValueAggSpec,
    private readonly resultType: DataType,
  ) {}

  private ensure(numGroups: number): void {
    while (this.states.length < numGroups) this.states.push(this.spec.init());
  }

  update(args: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.ensure(numGroups);
    const getters = args.map(getter);
    const row = new Array<ScalarValue>(args.length);
    for (let i = 0; i < groupIds.length; i++) {
      for (let k = 0; k < getters.length; k++) row[k] = getters[k]!(i);
      this.spec.update(this.states[groupIds[i]!]!, row);
    }
  }

  state(): arrow.Data[] {
    const exp = this.spec.exportState;
    const rows = exp ? this.states.map((s) => exp(s)) : this.states;
    return this.spec.stateTypes.map((t, k) => arrayFromValues(t, rows.map((s) => s[k] ?? null)));
  }

  merge(state: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.ensure(numGroups);
    const getters = state.map(getter);
    const other = new Array<ScalarValue>(state.length);
    for (let i = 0; i < groupIds.length; i++) {
      for (let k = 0; k < getters.length; k++) other[k] = getters[k]!(i);
      this.spec.merge(this.states[groupIds[i]!]!, other);
    }
  }

  finish(): arrow.Data {
    return arrayFromValues(this.resultType, this.states.map((s) => this.spec.finish(s)));
  }
}
