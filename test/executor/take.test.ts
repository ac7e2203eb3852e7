import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dataFromScalars, scalarAt } from '../../executor/kernels/scalar-data.js';
import { take } from '../../executor/kernels/take.js';
import { decimal, type DataType } from '../../src/common/types/data-type.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import { T } from './helpers.js';

function check(type: DataType, values: ScalarValue[], idx: number[]): void {
  const d = dataFromScalars(type, values);
  const out = take(d, Int32Array.from(idx));
  const got = idx.map((_, k) => scalarAt(out, type, k));
  const want = idx.map((i) => (i < 0 ? null : values[i]!));
  expect(got).toEqual(want);
}

describe('take', () => {
  it('gathers runs, repeats and NULL slots for fixed-width and string columns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -1000, max: 1000 })), { minLength: 1, maxLength: 80 }),
        fc.array(fc.oneof(fc.integer({ min: -1, max: 79 }), fc.constant(-2)), { maxLength: 60 }),
        fc.nat(40),
        (vals, picks, runStart) => {
          const n = vals.length;
          // a long run of consecutive indexes plus random picks (-1: NULL)
          const idx = [...Array.from({ length: Math.min(30, n) }, (_, j) => (runStart + j) % n), ...picks.map((p) => (p < 0 ? -1 : p % n))];
          check(T.int, vals, idx);
          check(T.long, vals.map((v) => (v === null ? null : BigInt(v) * 3_000_000_000n)), idx);
          check(decimal(30, 2), vals.map((v) => (v === null ? null : BigInt(v) * 10n ** 20n)), idx);
          check(T.string, vals.map((v) => (v === null ? null : `s${v}é`)), idx);
          check(T.double, vals.map((v) => (v === null ? null : v / 7)), idx);
        },
      ),
      { numRuns: 60 },
    );
  });
});
