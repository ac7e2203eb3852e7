/**
 * Collection kernels (row-wise over JS arrays/maps: element work dominates). Index errors follow
 * Spark: element_at is 1-based (0 is always an error), `a[i]` is 0-based; out of range raises
 * INVALID_ARRAY_INDEX under ANSI and is NULL otherwise; try_element_at never raises.
 */
import { DeltaSqlError } from '../../../src/common/errors.js';
import type { DataType } from '../../../src/common/types/data-type.js';
import { isMapValue, type MapValue, type ScalarValue } from '../../../planner/expr/scalar-value.js';
import type { EvalContext, ScalarKernel } from '../../functions/kernel.js';
import { compareValues } from '../compare-scalar-values.js';
import { valueToString } from '../cast-format.js';
import { addMonthsToDays } from '../date-civil.js';
import { rowwise } from './columnar.js';

type Arr = readonly ScalarValue[];
const lenient = { nullIntolerant: false } as const;
const eq = (a: ScalarValue, b: ScalarValue): boolean => a !== null && b !== null && compareValues(a, b) === 0;

function indexError(idx: number, size: number): DeltaSqlError {
  return new DeltaSqlError('INVALID_ARRAY_INDEX', `The index ${idx} is out of bounds. The array has ${size} elements.`, {
    hint: 'use try_element_at to tolerate accessing an element at an invalid index and return NULL instead',
  });
}

/** Spark's default spark.sql.mapKeyDedupPolicy=EXCEPTION. */
export function duplicateKey(k: ScalarValue): DeltaSqlError {
  return new DeltaSqlError('INVALID_ARGUMENT', `[DUPLICATED_MAP_KEY] Duplicate map key ${String(k)} was found`, {
    hint: 'set spark.sql.mapKeyDedupPolicy to LAST_WIN to keep the last value',
  });
}

function mapLookup(m: MapValue, key: ScalarValue): ScalarValue {
  for (let i = m.keys.length - 1; i >= 0; i--) if (eq(m.keys[i]!, key)) return m.values[i] ?? null;
  return null;
}

function access(oneBased: boolean, raise: boolean): ScalarKernel {
  return (args, rt, ctx) =>
    rowwise((v) => {
      const c = v[0]!;
      if (isMapValue(c)) return mapLookup(c, v[1]!);
      const a = c as Arr;
      let idx = Number(v[1]);
      if (oneBased) {
        if (idx === 0) throw new DeltaSqlError('INVALID_ARRAY_INDEX', 'SQL array indices start at 1: element_at index 0 is invalid');
        idx = idx > 0 ? idx - 1 : a.length + idx;
      }
      if (idx < 0 || idx >= a.length) {
        if (raise && ctx.ansi) throw indexError(Number(v[1]), a.length);
        return null;
      }
      return a[idx] ?? null;
    })(args, rt, ctx);
}

function dedupe(a: Arr): ScalarValue[] {
  const out: ScalarValue[] = [];
  for (const x of a) if (!out.some((y) => (x === null ? y === null : eq(x, y)))) out.push(x);
  return out;
}

const sortAsc = (a: Arr, nullsFirst: boolean): ScalarValue[] =>
  [...a].sort((x, y) => (x === null ? (y === null ? 0 : nullsFirst ? -1 : 1) : y === null ? (nullsFirst ? 1 : -1) : compareValues(x, y)));

function extreme(a: Arr, sign: 1 | -1): ScalarValue {
  let best: ScalarValue = null;
  for (const x of a) if (x !== null && (best === null || compareValues(x, best) * sign > 0)) best = x;
  return best;
}

function sequence(v: readonly ScalarValue[], rt: DataType): ScalarValue[] {
  const elem = rt.kind === 'array' ? rt.element : rt;
  if (elem.kind === 'date') {
    const start = v[0] as number;
    const stop = v[1] as number;
    const step = v[2];
    const out: number[] = [];
    if (step === undefined || typeof step === 'bigint') {
      const s = step === undefined ? (stop >= start ? 1 : -1) : Number(step / 86_400_000_000n);
      if (s === 0) throw new DeltaSqlError('INVALID_ARGUMENT', 'sequence step must not be zero');
      for (let x = start; s > 0 ? x <= stop : x >= stop; x += s) out.push(x);
    } else {
      const m = step as number;
      for (let k = 0, x = start; m > 0 ? x <= stop : x >= stop; k++, x = addMonthsToDays(start, k * m)) out.push(x);
    }
    return out;
  }
  const start = BigInt(v[0] as number | bigint);
  const stop = BigInt(v[1] as number | bigint);
  const step = v[2] === undefined ? (stop >= start ? 1n : -1n) : BigInt(v[2] as number | bigint);
  if (step === 0n || (step > 0n && start > stop) || (step < 0n && start < stop))
    throw new DeltaSqlError('INVALID_ARGUMENT', `sequence boundaries ${start} to ${stop} do not fit step ${step}`);
  const count = (stop - start) / step + 1n;
  if (count > 10_000_000n) throw new DeltaSqlError('INVALID_ARGUMENT', `sequence of ${count} elements is too long`);
  const out: ScalarValue[] = [];
  for (let x = start; step > 0n ? x <= stop : x >= stop; x += step) out.push(elem.kind === 'long' ? x : Number(x));
  return out;
}

function arrayJoin(a: Arr, delim: string, nullRep: ScalarValue | undefined, type: DataType, ctx: EvalContext): string {
  const parts: string[] = [];
  for (const x of a) {
    if (x === null) {
      if (typeof nullRep === 'string') parts.push(nullRep);
    } else parts.push(valueToString(x, type, ctx.timeZone));
  }
  return parts.join(delim);
}

function contains(a: Arr, x: ScalarValue): boolean | null {
  if (a.some((y) => eq(x, y))) return true;
  return a.some((y) => y === null) ? null : false;
}

export const COLLECTION_KERNELS: Readonly<Record<string, ScalarKernel>> = {
  array: rowwise((v) => [...v], lenient),
  map: rowwise((v) => {
    const keys: ScalarValue[] = [];
    const values: ScalarValue[] = [];
    for (let i = 0; i < v.length; i += 2) {
      if (v[i] === null) throw new DeltaSqlError('INVALID_ARGUMENT', 'map keys must not be NULL');
      if (keys.some((k) => eq(k, v[i]!))) throw duplicateKey(v[i]!);
      keys.push(v[i]!);
      values.push(v[i + 1] ?? null);
    }
    return { keys, values };
  }, lenient),
  struct: rowwise((v) => [...v], lenient),
  named_struct: rowwise((v) => v.filter((_, i) => i % 2 === 1), lenient),
  element_at: access(true, true),
  try_element_at: access(true, false),
  get_item: access(false, true),
  get_field: rowwise((v) => (v[0] === null ? null : ((v[0] as Arr)[Number(v[1])] ?? null)), lenient),
  size: (args, rt, ctx) =>
    rowwise((v) => {
      const c = v[0] ?? null;
      if (c === null) return ctx.ansi ? null : -1;
      return isMapValue(c) ? c.keys.length : (c as Arr).length;
    }, lenient)(args, rt, ctx),
  array_size: rowwise((v) => (v[0] as Arr).length),
  array_contains: rowwise((v) => contains(v[0] as Arr, v[1]!)),
  array_position: rowwise((v) => BigInt((v[0] as Arr).findIndex((y) => eq(v[1]!, y)) + 1)),
  array_remove: rowwise((v) => (v[0] as Arr).filter((y) => !eq(v[1]!, y))),
  array_append: rowwise((v) => (v[0] === null ? null : [...(v[0] as Arr), v[1] ?? null]), lenient),
  array_prepend: rowwise((v) => (v[0] === null ? null : [v[1] ?? null, ...(v[0] as Arr)]), lenient),
  array_distinct: rowwise((v) => dedupe(v[0] as Arr)),
  array_sort: rowwise((v) => sortAsc(v[0] as Arr, false)),
  sort_array: rowwise((v) => {
    const asc = v[1] === undefined || v[1] === true;
    const sorted = sortAsc(v[0] as Arr, true);
    return asc ? sorted : sorted.reverse();
  }),
  array_compact: rowwise((v) => (v[0] as Arr).filter((x) => x !== null)),
  array_min: rowwise((v) => extreme(v[0] as Arr, -1)),
  array_max: rowwise((v) => extreme(v[0] as Arr, 1)),
  array_join: (args, rt, ctx) => {
    const elem: DataType = { kind: 'string' };
    return rowwise((v) => (v[0] === null || v[1] === null ? null : arrayJoin(v[0] as Arr, v[1] as string, v[2], elem, ctx)), lenient)(args, rt, ctx);
  },
  flatten: rowwise((v) => ((v[0] as Arr).some((x) => x === null) ? null : (v[0] as Arr[]).flatMap((x) => [...x]))),
  sequence: (args, rt, ctx) => rowwise((v) => sequence(v, rt))(args, rt, ctx),
  slice: rowwise((v) => {
    const a = v[0] as Arr;
    const start = Number(v[1]);
    const len = Number(v[2]);
    if (start === 0) throw new DeltaSqlError('INVALID_ARGUMENT', 'slice: SQL array indices start at 1');
    if (len < 0) throw new DeltaSqlError('INVALID_ARGUMENT', `slice: the length must not be negative, got ${len}`);
    const s = start > 0 ? start - 1 : a.length + start;
    return s < 0 ? [] : a.slice(s, s + len);
  }),
  array_repeat: rowwise((v) => (v[1] === null ? null : new Array<ScalarValue>(Math.max(0, Number(v[1]))).fill(v[0] ?? null)), lenient),
  array_union: rowwise((v) => dedupe([...(v[0] as Arr), ...(v[1] as Arr)])),
  array_intersect: rowwise((v) => dedupe((v[0] as Arr).filter((x) => (v[1] as Arr).some((y) => (x === null ? y === null : eq(x, y)))))),
  array_except: rowwise((v) => dedupe((v[0] as Arr).filter((x) => !(v[1] as Arr).some((y) => (x === null ? y === null : eq(x, y)))))),
  arrays_overlap: rowwise((v) => {
    const a = v[0] as Arr;
    const b = v[1] as Arr;
    if (a.some((x) => b.some((y) => eq(x, y)))) return true;
    return a.length > 0 && b.length > 0 && (a.includes(null) || b.includes(null)) ? null : false;
  }),
  map_keys: rowwise((v) => [...(v[0] as MapValue).keys]),
  map_values: rowwise((v) => [...(v[0] as MapValue).values]),
  map_entries: rowwise((v) => (v[0] as MapValue).keys.map((k, i) => [k, (v[0] as MapValue).values[i] ?? null])),
  map_contains_key: rowwise((v) => (v[0] as MapValue).keys.some((k) => eq(k, v[1]!))),
  map_from_arrays: rowwise((v) => {
    const keys = v[0] as Arr;
    const values = v[1] as Arr;
    if (keys.length !== values.length) throw new DeltaSqlError('INVALID_ARGUMENT', 'map_from_arrays: the key and value arrays must have the same length');
    if (keys.includes(null)) throw new DeltaSqlError('INVALID_ARGUMENT', 'map keys must not be NULL');
    return { keys: [...keys], values: [...values] };
  }),
};
