/**
 * The binder's use of the function library: look a name up, resolve it for the bound argument
 * types, and make every coercion it asks for an explicit cast. Common types (CASE, COALESCE, IN,
 * set operations) come from the library's Spark coercion rules.
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import { sameType, typeToSql, type DataType } from '../../src/common/types/data-type.js';
import type { Span } from '../../grammar/ast/index.js';
import { exprType, type BoundExpr, type CallExpr, type CastExpr } from '../expr/bound-expr.js';
import type { ScalarValue } from '../expr/scalar-value.js';
import type { FunctionSignature } from '../functions/function-signature.js';
import { lookupFunction, functionNames } from '../functions/registry.js';
import { findWiderCommonType } from '../functions/type-coercion.js';
import { canCast } from '../functions/cast-rules.js';
import type { BindSettings } from './bind-context.js';
import { suggestNames } from './suggest.js';

export function lookupSignature(name: string, span?: Span): FunctionSignature {
  const sig = lookupFunction(name);
  if (sig !== undefined) return sig;
  const suggestions = suggestNames(name, functionNames()).slice(0, 3);
  throw new DeltaSqlError('UNKNOWN_FUNCTION', `Cannot resolve function \`${name}\`: it is not a built-in function`, {
    position: span?.start,
    ...(suggestions.length > 0 ? { hint: `did you mean ${suggestions.map((s) => `\`${s}\``).join(', ')}?` } : {}),
  });
}

/** Implicit cast (a coercion the library asked for); NULL literals just change type. */
export function castTo(e: BoundExpr, type: DataType, settings: BindSettings): BoundExpr {
  const from = exprType(e);
  if (sameType(from, type)) return e;
  if (e.kind === 'literal' && e.value === null) return { kind: 'literal', value: null, type };
  const cast: CastExpr = { kind: 'cast', input: e, type, mode: settings.ansi ? 'ansi' : 'legacy' };
  return cast;
}

/** A user-written CAST / TRY_CAST, checked against Spark's cast table. */
export function explicitCast(e: BoundExpr, type: DataType, mode: CastExpr['mode'], span: Span): BoundExpr {
  const from = exprType(e);
  if (!canCast(from, type, mode !== 'legacy')) {
    throw new DeltaSqlError('TYPE_MISMATCH', `cannot cast ${typeToSql(from)} to ${typeToSql(type)}`, { position: span.start });
  }
  if (e.kind === 'literal' && e.value === null) return { kind: 'literal', value: null, type };
  if (sameType(from, type)) return e;
  return { kind: 'cast', input: e, type, mode };
}

function literalArgs(args: readonly BoundExpr[]): (ScalarValue | undefined)[] {
  return args.map((a) => (a.kind === 'literal' ? a.value : undefined));
}

export interface ResolvedCall {
  readonly name: string;
  readonly args: BoundExpr[];
  readonly returnType: DataType;
  readonly nullable: boolean;
  readonly signature: FunctionSignature;
}

/** Resolve `name` for `args`; errors from the library get the call's position. */
export function resolveWith(name: string, args: readonly BoundExpr[], settings: BindSettings, span?: Span): ResolvedCall {
  const sig = lookupSignature(name, span);
  let r;
  try {
    r = sig.resolve(args.map(exprType), { ansi: settings.ansi, literalArgs: literalArgs(args) });
  } catch (error) {
    if (error instanceof DeltaSqlError && error.position === undefined && span !== undefined) {
      throw new DeltaSqlError(error.code, error.message, { position: span.start, hint: error.hint, cause: error });
    }
    throw error;
  }
  const cast = args.map((a, i) => castTo(a, r.argTypes[i] ?? exprType(a), settings));
  return { name: r.name, args: cast, returnType: r.returnType, nullable: r.nullable, signature: sig };
}

/** A scalar call with coerced args. */
export function resolveCall(name: string, args: readonly BoundExpr[], settings: BindSettings, span?: Span): BoundExpr {
  const r = resolveWith(name, args, settings, span);
  const nullable = r.nullable || r.args.some((a) => a.kind !== 'literal' || a.value === null);
  const call: CallExpr = { kind: 'call', name: r.name, args: r.args, type: r.returnType, nullable };
  return call;
}

/** Cast every expression to the common type of all of them (TYPE_MISMATCH when there is none). */
export function coerceToCommon(
  exprs: readonly BoundExpr[],
  settings: BindSettings,
  span: Span,
  what: string,
): { exprs: BoundExpr[]; type: DataType } {
  const types = exprs.map(exprType);
  const common = findWiderCommonType(types, settings.ansi);
  if (common === undefined) {
    throw new DeltaSqlError('TYPE_MISMATCH', `${what}: the inputs have no common type: ${types.map(typeToSql).join(', ')}`, {
      position: span.start,
    });
  }
  return { exprs: exprs.map((e) => castTo(e, common, settings)), type: common };
}

/** Common type of several column types (set operations), or undefined. */
export function commonTypeOf(types: readonly DataType[], settings: BindSettings): DataType | undefined {
  return findWiderCommonType(types, settings.ansi);
}
