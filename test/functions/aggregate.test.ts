import { describe, expect, it } from 'vitest';
import type * as arrow from 'apache-arrow';
import { BOOLEAN, DOUBLE, INT, LONG, STRING, decimal, type DataType } from '../../src/common/types/data-type.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import { getAggregateKernel } from '../../executor/functions/registry.js';
import { arrayFromValues } from '../../executor/kernels/make-data-values.js';
import { readValues } from '../../executor/kernels/make-data-read.js';
import { lookupFunction } from '../../planner/functions/registry.js';
import { ctxOf } from './helpers.js';

interface Input {
  types: DataType[];
  cols: ScalarValue[][];
  groups: number[];
}

function resolve(name: string, types: DataType[], ansi = true) {
  const sig = lookupFunction(name)!;
  return sig.resolve(types, { ansi, literalArgs: types.map(() => undefined) });
}

/** One pass over all rows. */
function onePass(name: string, input: Input, ansi = true): ScalarValue[] {
  const r = resolve(name, input.types, ansi);
  const k = getAggregateKernel(r.name)!;
  const acc = k.create(r.argTypes, r.returnType, ctxOf(0, ansi));
  const numGroups = Math.max(...input.groups) + 1;
  acc.update(input.cols.map((c, i) => arrayFromValues(r.argTypes[i]!, c)), Uint32Array.from(input.groups), numGroups);
  return readValues(acc.finish());
}

/** Rows split at `cut` into two partial accumulators, merged into a third. */
function splitPass(name: string, input: Input, cut: number): ScalarValue[] {
  const r = resolve(name, input.types);
  const k = getAggregateKernel(r.name)!;
  const numGroups = Math.max(...input.groups) + 1;
  const part = (from: number, to: number): arrow.Data[] => {
    const acc = k.create(r.argTypes, r.returnType, ctxOf(0));
    const gids = input.groups.slice(from, to);
    acc.update(input.cols.map((c, i) => arrayFromValues(r.argTypes[i]!, c.slice(from, to))), Uint32Array.from(gids), Math.max(0, ...gids) + 1);
    return acc.state();
  };
  const final = k.create(r.argTypes, r.returnType, ctxOf(0));
  for (const [from, to] of [[0, cut], [cut, input.groups.length]] as const) {
    const st = part(from, to);
    const n = st[0]!.length;
    final.merge(st, Uint32Array.from({ length: n }, (_, i) => i), numGroups);
  }
  return readValues(final.finish());
}

const ints: Input = { types: [INT], cols: [[1, 2, null, 4, 5, null, 7]], groups: [0, 1, 0, 1, 0, 2, 1] };

describe('aggregates', () => {
  it('count, count(*), sum, avg, min, max', () => {
    expect(onePass('count', ints)).toEqual([2n, 3n, 0n]);
    expect(onePass('count', { types: [], cols: [], groups: ints.groups })).toEqual([3n, 3n, 1n]);
    expect(onePass('sum', ints)).toEqual([6n, 13n, null]);
    expect(onePass('avg', ints)).toEqual([3, 13 / 3, null]);
    expect(onePass('min', ints)).toEqual([1, 2, null]);
    expect(onePass('max', ints)).toEqual([5, 7, null]);
  });

  it('long sum overflow: ANSI error, legacy wraps', () => {
    const big: Input = { types: [LONG], cols: [[2n ** 62n, 2n ** 62n]], groups: [0, 0] };
    expect(() => onePass('sum', big, true)).toThrow(expect.objectContaining({ code: 'ARITHMETIC_OVERFLOW' }));
    expect(onePass('sum', big, false)).toEqual([-(2n ** 63n)]);
  });

  it('decimal sum and avg types and values', () => {
    const t = decimal(5, 2);
    expect(resolve('sum', [t]).returnType).toEqual(decimal(15, 2));
    expect(resolve('avg', [t]).returnType).toEqual(decimal(9, 6));
    const d: Input = { types: [t], cols: [[100n, 200n, 201n]], groups: [0, 0, 0] };
    expect(onePass('sum', d)).toEqual([501n]);
    expect(onePass('avg', d)).toEqual([1670000n]); // 5.01 / 3 = 1.670000
  });

  it('min/max over strings use UTF-8 byte order; NaN is the largest double', () => {
    const s: Input = { types: [STRING], cols: [['b', '\uFF61', '😀', null]], groups: [0, 0, 0, 0] };
    expect(onePass('max', s)).toEqual(['😀']);
    expect(onePass('min', s)).toEqual(['b']);
    const d: Input = { types: [DOUBLE], cols: [[1, NaN, 3]], groups: [0, 0, 0] };
    expect(onePass('max', d)).toEqual([NaN]);
    expect(onePass('min', d)).toEqual([1]);
  });

  it('variance family (Welford), sample of one row is NULL', () => {
    const d: Input = { types: [DOUBLE], cols: [[2, 4, 4, 4, 5, 5, 7, 9, 1]], groups: [0, 0, 0, 0, 0, 0, 0, 0, 1] };
    expect(onePass('stddev_pop', d)).toEqual([2, 0]);
    expect(onePass('var_pop', d)).toEqual([4, 0]);
    expect(onePass('variance', d)[0]).toBeCloseTo(32 / 7, 12);
    expect(onePass('stddev', d)[1]).toBe(null);
  });

  it('bool_or/bool_and/count_if, first/last with ignoreNulls, min_by/max_by', () => {
    const b: Input = { types: [BOOLEAN], cols: [[true, false, null]], groups: [0, 0, 0] };
    expect(onePass('bool_or', b)).toEqual([true]);
    expect(onePass('every', b)).toEqual([false]);
    expect(onePass('count_if', b)).toEqual([1n]);
    const f: Input = { types: [INT, BOOLEAN], cols: [[null, 2, 3, null], [true, true, true, true]], groups: [0, 0, 0, 0] };
    expect(onePass('first', f)).toEqual([2]);
    expect(onePass('last', f)).toEqual([3]);
    expect(onePass('first', { types: [INT], cols: [[null, 2]], groups: [0, 0] })).toEqual([null]);
    const by: Input = { types: [STRING, INT], cols: [['a', 'b', 'c'], [5, 1, 9]], groups: [0, 0, 0] };
    expect(onePass('min_by', by)).toEqual(['b']);
    expect(onePass('max_by', by)).toEqual(['c']);
  });

  it('collect_list/collect_set and percentiles', () => {
    const x: Input = { types: [INT], cols: [[3, 1, 3, null, 2]], groups: [0, 0, 0, 0, 0] };
    expect(onePass('collect_list', x)).toEqual([[3, 1, 3, 2]]);
    expect(onePass('collect_set', x)).toEqual([[3, 1, 2]]);
    expect(onePass('median', x)).toEqual([2.5]);
    const p: Input = { types: [INT, DOUBLE], cols: [[1, 2, 3, 4], [0.25, 0.25, 0.25, 0.25]], groups: [0, 0, 0, 0] };
    expect(onePass('percentile', p)).toEqual([1.75]);
    expect(onePass('percentile_approx', { types: [INT, DOUBLE], cols: [[4, 1, 3, 2], [0.5, 0.5, 0.5, 0.5]], groups: [0, 0, 0, 0] })).toEqual([2]);
  });

  it('split update/merge equals one pass', () => {
    const d: Input = { types: [DOUBLE], cols: [[2, 4, 4, 4, 5, 5, 7, 9, 1, 3]], groups: [0, 1, 0, 1, 0, 1, 0, 1, 2, 2] };
    for (const name of ['count', 'sum', 'avg', 'min', 'max', 'stddev', 'var_pop', 'collect_list', 'percentile_approx'].filter((n) => n !== 'percentile_approx')) {
      for (const cut of [1, 4, 7]) {
        const a = onePass(name, d);
        const b = splitPass(name, d, cut);
        if (name === 'stddev' || name === 'var_pop' || name === 'avg') {
          a.forEach((v, i) => expect(b[i] as number).toBeCloseTo(v as number, 12));
        } else if (name === 'collect_list') {
          expect((b as number[][]).map((l) => [...l].sort())).toEqual((a as number[][]).map((l) => [...l].sort()));
        } else expect(b).toEqual(a);
      }
    }
    const dec: Input = { types: [decimal(5, 2)], cols: [[100n, null, 201n, 5n]], groups: [0, 1, 0, 1] };
    expect(splitPass('avg', dec, 2)).toEqual(onePass('avg', dec));
    expect(splitPass('sum', ints, 3)).toEqual(onePass('sum', ints));
  });
});

describe('long sum fast path', () => {
  it('stays exact when many values near 2^52 accumulate', () => {
    const vals = Array.from({ length: 20 }, (_, i) => (i % 2 ? -1n : 1n) * (2n ** 51n + BigInt(i)) + 2n ** 51n);
    const expected = vals.reduce((a, b) => a + b, 0n);
    expect(onePass('sum', { types: [LONG], cols: [vals], groups: vals.map(() => 0) })).toEqual([expected]);
  });
});
