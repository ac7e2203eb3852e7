/**
 * Read one row of an Arrow column as a ScalarValue. For tests, constant folding and
 * per-group finishing only: kernels read typed arrays directly.
 */
import * as arrow from 'apache-arrow';
import { unsupported } from '../../src/common/errors.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import { decimalAt } from './make-data.js';

const decoder = new TextDecoder();

/** True when row i is NULL (honours `data.offset`). */
export function isNullAt(data: arrow.Data, i: number): boolean {
  if (data.typeId === arrow.Type.Null) return true;
  const bm = data.nullBitmap;
  if (!bm || bm.length === 0 || data.nullCount === 0) return false;
  const j = data.offset + i;
  return ((bm[j >> 3]! >> (j & 7)) & 1) === 0;
}

/** Row i of `data` in ScalarValue form (see planner/expr/scalar-value.ts). */
export function readValue(data: arrow.Data, i: number): ScalarValue {
  if (isNullAt(data, i)) return null;
  const t = data.type;
  switch (t.typeId) {
    case arrow.Type.Bool: {
      const j = data.offset + i;
      return (((data.values as Uint8Array)[j >> 3]! >> (j & 7)) & 1) === 1;
    }
    case arrow.Type.Int: {
      const v = (data.values as ArrayLike<number | bigint>)[i]!;
      return (t as arrow.Int).bitWidth === 64 ? BigInt(v) : Number(v);
    }
    case arrow.Type.Float:
      return Number((data.values as ArrayLike<number>)[i]!);
    case arrow.Type.Decimal:
      return decimalAt(data.values as Uint32Array, i);
    case arrow.Type.Date: {
      const v = (data.values as ArrayLike<number | bigint>)[i]!;
      return (t as arrow.Date_).unit === arrow.DateUnit.DAY ? Number(v) : Math.floor(Number(v) / 86_400_000);
    }
    case arrow.Type.Timestamp: {
      const v = BigInt((data.values as ArrayLike<number | bigint>)[i]!);
      const unit = (t as arrow.Timestamp).unit;
      if (unit === arrow.TimeUnit.MICROSECOND) return v;
      if (unit === arrow.TimeUnit.MILLISECOND) return v * 1000n;
      if (unit === arrow.TimeUnit.SECOND) return v * 1_000_000n;
      return v >= 0n ? v / 1000n : -((-v + 999n) / 1000n);
    }
    case arrow.Type.Interval:
      return Number((data.values as Int32Array)[i]!);
    case arrow.Type.Duration:
      return BigInt((data.values as BigInt64Array)[i]!);
    case arrow.Type.Utf8:
    case arrow.Type.Binary: {
      const off = data.valueOffsets as Int32Array;
      const bytes = (data.values as Uint8Array).subarray(off[i]!, off[i + 1]!);
      return t.typeId === arrow.Type.Utf8 ? decoder.decode(bytes) : bytes.slice();
    }
    case arrow.Type.List: {
      const off = data.valueOffsets as Int32Array;
      const child = data.children[0]!;
      const out: ScalarValue[] = [];
      for (let k = off[i]!; k < off[i + 1]!; k++) out.push(readValue(child, k));
      return out;
    }
    case arrow.Type.Map: {
      const off = data.valueOffsets as Int32Array;
      const entries = data.children[0]!;
      const keys: ScalarValue[] = [];
      const values: ScalarValue[] = [];
      for (let k = off[i]!; k < off[i + 1]!; k++) {
        keys.push(readValue(entries.children[0]!, k));
        values.push(readValue(entries.children[1]!, k));
      }
      return { keys, values };
    }
    case arrow.Type.Struct:
      return data.children.map((c) => readValue(c, i));
    case arrow.Type.Dictionary: {
      const key = Number((data.values as ArrayLike<number | bigint>)[i]!);
      const dict = data.dictionary?.data[0];
      return dict ? readValue(dict, key) : null;
    }
    default:
      return unsupported(`reading Arrow type ${String(t)}`);
  }
}

/** Every row of `data` as ScalarValues. */
export function readValues(data: arrow.Data): ScalarValue[] {
  const out: ScalarValue[] = [];
  for (let i = 0; i < data.length; i++) out.push(readValue(data, i));
  return out;
}
