/**
 * Value-collecting aggregates: first/last/any_value (with ignoreNulls), collect_list,
 * collect_set, string_agg, and the exact percentiles (percentile, percentile_approx, median).
 */
import { DeltaSqlError } from '../../../src/common/errors.js';
import { BOOLEAN, DOUBLE, STRING, arrayOf, type DataType } from '../../../src/common/types/data-type.js';
import type { ScalarValue } from '../../../planner/expr/scalar-value.js';
import type { AggregateKernel } from '../../functions/kernel.js';
import { compareValues } from '../compare-scalar-values.js';
import { ValueAccumulator, type ValueAggSpec } from './agg-value-accumulator.js';

type List = ScalarValue[];

function firstLast(name: string, last: boolean): AggregateKernel {
  return {
    name,
    stateTypes: (a) => [a[0]!, BOOLEAN],
    create: (argTypes, rt) => {
      const take = (s: ScalarValue[], v: ScalarValue, ignoreNulls: boolean): void => {
        if (ignoreNulls && v === null) return;
        if (last || s[1] !== true) {
          s[0] = v;
          s[1] = true;
        }
      };
      return new ValueAccumulator(
        {
          stateTypes: [argTypes[0]!, BOOLEAN],
          init: () => [null, false],
          update: (s, row) => take(s, row[0]!, row[1] === true),
          merge: (s, o) => {
            if (o[1] === true) take(s, o[0]!, false);
          },
          finish: (s) => s[0]!,
        },
        rt,
      );
    },
  };
}

/** A key that identifies equal values (Spark equality: NaN = NaN, -0.0 = 0.0) for de-duplication. */
function dedupeKey(v: ScalarValue): unknown {
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  if (typeof v === 'object' && v !== null) return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x instanceof Uint8Array ? [...x] : x));
  return v;
}

function listSpec(elem: DataType, distinct: boolean): ValueAggSpec {
  const add = (s: ScalarValue[], v: ScalarValue): void => {
    if (v !== null) (s[0] as List).push(v instanceof Uint8Array ? v.slice() : v);
  };
  return {
    stateTypes: [arrayOf(elem)],
    init: () => [[]],
    update: (s, row) => add(s, row[0]!),
    merge: (s, o) => {
      for (const v of (o[0] ?? []) as List) add(s, v);
    },
    finish: (s) => {
      const list = s[0] as List;
      if (!distinct) return list;
      const seen = new Set<unknown>();
      return list.filter((v) => {
        const k = dedupeKey(v);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    },
  };
}

function collect(name: string, distinct: boolean): AggregateKernel {
  return {
    name,
    stateTypes: (a) => [arrayOf(a[0]!)],
    create: (argTypes, rt) => new ValueAccumulator(listSpec(argTypes[0]!, distinct), rt),
  };
}

const stringAgg = (name: string, defaultDelimiter: string): AggregateKernel => ({
  name,
  stateTypes: () => [arrayOf(STRING), STRING],
  create: (_a, rt) => {
    const base = listSpec(STRING, false);
    return new ValueAccumulator(
      {
        stateTypes: [arrayOf(STRING), STRING],
        init: () => [[], null],
        update: (s, row) => {
          base.update(s, row);
          if (s[1] === null && row[1] !== undefined && row[1] !== null) s[1] = row[1];
        },
        merge: (s, o) => {
          base.merge(s, o);
          if (s[1] === null) s[1] = o[1] ?? null;
        },
        finish: (s) => {
          const list = s[0] as string[];
          return list.length === 0 ? null : list.join((s[1] as string | null) ?? defaultDelimiter);
        },
      },
      rt,
    );
  },
});

/** mode(x): the most frequent non-NULL value (the first seen among ties). */
const mode: AggregateKernel = {
  name: 'mode',
  stateTypes: (a) => [arrayOf(a[0]!)],
  create: (argTypes, rt) => {
    const base = listSpec(argTypes[0]!, false);
    return new ValueAccumulator(
      {
        ...base,
        finish: (s) => {
          const counts = new Map<unknown, { v: ScalarValue; n: number }>();
          for (const v of s[0] as List) {
            const k = dedupeKey(v);
            const e = counts.get(k);
            if (e) e.n++;
            else counts.set(k, { v, n: 1 });
          }
          let best: { v: ScalarValue; n: number } | null = null;
          for (const e of counts.values()) if (!best || e.n > best.n) best = e;
          return best ? best.v : null;
        },
      },
      rt,
    );
  },
};

function checkFraction(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new DeltaSqlError('INVALID_ARGUMENT', `percentile value must be between 0.0 and 1.0, got ${p}`);
  return p;
}

/** Linear interpolation between the closest ranks (Spark's percentile). */
function interpolate(sorted: readonly number[], p: number): number {
  const pos = checkFraction(p) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  if (lo === hi) return sorted[lo]!;
  return (hi - pos) * sorted[lo]! + (pos - lo) * sorted[hi]!;
}

/** The first element whose rank reaches ceil(p·n) (what percentile_approx answers on exact samples). */
function rankPick(sorted: readonly ScalarValue[], p: number): ScalarValue {
  const rank = Math.ceil(checkFraction(p) * sorted.length);
  return sorted[Math.max(rank - 1, 0)]!;
}

function percentileKernel(name: string, exactInterpolate: boolean, fixedP?: number): AggregateKernel {
  return {
    name,
    stateTypes: (a) => [arrayOf(a[0]!), a[1] ?? DOUBLE],
    create: (argTypes, rt) => {
      const elem = argTypes[0]!;
      const pType: DataType = argTypes[1] ?? DOUBLE;
      const hasFreq = exactInterpolate && argTypes.length === 3;
      return new ValueAccumulator(
        {
          stateTypes: [arrayOf(elem), pType],
          init: () => [[], fixedP ?? null],
          update: (s, row) => {
            if (s[1] === null && row[1] !== undefined) s[1] = row[1];
            const v = row[0]!;
            if (v === null) return;
            const times = hasFreq ? Number(row[2] ?? 0) : 1;
            if (times < 0) throw new DeltaSqlError('INVALID_ARGUMENT', `percentile frequency must not be negative, got ${times}`);
            for (let k = 0; k < times; k++) (s[0] as List).push(v);
          },
          merge: (s, o) => {
            for (const v of (o[0] ?? []) as List) (s[0] as List).push(v);
            if (s[1] === null) s[1] = o[1] ?? null;
          },
          finish: (s) => {
            const list = (s[0] as List).slice().sort(compareValues);
            if (list.length === 0 || s[1] === null) return null;
            const one = (p: number): ScalarValue => (exactInterpolate ? interpolate(list as number[], p) : rankPick(list, p));
            return Array.isArray(s[1]) ? (s[1] as number[]).map(one) : one(s[1] as number);
          },
        },
        rt,
      );
    },
  };
}

export const COLLECT_KERNELS: readonly AggregateKernel[] = [
  firstLast('first', false),
  firstLast('any_value', false),
  firstLast('last', true),
  collect('collect_list', false),
  collect('collect_set', true),
  stringAgg('string_agg', ''),
  stringAgg('group_concat', ','),
  mode,
  percentileKernel('percentile', true),
  percentileKernel('percentile_approx', false),
  percentileKernel('median', true, 0.5),
];
