/**
 * count, count_if, sum and avg as typed grouped accumulators. Integral sums are exact (bigint
 * per group, fed from a float64 partial that stays below 2^53); ANSI raises ARITHMETIC_OVERFLOW
 * for a long sum out of range and legacy wraps. Decimal sums are exact and checked at finish.
 */
import * as arrow from 'apache-arrow';
import { DOUBLE, LONG, type DataType, type DecimalType } from '../../../src/common/types/data-type.js';
import type { AggregateKernel, EvalContext, GroupedAccumulator } from '../../functions/kernel.js';
import { decimalOverflowError, overflowError } from '../arith-errors.js';
import { decimalOp } from '../arith-decimal.js';
import { fitsPrecision, rescale } from '../arith-decimal-util.js';
import { decimalArithmeticType } from '../../../planner/functions/decimal-precision.js';
import { alignedValidity, getBit } from '../make-data-bitmap.js';
import { alignedBools, decimalAt, makeDecimalData, makeFixedData } from '../make-data.js';
import { grow, SeenFlags } from './agg-state.js';

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

class CountAccumulator implements GroupedAccumulator {
  private counts = new Float64Array(16);
  private n = 0;
  constructor(private readonly onlyTrue: boolean) {}
  update(args: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.counts = grow(this.counts, numGroups);
    this.n = Math.max(this.n, numGroups);
    const valids = args.map(alignedValidity).filter((v): v is Uint8Array => v !== null);
    const bools = this.onlyTrue ? alignedBools(args[0]!) : null;
    for (let i = 0; i < groupIds.length; i++) {
      let ok = true;
      for (const v of valids) if (!getBit(v, i)) ok = false;
      if (ok && (!bools || getBit(bools, i))) this.counts[groupIds[i]!]!++;
    }
  }
  state(): arrow.Data[] {
    return [this.finish()];
  }
  merge(state: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.counts = grow(this.counts, numGroups);
    this.n = Math.max(this.n, numGroups);
    const v = state[0]!.values as BigInt64Array;
    for (let i = 0; i < groupIds.length; i++) this.counts[groupIds[i]!]! += Number(v[i]!);
  }
  finish(): arrow.Data {
    const out = new BigInt64Array(this.n);
    for (let g = 0; g < this.n; g++) out[g] = BigInt(this.counts[g]!);
    return makeFixedData(LONG, out, null, this.n);
  }
}

/** Sum of integral (→ long), fractional (→ double) or decimal inputs; also avg's numerator. */
class SumAccumulator implements GroupedAccumulator {
  private small = new Float64Array(16);
  private big: bigint[] = [];
  private counts = new Float64Array(16);
  private readonly seen = new SeenFlags();
  private n = 0;
  private readonly exact: boolean;

  constructor(
    private readonly inType: DataType,
    private readonly sumType: DataType,
    private readonly ctx: EvalContext,
    private readonly avgType: DataType | null,
  ) {
    this.exact = sumType.kind !== 'double';
  }

  private ensure(numGroups: number): void {
    this.small = grow(this.small, numGroups);
    this.counts = grow(this.counts, numGroups);
    this.seen.ensure(numGroups);
    while (this.big.length < numGroups) this.big.push(0n);
    this.n = Math.max(this.n, numGroups);
  }

  private addBig(g: number, v: bigint): void {
    this.big[g] = this.big[g]! + v;
  }

  update(args: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.ensure(numGroups);
    const d = args[0]!;
    const valid = alignedValidity(d);
    const flags = this.seen.flags;
    const t = this.inType.kind;
    if (t === 'decimal') {
      const w = d.values as Uint32Array;
      const scaleUp = (this.sumType as DecimalType).scale - (this.inType as DecimalType).scale;
      for (let i = 0; i < groupIds.length; i++) {
        if (valid && !getBit(valid, i)) continue;
        const g = groupIds[i]!;
        this.addBig(g, rescale(decimalAt(w, i), 0, scaleUp));
        flags[g] = 1;
        this.counts[g]!++;
      }
      return;
    }
    if (t === 'long') {
      const v = d.values as BigInt64Array;
      const words = new Int32Array(v.buffer, v.byteOffset, v.length * 2);
      const asDouble = !this.exact;
      const small = this.small;
      for (let i = 0; i < groupIds.length; i++) {
        if (valid && !getBit(valid, i)) continue;
        const g = groupIds[i]!;
        const hi = words[2 * i + 1]!;
        if (asDouble) small[g]! += Number(v[i]!);
        else if (hi < 1048576 && hi >= -1048576) {
          // |x| < 2^52: exact as a double; fold the partial into the bigint before it can lose bits.
          small[g]! += hi * 4294967296 + (words[2 * i]! >>> 0);
          if (Math.abs(small[g]!) > 4503599627370496) {
            this.addBig(g, BigInt(small[g]!));
            small[g] = 0;
          }
        } else this.addBig(g, v[i]!);
        flags[g] = 1;
        this.counts[g]!++;
      }
      if (this.exact) this.flush();
      return;
    }
    const v = d.values as Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
    const small = this.small;
    for (let i = 0; i < groupIds.length; i++) {
      if (valid && !getBit(valid, i)) continue;
      const g = groupIds[i]!;
      small[g]! += v[i]!;
      flags[g] = 1;
      this.counts[g]!++;
    }
    // Integral partials stay exact below 2^53: fold them into the bigint sums after each batch.
    if (this.exact) this.flush();
  }

  private flush(): void {
    for (let g = 0; g < this.n; g++) {
      const s = this.small[g]!;
      if (s !== 0) {
        this.addBig(g, BigInt(s));
        this.small[g] = 0;
      }
    }
  }

  /** Sum per group as JS values (bigint for exact sums, number for doubles). */
  private sumAt(g: number): bigint | number {
    return this.exact ? this.big[g]! : this.small[g]!;
  }

  private checkedLong(g: number): bigint {
    const s = this.big[g]!;
    if (s > LONG_MAX || s < LONG_MIN) {
      if (this.ctx.ansi) throw overflowError('long', 'try_sum');
      return BigInt.asIntN(64, s);
    }
    return s;
  }

  state(): arrow.Data[] {
    const valid = this.seen.bitmap(this.n);
    const counts = new BigInt64Array(this.n);
    for (let g = 0; g < this.n; g++) counts[g] = BigInt(this.counts[g]!);
    return [this.sumColumn(valid, false), makeFixedData(LONG, counts, null, this.n)];
  }

  private sumColumn(valid: Uint8Array, checked: boolean): arrow.Data {
    const st = this.sumType;
    if (st.kind === 'decimal') {
      const out = new Array<bigint>(this.n);
      for (let g = 0; g < this.n; g++) {
        const s = this.big[g]!;
        if (checked && this.seen.flags[g] && !fitsPrecision(s, st.precision)) {
          if (this.ctx.ansi) throw decimalOverflowError(st);
          valid[g >> 3]! &= ~(1 << (g & 7));
          out[g] = 0n;
        } else out[g] = s;
      }
      return makeDecimalData(st, out, valid, this.n);
    }
    if (st.kind === 'long') {
      const out = new BigInt64Array(this.n);
      for (let g = 0; g < this.n; g++) out[g] = checked ? this.checkedLong(g) : BigInt.asIntN(64, this.big[g]!);
      return makeFixedData(st, out, valid, this.n);
    }
    return makeFixedData(DOUBLE, this.small.slice(0, this.n), valid, this.n);
  }

  merge(state: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.ensure(numGroups);
    const [sums, counts] = state as [arrow.Data, arrow.Data];
    const valid = alignedValidity(sums);
    const cv = counts.values as BigInt64Array;
    for (let i = 0; i < groupIds.length; i++) {
      if (valid && !getBit(valid, i)) continue;
      const g = groupIds[i]!;
      if (this.sumType.kind === 'decimal') this.addBig(g, decimalAt(sums.values as Uint32Array, i));
      else if (this.exact) this.addBig(g, (sums.values as BigInt64Array)[i]!);
      else this.small[g]! += (sums.values as Float64Array)[i]!;
      this.seen.flags[g] = 1;
      this.counts[g]! += Number(cv[i]!);
    }
  }

  finish(): arrow.Data {
    const valid = this.seen.bitmap(this.n);
    if (!this.avgType) return this.sumColumn(valid, true);
    const at = this.avgType;
    if (at.kind === 'decimal') {
      const st = this.sumType as DecimalType;
      const countType: DecimalType = { kind: 'decimal', precision: 20, scale: 0 };
      const divType = decimalArithmeticType('divide', st, countType);
      const out = new Array<bigint>(this.n).fill(0n);
      for (let g = 0; g < this.n; g++) {
        if (!this.seen.flags[g]) continue;
        const q = decimalOp('divide', this.big[g]!, st, BigInt(this.counts[g]!), countType, divType)!;
        const r = rescale(q, divType.scale, at.scale);
        if (!fitsPrecision(r, at.precision)) {
          if (this.ctx.ansi) throw decimalOverflowError(at);
          valid[g >> 3]! &= ~(1 << (g & 7));
        } else out[g] = r;
      }
      return makeDecimalData(at, out, valid, this.n);
    }
    const out = new Float64Array(this.n);
    for (let g = 0; g < this.n; g++) out[g] = Number(this.sumAt(g)) / this.counts[g]!;
    return makeFixedData(DOUBLE, out, valid, this.n);
  }
}

/** sum's accumulation type for avg (Spark: double for non-decimals, decimal(p+10,s) for decimals). */
function avgSumType(inType: DataType): DataType {
  return inType.kind === 'decimal' ? { kind: 'decimal', precision: Math.min(38, inType.precision + 10), scale: inType.scale } : DOUBLE;
}

export const COUNT_SUM_KERNELS: readonly AggregateKernel[] = [
  { name: 'count', stateTypes: () => [LONG], create: () => new CountAccumulator(false) },
  { name: 'count_if', stateTypes: () => [LONG], create: () => new CountAccumulator(true) },
  {
    name: 'sum',
    stateTypes: (_a, rt) => [rt, LONG],
    create: (argTypes, rt, ctx) => new SumAccumulator(argTypes[0]!, rt, ctx, null),
  },
  {
    name: 'avg',
    stateTypes: (a) => [avgSumType(a[0]!), LONG],
    create: (argTypes, rt, ctx) => new SumAccumulator(argTypes[0]!, avgSumType(argTypes[0]!), ctx, rt),
  },
];

