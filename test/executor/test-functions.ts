/**
 * A tiny function library for operator tests (count, sum, divide, ne, gt, add), so operator
 * behaviour is tested independently of executor/functions.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../src/common/errors.js';
import { sameType, typeToSql } from '../../src/common/types/data-type.js';
import type { AggregateKernel, ColumnarValue, GroupedAccumulator, ScalarKernel } from '../../executor/functions/kernel.js';
import type { FunctionLookup } from '../../executor/expr/function-lookup.js';
import { isValidAt, makeArrayData, validityBytes } from '../../executor/kernels/array-data.js';
import { toArray } from '../../executor/expr/eval-batch.js';
import { HIGHER_ORDER_FUNCTIONS } from '../../executor/expr/higher-order-functions.js';

function numAt(d: arrow.Data, i: number): number {
  return Number((d.values as unknown as ArrayLike<number | bigint>)[i]);
}

function binary(op: (a: number, b: number) => number | boolean, out: 'double' | 'boolean' | 'long'): ScalarKernel {
  return (args, _t, ctx) => {
    const n = ctx.rowCount;
    const a = toArray(args[0]!, n);
    const b = toArray(args[1]!, n);
    const valid = new Uint8Array(validityBytes(n));
    let nulls = 0;
    const vals = out === 'double' ? new Float64Array(n) : out === 'long' ? new BigInt64Array(n) : new Uint8Array(validityBytes(n));
    for (let i = 0; i < n; i++) {
      if (!isValidAt(a, i) || !isValidAt(b, i)) {
        nulls++;
        continue;
      }
      valid[i >> 3]! |= 1 << (i & 7);
      const r = op(numAt(a, i), numAt(b, i));
      if (out === 'boolean') {
        if (r) (vals as Uint8Array)[i >> 3]! |= 1 << (i & 7);
      } else if (out === 'long') (vals as BigInt64Array)[i] = BigInt(r as number);
      else (vals as Float64Array)[i] = r as number;
    }
    const type = out === 'double' ? new arrow.Float64() : out === 'long' ? new arrow.Int64() : new arrow.Bool();
    return { kind: 'array', data: makeArrayData(type, n, valid, nulls, vals) };
  };
}

const scalars: Record<string, ScalarKernel> = {
  divide: binary((a, b) => {
    if (b === 0) throw new DeltaSqlError('DIVIDE_BY_ZERO', 'Division by zero');
    return a / b;
  }, 'double'),
  ne: binary((a, b) => a !== b, 'boolean'),
  gt: binary((a, b) => a > b, 'boolean'),
  lt: binary((a, b) => a < b, 'boolean'),
  eq: binary((a, b) => a === b, 'boolean'),
  add: binary((a, b) => a + b, 'long'),
};

class CountAcc implements GroupedAccumulator {
  counts = new BigInt64Array(0);
  constructor(private readonly star: boolean) {}
  private grow(n: number): void {
    if (n > this.counts.length) {
      const c = new BigInt64Array(n);
      c.set(this.counts);
      this.counts = c;
    }
  }
  update(args: readonly arrow.Data[], ids: Uint32Array, n: number): void {
    this.grow(n);
    for (let i = 0; i < ids.length; i++) if (this.star || args.every((a) => isValidAt(a, i))) this.counts[ids[i]!]! += 1n;
  }
  state(): arrow.Data[] {
    return [this.finish()];
  }
  merge(state: readonly arrow.Data[], ids: Uint32Array, n: number): void {
    this.grow(n);
    const s = state[0]!.values as BigInt64Array;
    for (let i = 0; i < ids.length; i++) this.counts[ids[i]!]! += s[i]!;
  }
  finish(): arrow.Data {
    return makeArrayData(new arrow.Int64(), this.counts.length, null, 0, this.counts.slice());
  }
}

class SumAcc implements GroupedAccumulator {
  sums = new BigInt64Array(0);
  seen = new Uint8Array(0);
  protected grow2(n: number): void {
    this.grow(n);
  }
  private grow(n: number): void {
    if (n > this.sums.length) {
      const c = new BigInt64Array(n);
      c.set(this.sums);
      this.sums = c;
      const s = new Uint8Array(n);
      s.set(this.seen);
      this.seen = s;
    }
  }
  update(args: readonly arrow.Data[], ids: Uint32Array, n: number): void {
    this.grow(n);
    const a = args[0];
    if (!a) return;
    for (let i = 0; i < ids.length; i++) {
      if (!isValidAt(a, i)) continue;
      this.sums[ids[i]!]! += BigInt(numAt(a, i));
      this.seen[ids[i]!] = 1;
    }
  }
  state(): arrow.Data[] {
    return [this.finish()];
  }
  merge(state: readonly arrow.Data[], ids: Uint32Array, n: number): void {
    this.update(state, ids, n);
  }
  finish(): arrow.Data {
    const n = this.sums.length;
    const valid = new Uint8Array(validityBytes(n));
    let nulls = 0;
    for (let i = 0; i < n; i++) {
      if (this.seen[i]) valid[i >> 3]! |= 1 << (i & 7);
      else nulls++;
    }
    return makeArrayData(new arrow.Int64(), n, valid, nulls, this.sums.slice());
  }
}

/** first_seen(x): the first non-NULL x fed to each group (order-sensitive, for ORDER BY tests). */
class FirstSeenAcc extends SumAcc {
  override update(args: readonly arrow.Data[], ids: Uint32Array, n: number): void {
    this.grow2(n);
    const a = args[0];
    if (!a) return;
    for (let i = 0; i < ids.length; i++) {
      const g = ids[i]!;
      if (this.seen[g] || !isValidAt(a, i)) continue;
      this.sums[g] = BigInt(numAt(a, i));
      this.seen[g] = 1;
    }
  }
}

const aggregates: Record<string, AggregateKernel> = {
  first_seen: { name: 'first_seen', stateTypes: () => [{ kind: 'long' }], create: () => new FirstSeenAcc() },
  count: { name: 'count', stateTypes: () => [{ kind: 'long' }], create: (argTypes) => new CountAcc(argTypes.length === 0) },
  sum: { name: 'sum', stateTypes: () => [{ kind: 'long' }, { kind: 'boolean' }], create: () => new SumAcc() },
};

export const testFunctions: FunctionLookup = {
  scalar: (name) => scalars[name],
  aggregate: (name) => aggregates[name],
  higherOrder: (name) => HIGHER_ORDER_FUNCTIONS[name],
  cast: (value: ColumnarValue, from, to) => {
    if (sameType(from, to)) return value;
    throw new DeltaSqlError('UNSUPPORTED', `test cast ${typeToSql(from)} → ${typeToSql(to)}`);
  },
};
