/**
 * approx_count_distinct: HyperLogLog++ registers (precision from relativeSD as Spark computes it,
 * values hashed with xxhash64 seed 42), linear counting below the HLL++ thresholds. No bias
 * table, so mid-range estimates can differ from Spark's by a few percent (it is approximate).
 */
import type * as arrow from 'apache-arrow';
import { BINARY, LONG, type DataType } from '../../../src/common/types/data-type.js';
import type { AggregateKernel, GroupedAccumulator } from '../../functions/kernel.js';
import { hashValue, XXHASH64 } from '../hash-functions-value.js';
import { makeFixedData } from '../make-data.js';
import { arrayFromValues } from '../make-data-values.js';
import { getter } from './columnar.js';

const THRESHOLDS = [10, 20, 40, 80, 220, 400, 900, 1800, 3100, 6500, 11500, 20000, 50000, 120000, 350000];

function precisionFor(relativeSD: number): number {
  return Math.max(4, Math.ceil((2 * Math.log(1.106 / relativeSD)) / Math.log(2)));
}

class HllAccumulator implements GroupedAccumulator {
  private regs: Uint8Array[] = [];
  private readonly m: number;
  constructor(
    private readonly type: DataType,
    private readonly p: number,
  ) {
    this.m = 1 << p;
  }
  private ensure(n: number): void {
    while (this.regs.length < n) this.regs.push(new Uint8Array(this.m));
  }
  update(args: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.ensure(numGroups);
    const get = getter(args[0]!);
    const p = BigInt(this.p);
    for (let i = 0; i < groupIds.length; i++) {
      const v = get(i);
      if (v === null) continue;
      const h = BigInt.asUintN(64, hashValue(XXHASH64, v, this.type, 42n));
      const idx = Number(h >> (64n - p));
      const w = BigInt.asUintN(64, h << p);
      // Rank: leading zeros of the remaining bits plus one, capped by the bits available.
      const rank = w === 0n ? 64 - this.p + 1 : 64 - w.toString(2).length + 1;
      const r = this.regs[groupIds[i]!]!;
      if (rank > r[idx]!) r[idx] = rank;
    }
  }
  state(): arrow.Data[] {
    return [arrayFromValues(BINARY, this.regs)];
  }
  merge(state: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.ensure(numGroups);
    const get = getter(state[0]!);
    for (let i = 0; i < groupIds.length; i++) {
      const other = get(i) as Uint8Array | null;
      if (!other) continue;
      const r = this.regs[groupIds[i]!]!;
      for (let k = 0; k < this.m; k++) if (other[k]! > r[k]!) r[k] = other[k]!;
    }
  }
  finish(): arrow.Data {
    const out = new BigInt64Array(this.regs.length);
    const m = this.m;
    const alpha = m === 16 ? 0.673 : m === 32 ? 0.697 : m === 64 ? 0.709 : 0.7213 / (1 + 1.079 / m);
    this.regs.forEach((r, g) => {
      let sum = 0;
      let zeros = 0;
      for (let k = 0; k < m; k++) {
        sum += 2 ** -r[k]!;
        if (r[k] === 0) zeros++;
      }
      const raw = (alpha * m * m) / sum;
      const lc = zeros > 0 ? m * Math.log(m / zeros) : Infinity;
      const est = lc <= (THRESHOLDS[this.p - 4] ?? 0) ? lc : raw;
      out[g] = BigInt(Math.round(est));
    });
    return makeFixedData(LONG, out, null, out.length);
  }
}

export const HLL_KERNELS: readonly AggregateKernel[] = [
  {
    name: 'approx_count_distinct',
    stateTypes: () => [BINARY],
    create: (argTypes, _rt, _ctx) => new HllAccumulator(argTypes[0]!, precisionFor(0.05)),
  },
];
