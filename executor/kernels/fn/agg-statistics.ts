/**
 * Welford-style moments for stddev/variance (mergeable with Chan et al.'s pairwise formula), and
 * bool_or/bool_and. Sample statistics of a single row are NULL (Spark 3+ default).
 */
import type * as arrow from 'apache-arrow';
import { BOOLEAN, DOUBLE } from '../../../src/common/types/data-type.js';
import type { AggregateKernel, GroupedAccumulator } from '../../functions/kernel.js';
import { alignedValidity, bitmapBytes, getBit } from '../make-data-bitmap.js';
import { alignedBools, makeBoolData, makeFixedData } from '../make-data.js';
import { grow, SeenFlags } from './agg-state.js';

type Stat = 'stddev' | 'stddev_pop' | 'variance' | 'var_pop';

class MomentsAccumulator implements GroupedAccumulator {
  private cnt = new Float64Array(16);
  private mean = new Float64Array(16);
  private m2 = new Float64Array(16);
  private n = 0;
  constructor(private readonly stat: Stat) {}
  private ensure(k: number): void {
    this.cnt = grow(this.cnt, k);
    this.mean = grow(this.mean, k);
    this.m2 = grow(this.m2, k);
    this.n = Math.max(this.n, k);
  }
  update(args: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.ensure(numGroups);
    const d = args[0]!;
    const valid = alignedValidity(d);
    const v = d.values as Float64Array;
    const { cnt, mean, m2 } = this;
    for (let i = 0; i < groupIds.length; i++) {
      if (valid && !getBit(valid, i)) continue;
      const g = groupIds[i]!;
      const x = v[i]!;
      const c = ++cnt[g]!;
      const delta = x - mean[g]!;
      mean[g]! += delta / c;
      m2[g]! += delta * (x - mean[g]!);
    }
  }
  state(): arrow.Data[] {
    return [this.cnt, this.mean, this.m2].map((a) => makeFixedData(DOUBLE, a.slice(0, this.n), null, this.n));
  }
  merge(state: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.ensure(numGroups);
    const [nb, mb, m2b] = state.map((d) => d.values as Float64Array) as [Float64Array, Float64Array, Float64Array];
    const { cnt, mean, m2 } = this;
    for (let i = 0; i < groupIds.length; i++) {
      const g = groupIds[i]!;
      const b = nb[i]!;
      if (b === 0) continue;
      const a = cnt[g]!;
      const total = a + b;
      const delta = mb[i]! - mean[g]!;
      mean[g]! += (delta * b) / total;
      m2[g]! += m2b[i]! + (delta * delta * a * b) / total;
      cnt[g] = total;
    }
  }
  finish(): arrow.Data {
    const out = new Float64Array(this.n);
    const valid = new Uint8Array(bitmapBytes(this.n));
    const sample = this.stat === 'stddev' || this.stat === 'variance';
    const root = this.stat === 'stddev' || this.stat === 'stddev_pop';
    for (let g = 0; g < this.n; g++) {
      const c = this.cnt[g]!;
      const denom = sample ? c - 1 : c;
      if (c === 0 || denom <= 0) continue;
      const v = this.m2[g]! / denom;
      out[g] = root ? Math.sqrt(v) : v;
      valid[g >> 3]! |= 1 << (g & 7);
    }
    return makeFixedData(DOUBLE, out, valid, this.n);
  }
}

class BoolAccumulator implements GroupedAccumulator {
  private acc = new Uint8Array(16);
  private readonly seen = new SeenFlags();
  private n = 0;
  constructor(private readonly isOr: boolean) {}
  private fold(d: arrow.Data, groupIds: Uint32Array, numGroups: number): void {
    this.acc = grow(this.acc, numGroups, this.isOr ? 0 : 1);
    this.seen.ensure(numGroups);
    this.n = Math.max(this.n, numGroups);
    const valid = alignedValidity(d);
    const bits = alignedBools(d);
    for (let i = 0; i < groupIds.length; i++) {
      if (valid && !getBit(valid, i)) continue;
      const g = groupIds[i]!;
      const b = getBit(bits, i);
      this.acc[g] = this.seen.flags[g] ? (this.isOr ? Number(this.acc[g]! === 1 || b) : Number(this.acc[g]! === 1 && b)) : Number(b);
      this.seen.flags[g] = 1;
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
    const bits = new Uint8Array(bitmapBytes(this.n));
    for (let g = 0; g < this.n; g++) if (this.acc[g]) bits[g >> 3]! |= 1 << (g & 7);
    return makeBoolData(bits, this.seen.bitmap(this.n), this.n);
  }
}

const moments = (name: Stat): AggregateKernel => ({
  name,
  stateTypes: () => [DOUBLE, DOUBLE, DOUBLE],
  create: () => new MomentsAccumulator(name),
});

export const STATISTICS_KERNELS: readonly AggregateKernel[] = [
  moments('stddev'),
  moments('stddev_pop'),
  moments('variance'),
  moments('var_pop'),
  { name: 'bool_or', stateTypes: () => [BOOLEAN], create: () => new BoolAccumulator(true) },
  { name: 'bool_and', stateTypes: () => [BOOLEAN], create: () => new BoolAccumulator(false) },
];
