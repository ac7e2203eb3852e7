/**
 * Bound expressions: names resolved, types known, coercions made explicit as casts.
 * The binder produces them; the executor compiles them into batch kernels.
 * Plain data (no functions, no classes): they travel inside physical plans to workers.
 *
 * Contract with the function library: a `call` names a registered scalar function
 * (planner/functions) and its args already have exactly the types the function's
 * resolution asked for, so kernels never coerce.
 */
import type { DataType } from '../../src/common/types/data-type.js';
import type { ScalarValue } from './scalar-value.js';
import type { PhysicalPlan } from '../physical/physical-plan.js';

/** A column of the input batch, by position. */
export interface ColumnExpr {
  readonly kind: 'column';
  readonly index: number;
  readonly type: DataType;
  readonly nullable: boolean;
  /** For display only. */
  readonly name: string;
}

export interface LiteralExpr {
  readonly kind: 'literal';
  readonly value: ScalarValue;
  readonly type: DataType;
}

/**
 * A scalar function or operator by canonical lower-case name. Operators use these names:
 * add subtract multiply divide div mod pmod negate positive
 * eq ne lt le gt ge eq_null_safe not is_null is_not_null is_true is_false is_not_true is_not_false
 * like ilike rlike in (args[0] IN args[1..]) concat (`||`)
 * bit_and bit_or bit_xor bit_not shiftleft shiftright shiftrightunsigned
 * get_field (struct, literal field index) element_at / get_item (array/map subscript).
 * Everything else uses Spark's function name (lower case).
 */
export interface CallExpr {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly BoundExpr[];
  readonly type: DataType;
  readonly nullable: boolean;
}

/** `ansi`: invalid input raises CAST_INVALID_INPUT / overflow; `try`: NULL; `legacy`: Spark non-ANSI behaviour. */
export interface CastExpr {
  readonly kind: 'cast';
  readonly input: BoundExpr;
  readonly type: DataType;
  readonly mode: 'ansi' | 'try' | 'legacy';
}

/**
 * Lazily evaluated forms: a branch is evaluated only for the rows that reach it, so
 * `CASE WHEN x <> 0 THEN 1 / x END` and `x <> 0 AND 1 / x > 1` never raise for x = 0 (Spark semantics).
 */
export interface CaseExpr {
  readonly kind: 'case';
  readonly branches: readonly { readonly when: BoundExpr; readonly then: BoundExpr }[];
  readonly otherwise: BoundExpr | undefined;
  readonly type: DataType;
}

/** Three-valued AND / OR over two or more boolean args, short-circuiting per row. */
export interface LogicalExpr {
  readonly kind: 'and' | 'or';
  readonly args: readonly BoundExpr[];
}

/** coalesce(a, b, ...): later args only for rows where earlier ones were NULL. */
export interface CoalesceExpr {
  readonly kind: 'coalesce';
  readonly args: readonly BoundExpr[];
  readonly type: DataType;
}

/** An uncorrelated scalar subquery: the executor runs `plan` once; more than one row is an error. */
export interface ScalarSubqueryExpr {
  readonly kind: 'scalar_subquery';
  readonly plan: PhysicalPlan;
  readonly type: DataType;
}

/** Uncorrelated `[NOT] EXISTS (plan)` / `x [NOT] IN (plan)` left after decorrelation (e.g. under OR). */
export interface SubqueryPredicateExpr {
  readonly kind: 'exists_subquery' | 'in_subquery';
  readonly plan: PhysicalPlan;
  /** For in_subquery: the probe value. */
  readonly input?: BoundExpr;
  readonly negated: boolean;
}

/** A lambda for higher-order functions (transform, filter, aggregate, exists...): params bind to lambda_var slots. */
export interface LambdaExpr {
  readonly kind: 'lambda';
  readonly params: readonly { readonly slot: number; readonly type: DataType; readonly name: string }[];
  readonly body: BoundExpr;
  readonly type: DataType;
}

export interface LambdaVarExpr {
  readonly kind: 'lambda_var';
  readonly slot: number;
  readonly type: DataType;
  readonly name: string;
}

export type BoundExpr =
  | ColumnExpr
  | LiteralExpr
  | CallExpr
  | CastExpr
  | CaseExpr
  | LogicalExpr
  | CoalesceExpr
  | ScalarSubqueryExpr
  | SubqueryPredicateExpr
  | LambdaExpr
  | LambdaVarExpr;

/** The result type of a bound expression. */
export function exprType(e: BoundExpr): DataType {
  switch (e.kind) {
    case 'and':
    case 'or':
    case 'exists_subquery':
    case 'in_subquery':
      return { kind: 'boolean' };
    default:
      return e.type;
  }
}
