/**
 * AST expression → BoundExpr: names through the Scope, literal typing, operators and functions
 * resolved through the function library with coercions made explicit as casts.
 * Aggregates and window functions are allowed only where the caller passes a collector; they
 * bind to a fresh column the aggregate / window node will produce.
 */
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import { BOOLEAN, INT, STRING, isNumeric, typeToSql, type DataType } from '../../src/common/types/data-type.js';
import type { Expr, Span, NamedWindow, WindowSpec } from '../../grammar/ast/index.js';
import { exprType, type BoundExpr, type LambdaVarExpr } from '../expr/bound-expr.js';
import type { AggregateCall, SortKey, WindowCall } from '../physical/physical-plan.js';
import type { LogicalColumn, LogicalPlan } from '../logical/logical-plan.js';
import { lit } from '../expr/expr-utils.js';
import type { BindContext } from './bind-context.js';
import { bindLiteral } from './bind-literal.js';
import type { Scope } from './scope.js';
import { castTo, coerceToCommon, resolveCall } from './functions-adapter.js';
import { bindFunctionCall } from './bind-function.js';
import { bindSpecialForm } from './bind-special.js';
import { bindExprSubquery } from './bind-subquery-expr.js';
import type { CteEntry } from './query-env.js';

export interface AggCollector {
  readonly entries: { readonly call: AggregateCall; readonly column: LogicalColumn; readonly key: string }[];
  /** grouping(col) / grouping_id(cols…): answered from the GROUP BY, when the query groups. */
  readonly grouping?: ((fn: 'grouping' | 'grouping_id', args: readonly BoundExpr[], span: Span) => BoundExpr) | undefined;
}

export interface BoundWindowSpec {
  readonly partitionBy: readonly BoundExpr[];
  readonly orderBy: readonly SortKey[];
}

export interface WindowCollector {
  readonly entries: { readonly call: WindowCall; readonly spec: BoundWindowSpec; readonly column: LogicalColumn }[];
  readonly named: ReadonlyMap<string, WindowSpec>;
}

/**
 * A correlated subquery met inside an expression: the caller joins `plan` to its input
 * before evaluating the expression (which refers to the join's output column).
 */
export interface PendingJoin {
  apply(input: LogicalPlan): LogicalPlan;
}

export interface ExprBinderOptions {
  readonly scope: Scope;
  readonly clause: string;
  readonly aggs?: AggCollector | undefined;
  readonly windows?: WindowCollector | undefined;
  /** Tried before the scope (ORDER BY: select-list aliases). */
  readonly preferred?: ((parts: readonly string[]) => BoundExpr | undefined) | undefined;
  /** Tried after the scope fails (GROUP BY / WHERE-less alias fallbacks). */
  readonly fallback?: ((parts: readonly string[]) => BoundExpr | undefined) | undefined;
  /** CTEs visible to subqueries in these expressions. */
  readonly ctes?: ReadonlyMap<string, CteEntry> | undefined;
  /** Where correlated subqueries become joins; absent → correlated subqueries are unsupported here. */
  readonly pendingJoins?: PendingJoin[] | undefined;
}

export class ExprBinder {
  private lambdaVars = new Map<string, LambdaVarExpr>();
  private insideAggregate = false;

  constructor(
    readonly ctx: BindContext,
    readonly options: ExprBinderOptions,
  ) {}

  get scope(): Scope {
    return this.options.scope;
  }

  /** The same binder with some options replaced. */
  derive(overrides: Partial<ExprBinderOptions>): ExprBinder {
    const b = new ExprBinder(this.ctx, { ...this.options, ...overrides });
    b.insideAggregate = this.insideAggregate;
    b.lambdaVars = this.lambdaVars;
    return b;
  }

  /** A binder for the arguments of an aggregate (no nested aggregates or windows). */
  forAggregateArgs(): ExprBinder {
    const b = new ExprBinder(this.ctx, { ...this.options, aggs: undefined, windows: undefined, preferred: undefined });
    b.insideAggregate = true;
    b.lambdaVars = this.lambdaVars;
    return b;
  }

  withLambdaVars(vars: readonly LambdaVarExpr[]): ExprBinder {
    const b = new ExprBinder(this.ctx, this.options);
    b.insideAggregate = this.insideAggregate;
    b.lambdaVars = new Map(this.lambdaVars);
    for (const v of vars) b.lambdaVars.set(v.name.toLowerCase(), v);
    return b;
  }

  get isInsideAggregate(): boolean {
    return this.insideAggregate;
  }

  /** Bind a boolean condition (WHERE / ON / HAVING …): must be boolean or NULL. */
  bindPredicate(e: Expr): BoundExpr {
    return this.requireBoolean(this.bind(e), e.span, this.options.clause);
  }

  requireBoolean(b: BoundExpr, span: Span, what: string): BoundExpr {
    const t = exprType(b);
    if (t.kind === 'boolean') return b;
    if (t.kind === 'null') return castTo(b, BOOLEAN, this.ctx.settings);
    // Spark accepts a numeric filter condition (non-zero is true), e.g. `HAVING sum(v) + 1`.
    if ((what === 'WHERE' || what === 'HAVING') && isNumeric(t)) return castTo(b, BOOLEAN, this.ctx.settings);
    throw new DeltaSqlError('TYPE_MISMATCH', `${what} expects a boolean expression, got ${typeToSql(t)}`, {
      position: span.start,
    });
  }

  bind(e: Expr): BoundExpr {
    switch (e.kind) {
      case 'number':
      case 'string':
      case 'boolean':
      case 'null':
      case 'typedLiteral':
      case 'binaryLiteral':
      case 'interval':
        return bindLiteral(e, this.ctx.settings.timeZone);
      case 'column':
        return this.bindColumn(e.parts, e.span);
      case 'star':
        throw new DeltaSqlError('ANALYSIS_ERROR', `'*' is not allowed here`, { position: e.span.start });
      case 'unaryOp':
        if (e.op === '-' && e.operand.kind === 'number') return bindLiteral(e.operand, this.ctx.settings.timeZone, true);
        if (e.op === 'NOT') return resolveCall('not', [this.bindPredicateArg(e.operand)], this.ctx.settings, e.span);
        return resolveCall(e.op === '-' ? 'negate' : e.op === '+' ? 'positive' : 'bit_not', [this.bind(e.operand)], this.ctx.settings, e.span);
      case 'binaryOp':
        return this.bindBinary(e.op, e.left, e.right, e.span);
      case 'positionalParameter': {
        const p = this.ctx.positionalParams[e.ordinal - 1];
        if (p === undefined) {
          throw new DeltaSqlError('INVALID_ARGUMENT', `no value given for parameter ?${e.ordinal}`, { position: e.span.start });
        }
        return lit(p.value, p.type);
      }
      case 'namedParameter': {
        const p = this.ctx.namedParams.get(e.name);
        if (p === undefined) {
          throw new DeltaSqlError('INVALID_ARGUMENT', `no value given for parameter :${e.name}`, { position: e.span.start });
        }
        return lit(p.value, p.type);
      }
      case 'function':
        return bindFunctionCall(this, e);
      case 'subquery':
      case 'exists':
      case 'inSubquery':
        return bindExprSubquery(this, e);
      case 'lambda':
        throw new DeltaSqlError('ANALYSIS_ERROR', 'a lambda is only allowed as an argument of a higher-order function', {
          position: e.span.start,
        });
      case 'namedArgument':
        return unsupported('named function arguments', { position: e.span.start });
      default:
        return bindSpecialForm(this, e);
    }
  }

  bindPredicateArg(e: Expr): BoundExpr {
    return this.requireBoolean(this.bind(e), e.span, 'NOT');
  }

  bindColumn(parts: readonly string[], span: Span): BoundExpr {
    if (parts.length === 1) {
      const v = this.lambdaVars.get((parts[0] ?? '').toLowerCase());
      if (v !== undefined) return v;
    }
    const preferred = this.options.preferred?.(parts);
    if (preferred !== undefined) return preferred;
    const found = this.scope.lookup(parts, span);
    if (found === undefined) {
      const fb = this.options.fallback?.(parts);
      if (fb !== undefined) return fb;
      this.scope.resolve(parts, span); // throws UNKNOWN_COLUMN with suggestions
    }
    const r = found ?? this.scope.resolve(parts, span);
    let out: BoundExpr = { kind: 'column', index: r.column.id, type: r.column.type, nullable: r.column.nullable, name: r.column.name };
    for (const f of r.fields) out = this.fieldAccess(out, f, span);
    return out;
  }

  /** `struct.field` → get_field(struct, index). */
  fieldAccess(base: BoundExpr, fieldName: string, span: Span): BoundExpr {
    const t = exprType(base);
    if (t.kind !== 'struct') {
      throw new DeltaSqlError('ANALYSIS_ERROR', `cannot extract field \`${fieldName}\` from a value of type ${typeToSql(t)}`, {
        position: span.start,
      });
    }
    const lower = fieldName.toLowerCase();
    const idx = t.fields.findIndex((f) => (this.ctx.settings.caseSensitive ? f.name === fieldName : f.name.toLowerCase() === lower));
    const f = t.fields[idx];
    if (f === undefined) {
      throw new DeltaSqlError('UNKNOWN_COLUMN', `no such struct field \`${fieldName}\` in ${typeToSql(t)}`, { position: span.start });
    }
    return { kind: 'call', name: 'get_field', args: [base, lit(idx, INT)], type: f.type, nullable: true };
  }

  private bindBinary(op: string, left: Expr, right: Expr, span: Span): BoundExpr {
    if (op === 'AND' || op === 'OR') {
      const args = [this.bindLogicalArg(left, op), this.bindLogicalArg(right, op)];
      return { kind: op === 'AND' ? 'and' : 'or', args };
    }
    const name = BINARY_NAMES[op];
    if (name === undefined) return unsupported(`operator ${op}`, { position: span.start });
    return resolveCall(name, [this.bind(left), this.bind(right)], this.ctx.settings, span);
  }

  private bindLogicalArg(e: Expr, op: string): BoundExpr {
    return this.requireBoolean(this.bind(e), e.span, op);
  }

  /** Bind a window spec (named windows resolved). */
  resolveWindowSpec(spec: WindowSpec | { kind: 'windowRef'; name: { name: string }; span: Span }): WindowSpec {
    const named = this.options.windows?.named;
    if (spec.kind === 'windowRef') {
      const found = named?.get(spec.name.name.toLowerCase());
      if (found === undefined) {
        throw new DeltaSqlError('ANALYSIS_ERROR', `window \`${spec.name.name}\` is not defined`, { position: spec.span.start });
      }
      return this.resolveWindowSpec(found);
    }
    if (spec.baseName === undefined) return spec;
    const base = named?.get(spec.baseName.name.toLowerCase());
    if (base === undefined) {
      throw new DeltaSqlError('ANALYSIS_ERROR', `window \`${spec.baseName.name}\` is not defined`, { position: spec.span.start });
    }
    const b = this.resolveWindowSpec(base);
    const frame = spec.frame ?? b.frame;
    const merged: WindowSpec = {
      kind: 'windowSpec',
      span: spec.span,
      partitionBy: spec.partitionBy.length > 0 ? spec.partitionBy : b.partitionBy,
      orderBy: spec.orderBy.length > 0 ? spec.orderBy : b.orderBy,
      ...(frame !== undefined ? { frame } : {}),
    };
    return merged;
  }

  /** Coerce several bound expressions to their common type (CASE branches, IN lists, COALESCE). */
  common(exprs: readonly BoundExpr[], span: Span, what: string): { exprs: BoundExpr[]; type: DataType } {
    return coerceToCommon(exprs, this.ctx.settings, span, what);
  }

  stringLit(s: string): BoundExpr {
    return lit(s, STRING);
  }
}

const BINARY_NAMES: Record<string, string> = {
  '+': 'add',
  '-': 'subtract',
  '*': 'multiply',
  '/': 'divide',
  '%': 'mod',
  DIV: 'div',
  '||': 'concat',
  '&': 'bit_and',
  '|': 'bit_or',
  '^': 'bit_xor',
  '<<': 'shiftleft',
  '>>': 'shiftright',
  '>>>': 'shiftrightunsigned',
  '=': 'eq',
  '<>': 'ne',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
  '<=>': 'eq_null_safe',
};

export type { NamedWindow };
