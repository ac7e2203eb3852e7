/**
 * Comparison kernels (eq ne lt le gt ge eq_null_safe) on two columns of one type, producing a
 * bit-packed boolean column. Strings/binaries compare as unsigned bytes without decoding;
 * doubles follow Spark (NaN = NaN and is largest, -0.0 = 0.0); nested types use compareValues.
 */
import * as arrow from 'apache-arrow';
import type { ColumnarValue, EvalContext, ScalarKernel } from '../functions/kernel.js';
import { compareBytes, compareDoubles, compareValues } from './compare-scalar-values.js';
import { asData, combinedValidity, evalScalarOnce, getter } from './fn/columnar.js';
import { alignedValidity, bitmapBytes, getBit } from './make-data-bitmap.js';
import { alignedBools, decimalAt, makeBoolData } from './make-data.js';

export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'eq_null_safe';

/** A row comparator for two columns of the same Arrow type: returns <0, 0, >0. */
export function rowComparator(a: arrow.Data, b: arrow.Data): (i: number) => number {
  switch (a.typeId) {
    case arrow.Type.Int:
    case arrow.Type.Date:
    case arrow.Type.Timestamp:
    case arrow.Type.Interval:
    case arrow.Type.Duration: {
      const av = a.values as ArrayLike<number | bigint>;
      const bv = b.values as ArrayLike<number | bigint>;
      return (i) => {
        const x = av[i]!;
        const y = bv[i]!;
        return x < y ? -1 : x > y ? 1 : 0;
      };
    }
    case arrow.Type.Float: {
      const av = a.values as Float64Array;
      const bv = b.values as Float64Array;
      return (i) => compareDoubles(av[i]!, bv[i]!);
    }
    case arrow.Type.Decimal: {
      const aw = a.values as Uint32Array;
      const bw = b.values as Uint32Array;
      return (i) => {
        const x = decimalAt(aw, i);
        const y = decimalAt(bw, i);
        return x < y ? -1 : x > y ? 1 : 0;
      };
    }
    case arrow.Type.Bool: {
      const ab = alignedBools(a);
      const bb = alignedBools(b);
      return (i) => Number(getBit(ab, i)) - Number(getBit(bb, i));
    }
    case arrow.Type.Utf8:
    case arrow.Type.Binary: {
      const ao = a.valueOffsets as Int32Array;
      const bo = b.valueOffsets as Int32Array;
      const ab = a.values as Uint8Array;
      const bb = b.values as Uint8Array;
      return (i) => compareBytes(ab, ao[i]!, ao[i + 1]!, bb, bo[i]!, bo[i + 1]!);
    }
    default: {
      const ga = getter(a);
      const gb = getter(b);
      return (i) => compareValues(ga(i), gb(i));
    }
  }
}

function test(op: CompareOp): (c: number) => boolean {
  switch (op) {
    case 'eq':
    case 'eq_null_safe':
      return (c) => c === 0;
    case 'ne':
      return (c) => c !== 0;
    case 'lt':
      return (c) => c < 0;
    case 'le':
      return (c) => c <= 0;
    case 'gt':
      return (c) => c > 0;
    case 'ge':
      return (c) => c >= 0;
  }
}

/** Compare two columns of the same type row by row. */
export function compareColumns(op: CompareOp, a: arrow.Data, b: arrow.Data, n: number): arrow.Data {
  const cmp = rowComparator(a, b);
  const t = test(op);
  const bits = new Uint8Array(bitmapBytes(n));
  if (op === 'eq_null_safe') {
    const va = alignedValidity(a);
    const vb = alignedValidity(b);
    for (let i = 0; i < n; i++) {
      const na = va !== null && !getBit(va, i);
      const nb = vb !== null && !getBit(vb, i);
      const eq = na || nb ? na && nb : cmp(i) === 0;
      if (eq) bits[i >> 3]! |= 1 << (i & 7);
    }
    return makeBoolData(bits, null, n);
  }
  const valid = combinedValidity([a, b], n);
  for (let i = 0; i < n; i++) {
    if (valid && !getBit(valid, i)) continue;
    if (t(cmp(i))) bits[i >> 3]! |= 1 << (i & 7);
  }
  return makeBoolData(bits, valid, n);
}

function kernel(op: CompareOp): ScalarKernel {
  return (args: readonly ColumnarValue[], resultType, ctx: EvalContext) =>
    evalScalarOnce(args, resultType, ctx, (xs, c) => compareColumns(op, asData(xs[0]!, c.rowCount), asData(xs[1]!, c.rowCount), c.rowCount));
}

export const COMPARISON_KERNELS: Readonly<Record<CompareOp, ScalarKernel>> = {
  eq: kernel('eq'),
  ne: kernel('ne'),
  lt: kernel('lt'),
  le: kernel('le'),
  gt: kernel('gt'),
  ge: kernel('ge'),
  eq_null_safe: kernel('eq_null_safe'),
};
