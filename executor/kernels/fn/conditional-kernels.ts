/**
 * Eager kernels for conditional functions called directly (the binder normally rewrites the
 * lazy ones into case/coalesce nodes): coalesce, nullif, nvl2, if, greatest, least.
 * greatest/least skip NULLs and order by Spark's total order (NaN largest).
 */
import type { ScalarValue } from '../../../planner/expr/scalar-value.js';
import type { ScalarKernel } from '../../functions/kernel.js';
import { compareValues } from '../compare-scalar-values.js';
import { rowwise } from './columnar.js';

const lenient = { nullIntolerant: false } as const;

function extreme(sign: 1 | -1): ScalarKernel {
  return rowwise((v) => {
    let best: ScalarValue = null;
    for (const x of v) if (x !== null && (best === null || compareValues(x, best) * sign > 0)) best = x;
    return best;
  }, lenient);
}

export const CONDITIONAL_KERNELS: Readonly<Record<string, ScalarKernel>> = {
  coalesce: rowwise((v) => v.find((x) => x !== null) ?? null, lenient),
  nullif: rowwise((v) => (v[0] !== null && v[1] !== null && compareValues(v[0]!, v[1]!) === 0 ? null : v[0]!), lenient),
  nvl2: rowwise((v) => (v[0] !== null ? v[1]! : v[2]!), lenient),
  if: rowwise((v) => (v[0] === true ? v[1]! : v[2]!), lenient),
  greatest: extreme(1),
  least: extreme(-1),
};
