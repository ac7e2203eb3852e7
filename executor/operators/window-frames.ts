/**
 * Window layout after sorting: partition and peer-group bounds per row, and each row's frame as a
 * half-open range [start, end) of sorted row positions (ROWS offsets, RANGE current row / value offsets).
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import type { WindowFrame } from '../../planner/physical/physical-plan.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import { isValidAt } from '../kernels/array-data.js';
import type { RowComparator } from '../kernels/row-compare.js';

export interface WindowLayout {
  readonly n: number;
  readonly partStart: Int32Array;
  readonly partEnd: Int32Array;
  readonly peerStart: Int32Array;
  readonly peerEnd: Int32Array;
}

/** `samePartition(i-1, i)` / `samePeer(i-1, i)` over sorted rows. */
export function windowLayout(n: number, samePartition: (a: number, b: number) => boolean, orderCmp: RowComparator | undefined): WindowLayout {
  const partStart = new Int32Array(n);
  const partEnd = new Int32Array(n);
  const peerStart = new Int32Array(n);
  const peerEnd = new Int32Array(n);
  let ps = 0;
  let qs = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && !samePartition(i - 1, i)) {
      ps = i;
      qs = i;
    } else if (i > 0 && orderCmp && orderCmp(i - 1, i) !== 0) qs = i;
    partStart[i] = ps;
    peerStart[i] = qs;
  }
  let pe = n;
  let qe = n;
  for (let i = n - 1; i >= 0; i--) {
    if (i < n - 1 && partStart[i + 1] !== partStart[i]) {
      pe = i + 1;
      qe = i + 1;
    } else if (i < n - 1 && peerStart[i + 1] !== peerStart[i]) qe = i + 1;
    partEnd[i] = pe;
    peerEnd[i] = qe;
  }
  return { n, partStart, partEnd, peerStart, peerEnd };
}

export interface FrameBounds {
  readonly start: Int32Array;
  readonly end: Int32Array;
}

export function frameBounds(frame: WindowFrame, layout: WindowLayout, orderKey: arrow.Data | undefined, ascending: boolean): FrameBounds {
  const { n, partStart, partEnd, peerStart, peerEnd } = layout;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  if (frame.unit === 'rows') {
    for (let i = 0; i < n; i++) {
      const s = frame.start === undefined ? partStart[i]! : clamp(i + frame.start, partStart[i]!, partEnd[i]!);
      const e = frame.end === undefined ? partEnd[i]! : clamp(i + frame.end + 1, partStart[i]!, partEnd[i]!);
      start[i] = s;
      end[i] = Math.max(s, e);
    }
    return { start, end };
  }
  const valueStart = frame.startValue !== undefined && frame.start !== 0;
  const valueEnd = frame.endValue !== undefined && frame.end !== 0;
  if (!valueStart && !valueEnd) {
    for (let i = 0; i < n; i++) {
      start[i] = frame.start === undefined ? partStart[i]! : peerStart[i]!;
      end[i] = frame.end === undefined ? partEnd[i]! : peerEnd[i]!;
    }
    return { start, end };
  }
  if (!orderKey) throw new DeltaSqlError('ANALYSIS_ERROR', 'a RANGE frame with value offsets needs exactly one ORDER BY key');
  // a timestamp key moves by day-time intervals (µs, bigint); a plain number here would be months
  if (orderKey.typeId === arrow.Type.Timestamp && [frame.startValue, frame.endValue].some((v) => typeof v === 'number'))
    unsupported('RANGE frames over timestamps with year-month interval offsets');
  const keys = numericKeys(orderKey);
  const lo = valueStart ? signedOffset(frame.start, frame.startValue!) : 0;
  const hi = valueEnd ? signedOffset(frame.end, frame.endValue!) : 0;
  const dir = ascending ? 1 : -1;
  for (let i = 0; i < n; i++) {
    const ps = partStart[i]!;
    const pe = partEnd[i]!;
    if (!isValidAt(orderKey, i)) {
      // NULL order keys: the frame is the NULL peer group (or unbounded sides)
      start[i] = frame.start === undefined ? ps : peerStart[i]!;
      end[i] = frame.end === undefined ? pe : peerEnd[i]!;
      continue;
    }
    // non-NULL region of the partition: NULLs sort to one end as one peer group
    const rs = isValidAt(orderKey, ps) ? ps : peerEnd[ps]!;
    const re = isValidAt(orderKey, pe - 1) ? pe : peerStart[pe - 1]!;
    const u = dir * keys[i]!;
    let s: number;
    if (frame.start === undefined) s = ps;
    else if (!valueStart) s = peerStart[i]!;
    else s = lowerBound(keys, dir, rs, re, u + lo);
    let e: number;
    if (frame.end === undefined) e = pe;
    else if (!valueEnd) e = peerEnd[i]!;
    else e = upperBound(keys, dir, rs, re, u + hi);
    start[i] = s;
    end[i] = Math.max(s, e);
  }
  return { start, end };
}

/** First j in [lo, hi) with dir*keys[j] >= target (keys ascending in dir*key). */
function lowerBound(keys: Float64Array, dir: number, lo: number, hi: number, target: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dir * keys[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First j in [lo, hi) with dir*keys[j] > target. */
function upperBound(keys: Float64Array, dir: number, lo: number, hi: number, target: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dir * keys[mid]! <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

function signedOffset(side: number | undefined, value: ScalarValue): number {
  const mag = typeof value === 'bigint' ? Number(value) : typeof value === 'number' ? value : NaN;
  if (Number.isNaN(mag)) unsupported('RANGE frame offsets of this type');
  if (side === undefined || side === 0) return mag;
  return side < 0 ? -Math.abs(mag) : Math.abs(mag);
}

function numericKeys(d: arrow.Data): Float64Array {
  const n = d.length;
  const out = new Float64Array(n);
  const v = d.values as unknown as ArrayLike<number | bigint>;
  if (d.typeId === arrow.Type.Decimal) {
    const w = d.values as Uint32Array;
    for (let i = 0; i < n; i++) {
      let x = 0n;
      for (let k = 3; k >= 0; k--) x = (x << 32n) | BigInt(w[i * 4 + k]!);
      out[i] = Number(BigInt.asIntN(128, x));
    }
    return out;
  }
  for (let i = 0; i < n; i++) out[i] = Number(v[i]!);
  return out;
}
