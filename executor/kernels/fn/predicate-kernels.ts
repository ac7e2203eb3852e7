/** Boolean tests and membership: not, is_null, is_not_null, is_true/false (and negations), in. */
import type * as arrow from 'apache-arrow';
import type { ScalarValue } from '../../../planner/expr/scalar-value.js';
import type { ColumnarValue, EvalContext, ScalarKernel } from '../../functions/kernel.js';
import { compareValues } from '../compare-scalar-values.js';
import { alignedValidity, bitmapBytes, getBit } from '../make-data-bitmap.js';
import { alignedBools, makeBoolData } from '../make-data.js';
import { asData, evalScalarOnce, getter } from './columnar.js';

function boolColumn(v: ColumnarValue, n: number): { bits: Uint8Array; valid: Uint8Array | null } {
  const d = asData(v, n);
  return { bits: alignedBools(d), valid: alignedValidity(d) };
}

const not: ScalarKernel = (args, rt, ctx) =>
  evalScalarOnce(args, rt, ctx, (a, c) => {
    const n = c.rowCount;
    const { bits, valid } = boolColumn(a[0]!, n);
    const out = new Uint8Array(bitmapBytes(n));
    for (let i = 0; i < out.length; i++) out[i] = ~(bits[i] ?? 0);
    return makeBoolData(out, valid ? valid.slice() : null, n);
  });

function nullTest(wantNull: boolean): ScalarKernel {
  return (args, rt, ctx) => {
    const a = args[0]!;
    if (a.kind === 'scalar') return { kind: 'scalar', value: (a.value === null) === wantNull, type: rt };
    const n = ctx.rowCount;
    const valid = alignedValidity(a.data);
    const out = new Uint8Array(bitmapBytes(n));
    for (let i = 0; i < n; i++) if ((valid !== null && !getBit(valid, i)) === wantNull) out[i >> 3]! |= 1 << (i & 7);
    return { kind: 'array', data: makeBoolData(out, null, n) };
  };
}

/** IS [NOT] TRUE/FALSE: never NULL; a NULL input counts as neither true nor false. */
function truthTest(target: boolean, negate: boolean): ScalarKernel {
  return (args, rt, ctx) =>
    evalScalarOnce(args, rt, ctx, (a, c) => {
      const n = c.rowCount;
      const { bits, valid } = boolColumn(a[0]!, n);
      const out = new Uint8Array(bitmapBytes(n));
      for (let i = 0; i < n; i++) {
        const is = (valid === null || getBit(valid, i)) && getBit(bits, i) === target;
        if (is !== negate) out[i >> 3]! |= 1 << (i & 7);
      }
      return makeBoolData(out, null, n);
    });
}

/** Hashable form of a value for a Set probe (bigint/number/string/boolean keep their identity). */
function setKey(v: ScalarValue): ScalarValue | undefined {
  return typeof v === 'object' ? undefined : v;
}

/** value IN (list...): TRUE on a match, else NULL if the value or any list item is NULL, else FALSE. */
const inKernel: ScalarKernel = (args, rt, ctx: EvalContext) =>
  evalScalarOnce(args, rt, ctx, (a, c): arrow.Data => {
    const n = c.rowCount;
    const probe = getter(asData(a[0]!, n));
    const list = a.slice(1);
    const constant = list.every((x) => x.kind === 'scalar');
    let set: Set<ScalarValue> | null = null;
    let listHasNull = false;
    if (constant) {
      const vals = list.map((x) => (x.kind === 'scalar' ? x.value : null));
      listHasNull = vals.some((v) => v === null);
      const keys = vals.filter((v) => v !== null).map(setKey);
      if (keys.every((k) => k !== undefined)) set = new Set(keys as ScalarValue[]);
    }
    const items = set ? [] : list.map((x) => getter(asData(x, n)));
    const out = new Uint8Array(bitmapBytes(n));
    const valid = new Uint8Array(bitmapBytes(n));
    for (let i = 0; i < n; i++) {
      const v = probe(i);
      if (v === null) continue;
      let found = false;
      let sawNull = listHasNull;
      if (set) found = set.has(typeof v === 'number' && Object.is(v, -0) ? 0 : v);
      else
        for (const g of items) {
          const w = g(i);
          if (w === null) sawNull = true;
          else if (compareValues(v, w) === 0) {
            found = true;
            break;
          }
        }
      if (found) {
        out[i >> 3]! |= 1 << (i & 7);
        valid[i >> 3]! |= 1 << (i & 7);
      } else if (!sawNull) valid[i >> 3]! |= 1 << (i & 7);
    }
    return makeBoolData(out, valid, n);
  });

export const PREDICATE_KERNELS: Readonly<Record<string, ScalarKernel>> = {
  not,
  is_null: nullTest(true),
  is_not_null: nullTest(false),
  is_true: truthTest(true, false),
  is_false: truthTest(false, false),
  is_not_true: truthTest(true, true),
  is_not_false: truthTest(false, true),
  in: inKernel,
};
