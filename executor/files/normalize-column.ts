/**
 * Bring a column decoded from a file to the planned Arrow layout: dictionary-decoded, timestamps
 * rescaled to microseconds; other differences go through the cast table.
 */
import * as arrow from 'apache-arrow';
import { fromArrowType, toArrowType } from '../../src/common/types/arrow-type.js';
import { sameType, type DataType } from '../../src/common/types/data-type.js';
import type { EvalContext } from '../functions/kernel.js';
import type { FunctionLookup } from '../expr/function-lookup.js';
import { toArray } from '../expr/eval-batch.js';
import { makeArrayData } from '../kernels/array-data.js';
import { decodeDictionary } from '../kernels/take.js';

export function normalizeColumn(data: arrow.Data, type: DataType, functions: FunctionLookup, ctx: EvalContext): arrow.Data {
  let d = data.typeId === arrow.Type.Dictionary ? decodeDictionary(data) : data;
  if (d.typeId === arrow.Type.Timestamp) {
    const unit = (d.type as arrow.Timestamp).unit;
    if (unit !== arrow.TimeUnit.MICROSECOND) {
      const src = d.values as unknown as BigInt64Array;
      const out = new BigInt64Array(d.length);
      for (let i = 0; i < d.length; i++) {
        const v = src[i]!;
        out[i] = unit === arrow.TimeUnit.SECOND ? v * 1000000n : unit === arrow.TimeUnit.MILLISECOND ? v * 1000n : v / 1000n;
      }
      const validity = d.nullCount > 0 ? sliceValidity(d) : null;
      d = makeArrayData(new arrow.TimestampMicrosecond((d.type as arrow.Timestamp).timezone), d.length, validity, d.nullCount, out);
    }
  }
  const from = fromArrowType(d.type);
  // the table schema decides timestamp vs timestamp_ntz: the stored µs values are the same
  if ((from.kind === 'timestamp' || from.kind === 'timestamp_ntz') && (type.kind === 'timestamp' || type.kind === 'timestamp_ntz')) return d;
  if (sameType(from, type) && sameLayout(d.type, toArrowType(type))) return d;
  if (!sameType(from, type)) return toArray(functions.cast({ kind: 'array', data: d }, from, type, 'legacy', { ...ctx, rowCount: d.length }), d.length);
  return d;
}

function sameLayout(a: arrow.DataType, b: arrow.DataType): boolean {
  return a.typeId === b.typeId;
}

function sliceValidity(d: arrow.Data): Uint8Array {
  const out = new Uint8Array(((d.length + 63) >> 6) << 3);
  const bm = d.nullBitmap!;
  for (let i = 0; i < d.length; i++) {
    const j = d.offset + i;
    if ((bm[j >> 3]! >> (j & 7)) & 1) out[i >> 3]! |= 1 << (i & 7);
  }
  return out;
}
