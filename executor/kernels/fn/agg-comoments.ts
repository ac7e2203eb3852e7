/**
 * Mergeable higher moments: skewness/kurtosis (M3/M4 with Pébay's pairwise update) and the
 * two-variable co-moments behind covar_pop/covar_samp/corr/regr_* (rows where both are non-NULL).
 */
import type * as arrow from 'apache-arrow';
import { DOUBLE } from '../../../src/common/types/data-type.js';
import type { AggregateKernel, GroupedAccumulator } from '../../functions/kernel.js';
import { alignedValidity, bitmapBytes, getBit } from '../make-data-bitmap.js';
import { makeFixedData } from '../make-data.js';
import { grow } from './agg-state.js';

/** Per-group Float64 state columns, growable together. */
class StateColumns {
  cols: Float64Array[];
  n = 0;
  constructor(count: number) {
    this.cols = Array.from({ length: count }, () => new Float64Array(16));
  }
  ensure(k: number): void {
    this.cols = this.cols.map((c) => grow(c, k));
    this.n = Math.max(this.n, k);
  }
  export(): arrow.Data[] {
    return this.cols.map((c) => makeFixedData(DOUBLE, c.slice(0, this.n), null, this.n));
  }
}

function finishDoubles(n: number, f: (g: number) => number | null): arrow.Data {
  const out = new Float64Array(n);
  const valid = new Uint8Array(bitmapBytes(n));
  for (let g = 0; g < n; g++) {
    const v = f(g);
    if (v === null) continue;
    out[g] = v;
    valid[g >> 3]! |= 1 << (g & 7);
  }
  return makeFixedData(DOUBLE, out, valid, n);
}

class HigherMoments implements GroupedAccumulator {
  private readonly s = new StateColumns(5); // n, mean, m2, m3, m4
  constructor(private readonly kurtosis: boolean) {}
  update(args: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.s.ensure(numGroups);
    const [N, MEAN, M2, M3, M4] = this.s.cols as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const d = args[0]!;
    const valid = alignedValidity(d);
    const v = d.values as Float64Array;
    for (let i = 0; i < groupIds.length; i++) {
      if (valid && !getBit(valid, i)) continue;
      const g = groupIds[i]!;
      const n = ++N[g]!;
      const delta = v[i]! - MEAN[g]!;
      const dn = delta / n;
      const dn2 = dn * dn;
      const term1 = delta * dn * (n - 1);
      MEAN[g]! += dn;
      M4[g]! += term1 * dn2 * (n * n - 3 * n + 3) + 6 * dn2 * M2[g]! - 4 * dn * M3[g]!;
      M3[g]! += term1 * dn * (n - 2) - 3 * dn * M2[g]!;
      M2[g]! += term1;
    }
  }
  state(): arrow.Data[] {
    return this.s.export();
  }
  merge(state: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.s.ensure(numGroups);
    const [N, MEAN, M2, M3, M4] = this.s.cols as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const [nb, mb, m2b, m3b, m4b] = state.map((x) => x.values as Float64Array) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    for (let i = 0; i < groupIds.length; i++) {
      const g = groupIds[i]!;
      const b = nb[i]!;
      if (b === 0) continue;
      const a = N[g]!;
      const n = a + b;
      const delta = mb[i]! - MEAN[g]!;
      const d2 = delta * delta;
      const m2a = M2[g]!;
      const m3a = M3[g]!;
      M4[g] = M4[g]! + m4b[i]! + (d2 * d2 * a * b * (a * a - a * b + b * b)) / (n * n * n) + (6 * d2 * (a * a * m2b[i]! + b * b * m2a)) / (n * n) + (4 * delta * (a * m3b[i]! - b * m3a)) / n;
      M3[g] = m3a + m3b[i]! + (d2 * delta * a * b * (a - b)) / (n * n) + (3 * delta * (a * m2b[i]! - b * m2a)) / n;
      M2[g] = m2a + m2b[i]! + (d2 * a * b) / n;
      MEAN[g] = MEAN[g]! + (delta * b) / n;
      N[g] = n;
    }
  }
  finish(): arrow.Data {
    const [N, , M2, M3, M4] = this.s.cols as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    return finishDoubles(this.s.n, (g) => {
      const n = N[g]!;
      const m2 = M2[g]!;
      if (n === 0 || m2 === 0) return null;
      return this.kurtosis ? (n * M4[g]!) / (m2 * m2) - 3 : (Math.sqrt(n) * M3[g]!) / Math.sqrt(m2 * m2 * m2);
    });
  }
}

type CoStat = 'covar_pop' | 'covar_samp' | 'corr' | 'regr_count' | 'regr_slope' | 'regr_intercept' | 'regr_r2' | 'regr_avgx' | 'regr_avgy' | 'regr_sxx' | 'regr_syy' | 'regr_sxy';

/** Co-moments of (y, x) as Spark's regr_* take them; covar/corr take (x, y) (symmetric). */
class CoMoments implements GroupedAccumulator {
  private readonly s = new StateColumns(6); // n, xAvg, yAvg, ck, m2x, m2y
  constructor(private readonly stat: CoStat) {}
  update(args: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.s.ensure(numGroups);
    const [N, XA, YA, CK, MX, MY] = this.s.cols as Float64Array[] as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const regr = this.stat.startsWith('regr');
    const [yd, xd] = regr ? [args[0]!, args[1]!] : [args[1]!, args[0]!];
    const vx = alignedValidity(xd);
    const vy = alignedValidity(yd);
    const xs = xd.values as Float64Array;
    const ys = yd.values as Float64Array;
    for (let i = 0; i < groupIds.length; i++) {
      if ((vx && !getBit(vx, i)) || (vy && !getBit(vy, i))) continue;
      const g = groupIds[i]!;
      const n = ++N[g]!;
      const x = xs[i]!;
      const y = ys[i]!;
      const dx = x - XA[g]!;
      const dy = y - YA[g]!;
      XA[g]! += dx / n;
      YA[g]! += dy / n;
      CK[g]! += dx * (y - YA[g]!);
      MX[g]! += dx * (x - XA[g]!);
      MY[g]! += dy * (y - YA[g]!);
    }
  }
  state(): arrow.Data[] {
    return this.s.export();
  }
  merge(state: readonly arrow.Data[], groupIds: Uint32Array, numGroups: number): void {
    this.s.ensure(numGroups);
    const [N, XA, YA, CK, MX, MY] = this.s.cols as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const [nb, xb, yb, ckb, mxb, myb] = state.map((x) => x.values as Float64Array) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    for (let i = 0; i < groupIds.length; i++) {
      const g = groupIds[i]!;
      const b = nb[i]!;
      if (b === 0) continue;
      const a = N[g]!;
      const n = a + b;
      const dx = xb[i]! - XA[g]!;
      const dy = yb[i]! - YA[g]!;
      CK[g] = CK[g]! + ckb[i]! + (dx * dy * a * b) / n;
      MX[g] = MX[g]! + mxb[i]! + (dx * dx * a * b) / n;
      MY[g] = MY[g]! + myb[i]! + (dy * dy * a * b) / n;
      XA[g] = XA[g]! + (dx * b) / n;
      YA[g] = YA[g]! + (dy * b) / n;
      N[g] = n;
    }
  }
  finish(): arrow.Data {
    const [N, XA, YA, CK, MX, MY] = this.s.cols as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    if (this.stat === 'regr_count') {
      const out = new BigInt64Array(this.s.n);
      for (let g = 0; g < this.s.n; g++) out[g] = BigInt(N[g]!);
      return makeFixedData({ kind: 'long' }, out, null, this.s.n);
    }
    return finishDoubles(this.s.n, (g) => {
      const n = N[g]!;
      if (n === 0) return null;
      switch (this.stat) {
        case 'covar_pop':
          return CK[g]! / n;
        case 'covar_samp':
          return n === 1 ? null : CK[g]! / (n - 1);
        case 'corr':
          return n === 1 ? null : CK[g]! / Math.sqrt(MX[g]! * MY[g]!);
        case 'regr_slope':
          return MX[g] === 0 ? null : CK[g]! / MX[g]!;
        case 'regr_intercept':
          return MX[g] === 0 ? null : YA[g]! - (CK[g]! / MX[g]!) * XA[g]!;
        case 'regr_r2':
          if (MX[g] === 0) return null;
          return MY[g] === 0 ? 1 : (CK[g]! * CK[g]!) / (MX[g]! * MY[g]!);
        case 'regr_avgx':
          return XA[g]!;
        case 'regr_avgy':
          return YA[g]!;
        case 'regr_sxx':
          return MX[g]!;
        case 'regr_syy':
          return MY[g]!;
        default:
          return CK[g]!;
      }
    });
  }
}

const co = (name: CoStat): AggregateKernel => ({ name, stateTypes: () => new Array(6).fill(DOUBLE), create: () => new CoMoments(name) });

export const COMOMENT_KERNELS: readonly AggregateKernel[] = [
  { name: 'skewness', stateTypes: () => new Array(5).fill(DOUBLE), create: () => new HigherMoments(false) },
  { name: 'kurtosis', stateTypes: () => new Array(5).fill(DOUBLE), create: () => new HigherMoments(true) },
  ...(['covar_pop', 'covar_samp', 'corr', 'regr_count', 'regr_slope', 'regr_intercept', 'regr_r2', 'regr_avgx', 'regr_avgy', 'regr_sxx', 'regr_syy', 'regr_sxy'] as const).map(co),
];
