/**
 * Ranking and offset window functions over sorted rows: row_number, rank, dense_rank, percent_rank,
 * cume_dist, ntile, lag, lead, first_value, last_value, nth_value (with IGNORE NULLS).
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../src/common/errors.js';
import { toArrowType } from '../../src/common/types/arrow-type.js';
import type { DataType } from '../../src/common/types/data-type.js';
import { isValidAt, makeArrayData } from '../kernels/array-data.js';
import { concatData } from '../kernels/concat.js';
import { take } from '../kernels/take.js';
import type { FrameBounds, WindowLayout } from './window-frames.js';

export const RANKING = new Set(['row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile']);
export const OFFSET = new Set(['lag', 'lead']);
export const VALUE = new Set(['first_value', 'last_value', 'nth_value']);

function numbers(type: DataType, vals: Float64Array): arrow.Data {
  const n = vals.length;
  const at = toArrowType(type);
  switch (type.kind) {
    case 'int':
      return makeArrayData(at, n, null, 0, Int32Array.from(vals));
    case 'long': {
      const out = new BigInt64Array(n);
      for (let i = 0; i < n; i++) out[i] = BigInt(vals[i]!);
      return makeArrayData(at, n, null, 0, out);
    }
    case 'double':
      return makeArrayData(at, n, null, 0, vals);
    default:
      throw new DeltaSqlError('INTERNAL', `ranking function typed ${type.kind}`);
  }
}

export function rankingFunction(name: string, type: DataType, layout: WindowLayout, ntileBuckets: number): arrow.Data {
  const { n, partStart, partEnd, peerStart, peerEnd } = layout;
  const out = new Float64Array(n);
  let dense = 0;
  for (let i = 0; i < n; i++) {
    const ps = partStart[i]!;
    const size = partEnd[i]! - ps;
    if (i === ps) dense = 0;
    if (i === peerStart[i]) dense++;
    switch (name) {
      case 'row_number':
        out[i] = i - ps + 1;
        break;
      case 'rank':
        out[i] = peerStart[i]! - ps + 1;
        break;
      case 'dense_rank':
        out[i] = dense;
        break;
      case 'percent_rank':
        out[i] = size <= 1 ? 0 : (peerStart[i]! - ps) / (size - 1);
        break;
      case 'cume_dist':
        out[i] = (peerEnd[i]! - ps) / size;
        break;
      case 'ntile': {
        const k = i - ps;
        const base = Math.floor(size / ntileBuckets);
        const extra = size % ntileBuckets;
        const big = extra * (base + 1);
        out[i] = k < big ? Math.floor(k / (base + 1)) + 1 : extra + Math.floor((k - big) / Math.max(base, 1)) + 1;
        break;
      }
      default:
        throw new DeltaSqlError('INTERNAL', `unknown ranking function ${name}`);
    }
  }
  return numbers(type, out);
}

/** lag/lead: value `offset` rows before/after within the partition, else `deflt` (per row). */
export function offsetFunction(
  name: string,
  value: arrow.Data,
  offset: number,
  deflt: arrow.Data | undefined,
  ignoreNulls: boolean,
  layout: WindowLayout,
): arrow.Data {
  const { n, partStart, partEnd } = layout;
  const idx = new Int32Array(n);
  const shift = name === 'lag' ? -offset : offset;
  if (!ignoreNulls) {
    for (let i = 0; i < n; i++) {
      const t = i + shift;
      idx[i] = t >= partStart[i]! && t < partEnd[i]! ? t : deflt ? n + i : -1;
    }
  } else {
    // positions of non-NULL values, and for each row how many precede it
    const pos = new Int32Array(n);
    const before = new Int32Array(n + 1);
    let c = 0;
    for (let i = 0; i < n; i++) {
      before[i] = c;
      if (isValidAt(value, i)) pos[c++] = i;
    }
    before[n] = c;
    for (let i = 0; i < n; i++) {
      let t = -1;
      if (shift === 0) t = i;
      else if (shift < 0) {
        const k = before[i]! + shift;
        if (k >= 0 && pos[k]! >= partStart[i]!) t = pos[k]!;
      } else {
        const k = before[i + 1]! + shift - 1;
        if (k < c && pos[k]! < partEnd[i]!) t = pos[k]!;
      }
      idx[i] = t >= 0 ? t : deflt ? n + i : -1;
    }
  }
  const src = deflt ? concatData([value, deflt], value.type) : value;
  return take(src, idx);
}

/** first_value / last_value / nth_value over each row's frame. */
export function valueFunction(name: string, value: arrow.Data, nth: number, ignoreNulls: boolean, frame: FrameBounds): arrow.Data {
  const n = value.length;
  const { start, end } = frame;
  const idx = new Int32Array(n).fill(-1);
  if (!ignoreNulls) {
    for (let i = 0; i < n; i++) {
      const s = start[i]!;
      const e = end[i]!;
      if (s >= e) continue;
      if (name === 'first_value') idx[i] = s;
      else if (name === 'last_value') idx[i] = e - 1;
      else if (s + nth - 1 < e) idx[i] = s + nth - 1;
    }
    return take(value, idx);
  }
  const pos = new Int32Array(n);
  const before = new Int32Array(n + 1);
  let c = 0;
  for (let i = 0; i < n; i++) {
    before[i] = c;
    if (isValidAt(value, i)) pos[c++] = i;
  }
  before[n] = c;
  for (let i = 0; i < n; i++) {
    const s = start[i]!;
    const e = end[i]!;
    if (s >= e) continue;
    const first = before[s]!;
    const count = before[e]! - first;
    if (count === 0) continue;
    if (name === 'first_value') idx[i] = pos[first]!;
    else if (name === 'last_value') idx[i] = pos[first + count - 1]!;
    else if (nth <= count) idx[i] = pos[first + nth - 1]!;
  }
  return take(value, idx);
}
