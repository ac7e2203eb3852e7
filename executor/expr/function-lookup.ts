/**
 * How compiled expressions and operators reach the function library (executor/functions).
 * An interface so the evaluator does not depend on the registry's layout.
 */
import type * as arrow from 'apache-arrow';
import type { DataType } from '../../src/common/types/data-type.js';
import type { AggregateKernel, ColumnarValue, EvalContext, ScalarKernel } from '../functions/kernel.js';

/**
 * A lambda argument as a higher-order function kernel sees it: evaluate the body for `m` element
 * rows; `params[k]` binds the k-th parameter; `rows[e]` is the outer row element e belongs to
 * (columns the body captures from the outer row are gathered by it).
 */
export interface LambdaArg {
  readonly arity: number;
  readonly resultType: DataType;
  apply(params: readonly arrow.Data[], rows: Int32Array): ColumnarValue;
}

/** transform, filter, exists, forall, aggregate, zip_with, map_filter...: plain args plus lambdas in call order. */
export type HigherOrderKernel = (
  args: readonly (ColumnarValue | LambdaArg)[],
  resultType: DataType,
  ctx: EvalContext,
) => ColumnarValue;

export type CastMode = 'ansi' | 'try' | 'legacy';

export interface FunctionLookup {
  scalar(name: string): ScalarKernel | undefined;
  aggregate(name: string): AggregateKernel | undefined;
  higherOrder(name: string): HigherOrderKernel | undefined;
  cast(value: ColumnarValue, from: DataType, to: DataType, mode: CastMode, ctx: EvalContext): ColumnarValue;
}

export function isLambdaArg(v: ColumnarValue | LambdaArg): v is LambdaArg {
  return 'apply' in v;
}
