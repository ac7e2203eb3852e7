import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrayOf, decimal, field, mapOf, struct, INT, LONG, STRING, BOOLEAN, DATE, TIMESTAMP, DOUBLE, BINARY } from '../../src/common/types/data-type.js';
import { arrayFromValues, broadcastScalar, nullColumn } from '../../executor/kernels/make-data-values.js';
import { readValue, readValues } from '../../executor/kernels/make-data-read.js';
import { alignedValidity, andValidity, countNulls, packBits } from '../../executor/kernels/make-data-bitmap.js';
import { makeFixedData } from '../../executor/kernels/make-data.js';
import { StringColumnBuilder } from '../../executor/kernels/make-data-string-builder.js';

describe('make-data', () => {
  it('round-trips every primitive type through Arrow with NULLs', () => {
    const cases = [
      [INT, [1, null, -3]],
      [LONG, [1n, null, -(2n ** 63n)]],
      [DOUBLE, [1.5, null, Number.NaN]],
      [BOOLEAN, [true, null, false]],
      [STRING, ['a', null, 'héllo']],
      [BINARY, [new Uint8Array([1, 2]), null, new Uint8Array([])]],
      [DATE, [0, null, -1]],
      [TIMESTAMP, [1_700_000_000_000_000n, null, -1n]],
      [decimal(38, 2), [12345n, null, -(10n ** 37n)]],
    ] as const;
    for (const [type, values] of cases) {
      const data = arrayFromValues(type, values);
      expect(data.length).toBe(3);
      expect(data.nullCount).toBe(1);
      expect(readValues(data)).toEqual(values);
    }
  });

  it('agrees with Arrow JS getters (vector view)', () => {
    const data = arrayFromValues(STRING, ['x', null, 'yz']);
    const vec = arrow.makeVector(data);
    expect(vec.get(0)).toBe('x');
    expect(vec.get(1)).toBe(null);
    expect(vec.get(2)).toBe('yz');
    const dec = arrow.makeVector(arrayFromValues(decimal(10, 0), [-5n]));
    expect(dec.get(0)?.toString()).toBe('-5');
  });

  it('builds nested types', () => {
    const at = arrayOf(INT);
    expect(readValues(arrayFromValues(at, [[1, null], null, []]))).toEqual([[1, null], null, []]);
    const st = struct([field('a', INT), field('b', STRING)]);
    expect(readValues(arrayFromValues(st, [[1, 'x'], null]))).toEqual([[1, 'x'], null]);
    const mt = mapOf(STRING, INT);
    const m = { keys: ['k'], values: [7] };
    expect(readValues(arrayFromValues(mt, [m, null]))).toEqual([m, null]);
  });

  it('honours data.offset on slices', () => {
    const data = arrayFromValues(INT, [1, null, 3, 4, null, 6, 7, 8, 9, null]).slice(3, 5);
    expect(readValues(data)).toEqual([4, null, 6, 7, 8]);
    const v = alignedValidity(data)!;
    expect(countNulls(v, 5)).toBe(1);
    const b = arrayFromValues(BOOLEAN, [true, false, true, true, false, true, false, false, true]).slice(5, 4);
    expect(readValues(b)).toEqual([true, false, false, true]);
  });

  it('broadcasts scalars and null columns', () => {
    expect(readValues(broadcastScalar(5n, LONG, 3))).toEqual([5n, 5n, 5n]);
    expect(readValues(broadcastScalar('ab', STRING, 2))).toEqual(['ab', 'ab']);
    expect(readValues(broadcastScalar(true, BOOLEAN, 9))).toEqual(new Array(9).fill(true));
    expect(readValues(broadcastScalar([1, 2], arrayOf(INT), 2))).toEqual([[1, 2], [1, 2]]);
    expect(readValues(nullColumn(INT, 2))).toEqual([null, null]);
    expect(readValue(broadcastScalar(null, STRING, 1), 0)).toBe(null);
  });

  it('combines validity bitmaps', () => {
    const a = packBits([1, 1, 0, 1]);
    const b = packBits([1, 0, 1, 1]);
    const c = andValidity(4, a, null, b)!;
    expect(countNulls(c, 4)).toBe(2);
    expect(andValidity(4, null, null)).toBe(null);
    expect(readValues(makeFixedData(INT, new Int32Array([1, 2, 3, 4]), c))).toEqual([1, null, null, 4]);
  });

  it('string builder appends bytes, strings and NULLs', () => {
    const sb = new StringColumnBuilder(3, STRING, 1);
    sb.appendString('héllo wörld');
    sb.appendNull();
    sb.appendBytes(new TextEncoder().encode('xyz'), 1);
    expect(readValues(sb.finish())).toEqual(['héllo wörld', null, 'yz']);
  });
});
