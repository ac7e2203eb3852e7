/**
 * The arithmetic operator kernels (add subtract multiply divide div mod pmod negate positive),
 * dispatching on the resolved operand types: numeric, decimal, or datetime/interval forms.
 */
import type * as arrow from 'apache-arrow';
import { invariant } from '../../src/common/errors.js';
import type { DataType } from '../../src/common/types/data-type.js';
import type { ColumnarValue, EvalContext, ScalarKernel } from '../functions/kernel.js';
import { datetimeArithmetic } from './arith-datetime.js';
import { decimalBinary, decimalNegate } from './arith-decimal.js';
import { numericBinary, numericNegate, type NumericOp } from './arith.js';
import { evalScalarOnce, valueType } from './fn/columnar.js';

function binary(op: NumericOp): ScalarKernel {
  return (args, resultType, ctx) => {
    invariant(args.length === 2, `${op} takes two arguments`);
    const at = valueType(args[0]!);
    const bt = valueType(args[1]!);
    return evalScalarOnce(args, resultType, ctx, (a, c): arrow.Data => {
      const l = a[0]!;
      const r = a[1]!;
      if (at.kind === 'decimal' && bt.kind === 'decimal') return decimalBinary(op, at, bt, resultType, l, r, c);
      const dt = datetimeArithmetic(op, at, bt, resultType, l, r, c);
      if (dt) return dt;
      // div's operands are long (the binder casts); every other op computes in the result type.
      return numericBinary(op, op === 'div' ? at : resultType, l, r, c);
    });
  };
}

const negate: ScalarKernel = (args, resultType: DataType, ctx: EvalContext): ColumnarValue =>
  evalScalarOnce(args, resultType, ctx, (a, c) => {
    const t = resultType;
    if (t.kind === 'decimal') return decimalNegate(t, a[0]!, c);
    if (t.kind === 'interval') return numericNegate(t.unit === 'day_time' ? { kind: 'long' } : { kind: 'int' }, a[0]!, c);
    return numericNegate(t, a[0]!, c);
  });

const positive: ScalarKernel = (args) => args[0]!;

export const ARITHMETIC_KERNELS: Readonly<Record<string, ScalarKernel>> = {
  add: binary('add'),
  subtract: binary('subtract'),
  multiply: binary('multiply'),
  divide: binary('divide'),
  div: binary('div'),
  mod: binary('mod'),
  pmod: binary('pmod'),
  negate,
  positive,
};
