/**
 * castColumnar: the executor's CAST entry point. Numeric ↔ numeric casts run as typed-array
 * loops; nested casts recurse into child columns; the remaining paths (parsing, formatting,
 * datetime) go value by value through castValue.
 */
import type * as arrow from 'apache-arrow';
import { sameType, type DataType } from '../../src/common/types/data-type.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import type { ColumnarValue, EvalContext } from '../functions/kernel.js';
import { castNumericColumn } from './cast-numeric.js';
import { castStringToIntegralFast, castToStringFast } from './cast-string-fast.js';
import { castValue, type CastMode } from './cast-value.js';
import { arrayOfData, getter } from './fn/columnar.js';
import { alignedValidity } from './make-data-bitmap.js';
import { makeListData, makeStructData } from './make-data.js';
import { arrayFromValues } from './make-data-values.js';

export type { CastMode } from './cast-value.js';

/** Cast every row of a column. */
export function castData(data: arrow.Data, from: DataType, to: DataType, mode: CastMode, ctx: EvalContext): arrow.Data {
  if (sameType(from, to)) return data;
  const fast =
    castNumericColumn(data, from, to, mode) ??
    (to.kind === 'string' ? castToStringFast(data, from) : undefined) ??
    (from.kind === 'string' ? castStringToIntegralFast(data, to, mode, ctx.timeZone) : undefined);
  if (fast) return fast;
  if (from.kind === 'array' && to.kind === 'array') {
    const offsets = data.valueOffsets as Int32Array;
    const child = data.children[0]!;
    const start = offsets[0]!;
    const end = offsets[data.length]!;
    const part = child.slice(start, end - start);
    const cast = castData(part, from.element, to.element, mode, { ...ctx, rowCount: part.length });
    const rebased = start === 0 ? offsets : offsets.map((o) => o - start);
    return makeListData(to, rebased, cast, alignedValidity(data), data.length);
  }
  if (from.kind === 'struct' && to.kind === 'struct' && from.fields.length === to.fields.length) {
    const children = to.fields.map((f, i) => castData(data.children[i]!, from.fields[i]!.type, f.type, mode, ctx));
    const valid = alignedValidity(data);
    return makeStructData(to, children, valid ? valid.slice() : null, data.length);
  }
  const get = getter(data);
  const n = data.length;
  const out = new Array<ScalarValue>(n);
  for (let i = 0; i < n; i++) {
    const v = get(i);
    out[i] = v === null ? null : castValue(v, from, to, mode, ctx.timeZone);
  }
  return arrayFromValues(to, out);
}

/** CAST a column or scalar from `from` to `to` in the given mode. */
export function castColumnar(value: ColumnarValue, from: DataType, to: DataType, mode: CastMode, ctx: EvalContext): ColumnarValue {
  if (value.kind === 'scalar') return { kind: 'scalar', value: castValue(value.value, from, to, mode, ctx.timeZone), type: to };
  return arrayOfData(castData(value.data, from, to, mode, ctx));
}
