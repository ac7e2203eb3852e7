import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { bitsPerColumn, zOrderPermutation } from '../../src/delta/ops/zorder.js';

const data = (v: arrow.Vector): arrow.Data[] => [...v.data];

describe('zOrderPermutation', () => {
  it('orders one column by value with nulls first, across chunks (strings by bytes)', () => {
    const a = arrow.vectorFromArray(['b', null, 'é'], new arrow.Utf8());
    const b = arrow.vectorFromArray(['a', 'c', null], new arrow.Utf8());
    const { order, locator } = zOrderPermutation([[...data(a), ...data(b)]], ['s']);
    const values = [...order].map((g) => [['b', null, 'é'], ['a', 'c', null]][locator.chunk[g] ?? 0]?.[locator.local[g] ?? 0]);
    expect(values.slice(0, 2)).toEqual([null, null]);
    expect(values.slice(2)).toEqual(['a', 'b', 'c', 'é']);
  });

  it('interleaves two columns: the four quadrants come one after another', () => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let x = 0; x < 8; x++) for (let y = 0; y < 8; y++) {
      xs.push(x);
      ys.push(y);
    }
    const { order } = zOrderPermutation([data(arrow.vectorFromArray(Float64Array.from(xs))), data(arrow.vectorFromArray(Int32Array.from(ys)))], ['x', 'y']);
    const quadrant = (g: number): number => ((xs[g] ?? 0) >= 4 ? 2 : 0) + ((ys[g] ?? 0) >= 4 ? 1 : 0);
    const quads = [...order].map(quadrant);
    for (let q = 0; q < 4; q++) expect(new Set(quads.slice(q * 16, q * 16 + 16))).toEqual(new Set([quads[q * 16]]));
    expect(new Set(quads).size).toBe(4);
  });

  it('gives 21 bits per column up to 3 columns, fewer beyond', () => {
    expect([1, 2, 3, 4, 9].map(bitsPerColumn)).toEqual([21, 21, 21, 15, 7]);
  });
});

describe('columnRanks', () => {
  it('ranks numbers (negatives, zeros, NaN last, int64) with nulls first and ties shared', async () => {
    const { columnRanks, locateRows } = await import('../../src/delta/ops/column-ranks.js');
    const v = arrow.vectorFromArray([3.5, null, -2, Number.NaN, -0, 0, -1e300, 3.5], new arrow.Float64());
    expect([...columnRanks([...v.data], locateRows([8]), 'd')]).toEqual([5, 0, 2, 7, 3, 3, 1, 5]);
    const big = arrow.vectorFromArray([2n ** 40n, -5n, null, 7n], new arrow.Int64());
    expect([...columnRanks([...big.data], locateRows([4]), 'l')]).toEqual([3, 1, 0, 2]);
  });
});
