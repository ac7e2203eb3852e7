/**
 * Row comparators over typed arrays, for sort, top-N, window peers and key equality.
 * Spark's order: strings and binary by unsigned bytes, doubles with -0.0 = 0.0 and NaN greatest,
 * decimals as 128-bit signed integers, structs field by field, arrays element-wise then by length.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../src/common/errors.js';
import { isValidAt } from './array-data.js';
import { decodeDictionary } from './take.js';

/** Compares row i of `a` with row j of `b` (NULLs are handled by the caller or by `nullsFirst`). */
export type RowComparator = (i: number, j: number) => number;

/** Full comparator including NULL placement and direction. */
export function makeKeyComparator(a: arrow.Data, b: arrow.Data, ascending: boolean, nullsFirst: boolean): RowComparator {
  const cmp = makeValueComparator(plain(a), plain(b));
  const aNulls = a.nullCount > 0;
  const bNulls = b.nullCount > 0;
  const nullCmp = nullsFirst ? -1 : 1;
  const dir = ascending ? 1 : -1;
  if (!aNulls && !bNulls) return ascending ? cmp : (i, j) => -cmp(i, j);
  return (i, j) => {
    const va = !aNulls || isValidAt(a, i);
    const vb = !bNulls || isValidAt(b, j);
    if (!va || !vb) return va === vb ? 0 : va ? -nullCmp : nullCmp;
    return dir * cmp(i, j);
  };
}

/** Equality of rows with NULL equal to NULL (grouping, set operations) and NaN equal to NaN. */
export function makeRowEquals(a: readonly arrow.Data[], b: readonly arrow.Data[]): (i: number, j: number) => boolean {
  const cmps = a.map((d, k) => makeKeyComparator(d, b[k]!, true, true));
  if (cmps.length === 1) {
    const c = cmps[0]!;
    return (i, j) => c(i, j) === 0;
  }
  return (i, j) => {
    for (let k = 0; k < cmps.length; k++) if (cmps[k]!(i, j) !== 0) return false;
    return true;
  };
}

function plain(d: arrow.Data): arrow.Data {
  return d.typeId === arrow.Type.Dictionary ? decodeDictionary(d) : d;
}

function compareDoubles(x: number, y: number): number {
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  const xn = x !== x;
  const yn = y !== y;
  return xn === yn ? 0 : xn ? 1 : -1;
}

/** Comparator on values only (both rows assumed valid). */
export function makeValueComparator(a: arrow.Data, b: arrow.Data): RowComparator {
  switch (a.typeId) {
    case arrow.Type.Null:
      return () => 0;
    case arrow.Type.Bool: {
      const av = a.values as Uint8Array;
      const bv = b.values as Uint8Array;
      const ao = a.offset;
      const bo = b.offset;
      return (i, j) => ((av[(ao + i) >> 3]! >> ((ao + i) & 7)) & 1) - ((bv[(bo + j) >> 3]! >> ((bo + j) & 7)) & 1);
    }
    case arrow.Type.Float: {
      const av = a.values as Float64Array;
      const bv = b.values as Float64Array;
      return (i, j) => compareDoubles(av[i]!, bv[j]!);
    }
    case arrow.Type.Int:
    case arrow.Type.Date:
    case arrow.Type.Timestamp:
    case arrow.Type.Time:
    case arrow.Type.Duration: {
      if (a.values instanceof BigInt64Array && b.values instanceof BigInt64Array) return int64Comparator(a.values, b.values);
      const av = a.values as unknown as { [k: number]: number | bigint };
      const bv = b.values as unknown as { [k: number]: number | bigint };
      return (i, j) => {
        const x = av[i]!;
        const y = bv[j]!;
        return x < y ? -1 : x > y ? 1 : 0;
      };
    }
    case arrow.Type.Interval: {
      const av = a.values as Int32Array;
      const bv = b.values as Int32Array;
      return (i, j) => av[i]! - bv[j]!;
    }
    case arrow.Type.Decimal: {
      const av = a.values as Uint32Array;
      const bv = b.values as Uint32Array;
      return (i, j) => {
        const hx = av[i * 4 + 3]! | 0;
        const hy = bv[j * 4 + 3]! | 0;
        if (hx !== hy) return hx < hy ? -1 : 1;
        for (let w = 2; w >= 0; w--) {
          const x = av[i * 4 + w]!;
          const y = bv[j * 4 + w]!;
          if (x !== y) return x < y ? -1 : 1;
        }
        return 0;
      };
    }
    case arrow.Type.Utf8:
    case arrow.Type.Binary:
    case arrow.Type.FixedSizeBinary: {
      const ab = a.values as Uint8Array;
      const bb = b.values as Uint8Array;
      const ao = offsetsOf(a);
      const bo = offsetsOf(b);
      return (i, j) => {
        let x = ao(i);
        const xe = ao(i + 1);
        let y = bo(j);
        const ye = bo(j + 1);
        while (x < xe && y < ye) {
          const d = ab[x]! - bb[y]!;
          if (d !== 0) return d;
          x++;
          y++;
        }
        return xe - x - (ye - y);
      };
    }
    case arrow.Type.Struct: {
      const fields = a.children.map((c, k) => makeKeyComparator(c, b.children[k]!, true, true));
      return (i, j) => {
        for (let k = 0; k < fields.length; k++) {
          const r = fields[k]!(i, j);
          if (r !== 0) return r;
        }
        return 0;
      };
    }
    case arrow.Type.List: {
      const ao = a.valueOffsets as Int32Array;
      const bo = b.valueOffsets as Int32Array;
      const elem = makeKeyComparator(a.children[0]!, b.children[0]!, true, true);
      return (i, j) => {
        const xs = ao[i]!;
        const xl = ao[i + 1]! - xs;
        const ys = bo[j]!;
        const yl = bo[j + 1]! - ys;
        const m = Math.min(xl, yl);
        for (let k = 0; k < m; k++) {
          const r = elem(xs + k, ys + k);
          if (r !== 0) return r;
        }
        return xl - yl;
      };
    }
    default:
      throw new DeltaSqlError('UNSUPPORTED', `ordering or comparing values of type ${String(a.type)} is not supported`);
  }
}

function offsetsOf(d: arrow.Data): (i: number) => number {
  if (d.typeId === arrow.Type.FixedSizeBinary) {
    const w = (d.type as arrow.FixedSizeBinary).byteWidth;
    return (i) => i * w;
  }
  const o = d.valueOffsets as Int32Array;
  return (i) => o[i]!;
}

/** 64-bit integers compared as (signed high word, unsigned low word) without materialising BigInts. */
function int64Comparator(a: BigInt64Array, b: BigInt64Array): RowComparator {
  const aw = new Int32Array(a.buffer, a.byteOffset, a.length * 2);
  const bw = new Int32Array(b.buffer, b.byteOffset, b.length * 2);
  return (i, j) => {
    const hx = aw[2 * i + 1]!;
    const hy = bw[2 * j + 1]!;
    if (hx !== hy) return hx < hy ? -1 : 1;
    const lx = aw[2 * i]! >>> 0;
    const ly = bw[2 * j]! >>> 0;
    return lx < ly ? -1 : lx > ly ? 1 : 0;
  };
}
