/**
 * Helpers that turn a compact description (expected argument types, return type) into a
 * FunctionSignature, applying Spark's implicit casts to the arguments.
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import { typeToSql, type DataType } from '../../src/common/types/data-type.js';
import type { FunctionKind, FunctionSignature, ResolveOptions, ResolvedSignature } from './function-signature.js';
import { implicitCast, type Expected } from './implicit-cast.js';

export interface FunctionSpec {
  /** Registered name. */
  readonly name: string;
  /** Kernel name it resolves to, when different from `name`. */
  readonly canonical?: string;
  readonly kind?: FunctionKind;
  /** Expected types of the fixed parameters. */
  readonly args: readonly Expected[];
  /** Number of trailing `args` that may be omitted. */
  readonly optional?: number;
  /** Expected type of any further arguments (variadic tail). */
  readonly variadic?: Expected;
  /** Minimum total arguments when `variadic` is set (default: fixed args less optional). */
  readonly minArgs?: number;
  readonly returns: DataType | ((argTypes: readonly DataType[], options: ResolveOptions) => DataType);
  /** The function can return NULL for non-NULL inputs. */
  readonly nullable?: boolean;
  readonly deterministic?: boolean;
}

export function wrongArgCount(name: string, got: number, expected: string): never {
  throw new DeltaSqlError('INVALID_ARGUMENT', `function ${name} takes ${expected} argument(s) but got ${got}`);
}

export function argMismatch(name: string, index: number, got: DataType, expected: string): never {
  throw new DeltaSqlError(
    'TYPE_MISMATCH',
    `function ${name}: argument ${index + 1} has type ${typeToSql(got)} but ${expected} is required`,
  );
}

function describe(e: Expected): string {
  return 'abstract' in e ? e.abstract : typeToSql(e);
}

/** Cast each argument to its expected type or raise TYPE_MISMATCH naming the function. */
export function coerceArgs(name: string, argTypes: readonly DataType[], expected: readonly Expected[], ansi: boolean): DataType[] {
  return argTypes.map((t, i) => {
    const e = expected[i]!;
    return implicitCast(t, e, ansi) ?? argMismatch(name, i, t, describe(e));
  });
}

export function checkArgCount(name: string, n: number, min: number, max: number): void {
  if (n < min || n > max) wrongArgCount(name, n, min === max ? String(min) : max === Infinity ? `at least ${min}` : `${min} to ${max}`);
}

/** A signature from a spec; `aliasOf` lets an alias resolve to the canonical name. */
export function defineFunction(spec: FunctionSpec): FunctionSignature {
  const fixed = spec.args.length;
  const min = spec.minArgs ?? fixed - (spec.optional ?? 0);
  const max = spec.variadic ? Infinity : fixed;
  return {
    name: spec.name,
    kind: spec.kind ?? 'scalar',
    deterministic: spec.deterministic ?? true,
    resolve(argTypes, options): ResolvedSignature {
      checkArgCount(spec.name, argTypes.length, min, max);
      const expected = argTypes.map((_, i) => (i < fixed ? spec.args[i]! : spec.variadic!));
      const cast = coerceArgs(spec.name, argTypes, expected, options.ansi);
      const returnType = typeof spec.returns === 'function' ? spec.returns(cast, options) : spec.returns;
      return { name: spec.canonical ?? spec.name, argTypes: cast, returnType, nullable: spec.nullable ?? false };
    },
  };
}

/**
 * A signature with hand-written resolution, registered as `name` and resolving to `canonical`
 * (the executor's kernel name; differs for rewrites such as nvl → coalesce).
 */
export function customFunction(
  name: string,
  resolve: (argTypes: readonly DataType[], options: ResolveOptions) => Omit<ResolvedSignature, 'name'>,
  kind: FunctionKind = 'scalar',
  deterministic = true,
  canonical = name,
): FunctionSignature {
  return {
    name,
    kind,
    deterministic,
    resolve: (argTypes, options) => ({ name: canonical, ...resolve(argTypes, options) }),
  };
}
