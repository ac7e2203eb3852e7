/**
 * min/max: typed accumulators for numeric/date/timestamp inputs (NaN is the largest double),
 * Spark's total order through compareValues for strings (UTF-8 byte order), decimals,
 * booleans and nested values; plus min_by/max_by.
 */
import type * as arrow from 'apache-arrow';
import type { DataType } from '../../../src/common/types/data-type.js';
import type { ScalarValue } from '../../../planner/expr/scalar-value.js';
import type { AggregateKernel, GroupedAccumulator } from '../../functions/kernel.js';
import { compareBytes, compareDoubles, compareValues } from '../compare-scalar-values.js';
import { alignedValidity, getBit } from '../make-data-bitmap.js';
import { makeBinaryData, makeFixedData, type FixedWidthArray } from '../make-data.js';
import { grow, SeenFlags } from './agg-state.js';
import { ValueAccumulator } from './agg-value-accumulator.js';

const NUMBER_KINDS = new Set(['byte', 'short', 'int', 'float', 'double', 'date']);
const BIGINT_KINDS = new Set(['long', 'timestamp', 'timestamp_ntz']);
const CTOR: Record<string, new (n: number) => Exclude<FixedWidthArray, BigInt64Array>> = {
  byte: Int8Array,
  short: Int16Array,
  int: Int32Array,
  date: Int32Array,
  float: Float32Array,
  double: Float64Array,
};

class NumberMinMax implements GroupedAccumulator {
  private best = new Float64Array(16);
  private readonly seen = new SeenFlags();
  private n = 0;
  constructor(
    private readonly type: DataType,
    private readonly sign: 1 | -1,
  ) {}
  private fold(d: arrow.Data, groupIds: Uint32Array, numGroups: number): void {
    this.best = grow(this.best, numGroups);
    this.seen.ensure(numGroups);
    this.n = Math.max(this.n, numGroups);
    const valid = alignedValidity(d);
    const v = d.values as Exclude<FixedWidthArray, BigInt64Array>;
    const flags = this.seen.flags;
    const best = this.best;
    for (let i = 0; i < groupIds.length; i++) {
      if (valid && !getBit(valid, i)) continue;
      const g = groupIds[i]!;
      const x = v[i]!;
      if (!flags[g] || compareDoubles(x, best[g]!) * this.sign > 0) {
        best[g] = x;
        flags[g] = 1;
      }
    }
  }
  update(args: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.fold(args[0]!, groupIds, numGroups);
  }
  merge(state: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.fold(state[0]!, groupIds, numGroups);
  }
  state(): arrow.Data[] {
    return [this.finish()];
  }
  finish(): arrow.Data {
    const out = new CTOR[this.type.kind]!(this.n);
    for (let g = 0; g < this.n; g++) out[g] = this.best[g]!;
    return makeFixedData(this.type, out, this.seen.bitmap(this.n), this.n);
  }
}

class BigMinMax implements GroupedAccumulator {
  private best = new BigInt64Array(16);
  private readonly seen = new SeenFlags();
  private n = 0;
  constructor(
    private readonly type: DataType,
    private readonly sign: 1 | -1,
  ) {}
  private fold(d: arrow.Data, groupIds: Uint32Array, numGroups: number): void {
    this.best = grow(this.best, numGroups);
    this.seen.ensure(numGroups);
    this.n = Math.max(this.n, numGroups);
    const valid = alignedValidity(d);
    const v = d.values as BigInt64Array;
    const flags = this.seen.flags;
    const best = this.best;
    const max = this.sign > 0;
    for (let i = 0; i < groupIds.length; i++) {
      if (valid && !getBit(valid, i)) continue;
      const g = groupIds[i]!;
      const x = v[i]!;
      if (!flags[g] || (max ? x > best[g]! : x < best[g]!)) {
        best[g] = x;
        flags[g] = 1;
      }
    }
  }
  update(args: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.fold(args[0]!, groupIds, numGroups);
  }
  merge(state: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.fold(state[0]!, groupIds, numGroups);
  }
  state(): arrow.Data[] {
    return [this.finish()];
  }
  finish(): arrow.Data {
    return makeFixedData(this.type, this.best.slice(0, this.n), this.seen.bitmap(this.n), this.n);
  }
}

/** min/max of strings or binaries on raw bytes (UTF-8 byte order), copying only on improvement. */
class BytesMinMax implements GroupedAccumulator {
  private best: (Uint8Array | null)[] = [];
  constructor(
    private readonly type: DataType,
    private readonly sign: 1 | -1,
  ) {}
  private fold(d: arrow.Data, groupIds: Uint32Array, numGroups: number): void {
    while (this.best.length < numGroups) this.best.push(null);
    const valid = alignedValidity(d);
    const off = d.valueOffsets as Int32Array;
    const bytes = d.values as Uint8Array;
    for (let i = 0; i < groupIds.length; i++) {
      if (valid && !getBit(valid, i)) continue;
      const g = groupIds[i]!;
      const cur = this.best[g] ?? null;
      const s = off[i]!;
      const e = off[i + 1]!;
      if (cur === null || compareBytes(bytes, s, e, cur, 0, cur.length) * this.sign > 0) this.best[g] = bytes.slice(s, e);
    }
  }
  update(args: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.fold(args[0]!, groupIds, numGroups);
  }
  merge(state: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.fold(state[0]!, groupIds, numGroups);
  }
  state(): arrow.Data[] {
    return [this.finish()];
  }
  finish(): arrow.Data {
    const n = this.best.length;
    const offsets = new Int32Array(n + 1);
    for (let g = 0; g < n; g++) offsets[g + 1] = offsets[g]! + (this.best[g]?.length ?? 0);
    const out = new Uint8Array(offsets[n]!);
    const valid = new Uint8Array(((n + 63) >> 6) << 3);
    this.best.forEach((b, g) => {
      if (b === null) return;
      out.set(b, offsets[g]!);
      valid[g >> 3]! |= 1 << (g & 7);
    });
    return makeBinaryData(this.type, offsets, out, valid, n);
  }
}

function genericMinMax(type: DataType, sign: 1 | -1): GroupedAccumulator {
  const pick = (state: ScalarValue[], v: ScalarValue): void => {
    if (v === null) return;
    if (state[0] === null || compareValues(v, state[0]!) * sign > 0) state[0] = v instanceof Uint8Array ? v.slice() : v;
  };
  return new ValueAccumulator(
    {
      stateTypes: [type],
      init: () => [null],
      update: (s, row) => pick(s, row[0]!),
      merge: (s, other) => pick(s, other[0]!),
      finish: (s) => s[0]!,
    },
    type,
  );
}

function minMaxKernel(name: string, sign: 1 | -1): AggregateKernel {
  return {
    name,
    stateTypes: (a) => [a[0]!],
    create: (argTypes) => {
      const t = argTypes[0]!;
      if (NUMBER_KINDS.has(t.kind)) return new NumberMinMax(t, sign);
      if (BIGINT_KINDS.has(t.kind)) return new BigMinMax(t, sign);
      if (t.kind === 'string' || t.kind === 'binary') return new BytesMinMax(t, sign);
      return genericMinMax(t, sign);
    },
  };
}

/** min_by(x, ord) / max_by(x, ord): x of the row with the smallest/largest non-null ord. */
function byKernel(name: string, sign: 1 | -1): AggregateKernel {
  return {
    name,
    stateTypes: (a) => [a[0]!, a[1]!],
    create: (argTypes, rt) => {
      const pick = (s: ScalarValue[], x: ScalarValue, ord: ScalarValue): void => {
        if (ord === null) return;
        if (s[1] === null || compareValues(ord, s[1]!) * sign > 0) {
          s[0] = x;
          s[1] = ord;
        }
      };
      return new ValueAccumulator(
        {
          stateTypes: [argTypes[0]!, argTypes[1]!],
          init: () => [null, null],
          update: (s, row) => pick(s, row[0]!, row[1]!),
          merge: (s, o) => pick(s, o[0]!, o[1]!),
          finish: (s) => s[0]!,
        },
        rt,
      );
    },
  };
}

export const MIN_MAX_KERNELS: readonly AggregateKernel[] = [
  minMaxKernel('min', -1),
  minMaxKernel('max', 1),
  byKernel('min_by', -1),
  byKernel('max_by', 1),
];
