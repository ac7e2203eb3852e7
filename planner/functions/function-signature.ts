/**
 * The planner's view of the function library: names and typing, no implementations
 * (those live in executor/functions, keyed by the same names).
 */
import type { DataType } from '../../src/common/types/data-type.js';
import type { ScalarValue } from '../expr/scalar-value.js';

export type FunctionKind = 'scalar' | 'aggregate' | 'window' | 'generator';

export interface ResolveOptions {
  /** spark.sql.ansi.enabled (default true, as Spark 4). */
  readonly ansi: boolean;
  /**
   * Literal values of the arguments where they are constants (undefined otherwise): some
   * functions type themselves from them (e.g. get_field's field name, round's scale).
   */
  readonly literalArgs: readonly (ScalarValue | undefined)[];
}

/** What resolution decided: the binder casts each argument to `argTypes[i]` and types the call `returnType`. */
export interface ResolvedSignature {
  /** Canonical name the executor looks up (aliases resolve to one name, e.g. `nvl` → `coalesce`). */
  readonly name: string;
  readonly argTypes: readonly DataType[];
  readonly returnType: DataType;
  /** False when the result is NULL only if an input is NULL... set true when the function can produce NULL on its own. */
  readonly nullable: boolean;
  /** For generators: the generated columns (e.g. explode → `col`, or `key`,`value`). */
  readonly generatedColumns?: readonly { readonly name: string; readonly type: DataType }[];
}

export interface FunctionSignature {
  readonly name: string;
  readonly kind: FunctionKind;
  /** Resolve for these argument types; throws DeltaSqlError TYPE_MISMATCH / INVALID_ARGUMENT naming the function. */
  resolve(argTypes: readonly DataType[], options: ResolveOptions): ResolvedSignature;
  /** Nondeterministic functions (rand, uuid, current_timestamp is per-query constant) are never constant-folded. */
  readonly deterministic: boolean;
}
