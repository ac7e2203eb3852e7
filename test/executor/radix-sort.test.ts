import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dataFromScalars } from '../../executor/kernels/scalar-data.js';
import { radixSortIndices } from '../../executor/kernels/radix-sort.js';
import { rowComparator } from '../../executor/kernels/sort-indices.js';
import { T } from './helpers.js';

function comparatorOrder(keys: ReturnType<typeof dataFromScalars>[], specs: { ascending: boolean; nullsFirst: boolean }[], n: number): number[] {
  const cmp = rowComparator(keys, specs);
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => cmp(a, b) || a - b);
}

describe('radix sort', () => {
  it('matches the comparator sort on ints, strings (shared prefixes, UTF-8), doubles (NaN, -0.0) and longs with NULLs', () => {
    const dbl = fc.oneof(fc.constantFrom(NaN, -0, 0, Infinity, -Infinity, null), fc.double({ noNaN: false }));
    const lng = fc.oneof(fc.constant(null), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.bigInt({ min: -3n, max: 3n }));
    const int = fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 3 }), fc.integer());
    const str = fc.oneof(fc.constant(null), fc.constantFrom('', 'a', 'a\u0000', 'abcdefgh', 'abcdefghi', 'abcdefgh\u0001', 'é', 'z', '😀x'), fc.string());
    const spec = fc.record({ ascending: fc.boolean(), nullsFirst: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.tuple(dbl, lng, int, str), { maxLength: 200 }), spec, spec, spec, spec, (rows, s1, s2, s3, s4) => {
        const keys = [
          dataFromScalars(T.int, rows.map((r) => r[2])),
          dataFromScalars(T.string, rows.map((r) => r[3])),
          dataFromScalars(T.double, rows.map((r) => r[0])),
          dataFromScalars(T.long, rows.map((r) => r[1])),
        ];
        const specs = [s3, s4, s1, s2];
        const radix = radixSortIndices(keys, specs, rows.length, rowComparator(keys, specs));
        expect(radix).toBeDefined();
        expect(Array.from(radix!)).toEqual(comparatorOrder(keys, specs, rows.length));
      }),
      { numRuns: 60 },
    );
  });
});
