/**
 * Function calls: special lazy forms (if, nvl, coalesce, nvl2, nullif), aggregates (collected
 * for the aggregate node), window functions (collected for window nodes) and scalar functions.
 */
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import type { Expr, FunctionCall, SortItem, WindowFrame as AstFrame, FrameBound } from '../../grammar/ast/index.js';
import { exprType, type BoundExpr } from '../expr/bound-expr.js';
import { colRef, exprKey } from '../expr/expr-utils.js';
import type { SortKey, WindowFrame } from '../physical/physical-plan.js';
import type { ScalarValue } from '../expr/scalar-value.js';
import type { ExprBinder } from './expr-binder.js';
import { castTo, lookupSignature, resolveCall, resolveWith } from './functions-adapter.js';
import { makeIf } from './bind-special.js';
import { evaluateConstant } from './constant-value.js';
import { bindHigherOrder } from './bind-higher-order.js';

export function bindFunctionCall(b: ExprBinder, e: FunctionCall): BoundExpr {
  const name = (e.name[e.name.length - 1] ?? '').toLowerCase();
  const s = b.ctx.settings;
  if (e.over === undefined && !e.distinct && e.filter === undefined) {
    const special = bindLazyForm(b, name, e);
    if (special !== undefined) return special;
  }
  if (name === 'grouping' || name === 'grouping_id') {
    const g = b.options.aggs?.grouping;
    if (g === undefined) {
      throw new DeltaSqlError('ANALYSIS_ERROR', `${name}() can only be used with GROUPING SETS, ROLLUP or CUBE`, {
        position: e.span.start,
      });
    }
    return g(name, e.args.map((a) => b.forAggregateArgs().bind(a)), e.span);
  }
  if (e.args.some((a) => a.kind === 'lambda')) return bindHigherOrder(b, e, name);
  const sig = lookupSignature(name, e.span);
  if (e.over !== undefined) return bindWindowCall(b, e, name);
  if (sig.kind === 'aggregate') return bindAggregate(b, e, name);
  if (sig.kind === 'window') {
    throw new DeltaSqlError('ANALYSIS_ERROR', `window function ${name}() requires an OVER clause`, { position: e.span.start });
  }
  if (sig.kind === 'generator') {
    return unsupported(`generator ${name}() in this position (use it alone in the SELECT list or in LATERAL VIEW)`, {
      position: e.span.start,
    });
  }
  if (e.distinct || e.filter !== undefined) {
    throw new DeltaSqlError('ANALYSIS_ERROR', `DISTINCT / FILTER is only allowed with aggregate functions, not ${name}()`, {
      position: e.span.start,
    });
  }
  return resolveCall(name, e.args.map((a) => b.bind(a)), s, e.span);
}

function bindLazyForm(b: ExprBinder, name: string, e: FunctionCall): BoundExpr | undefined {
  const args = (): BoundExpr[] => e.args.map((a) => b.bind(a));
  const arity = (n: number): void => {
    if (e.args.length !== n) {
      throw new DeltaSqlError('INVALID_ARGUMENT', `${name}() expects ${n} arguments, got ${e.args.length}`, { position: e.span.start });
    }
  };
  switch (name) {
    case 'if':
    case 'iff': {
      arity(3);
      const [c, x, y] = args() as [BoundExpr, BoundExpr, BoundExpr];
      return makeIf(b, c, x, y, e.span);
    }
    case 'nvl':
    case 'ifnull':
    case 'coalesce': {
      if (name !== 'coalesce') arity(2);
      if (e.args.length === 0) throw new DeltaSqlError('INVALID_ARGUMENT', 'coalesce() needs at least one argument', { position: e.span.start });
      const { exprs, type } = b.common(args(), e.span, name);
      return exprs.length === 1 ? (exprs[0] as BoundExpr) : { kind: 'coalesce', args: exprs, type };
    }
    case 'nvl2': {
      arity(3);
      const [x, y, z] = args() as [BoundExpr, BoundExpr, BoundExpr];
      return makeIf(b, resolveCall('is_not_null', [x], b.ctx.settings, e.span), y, z, e.span);
    }
    case 'nullif': {
      arity(2);
      const [x, y] = args() as [BoundExpr, BoundExpr];
      const t = exprType(x);
      return {
        kind: 'case',
        branches: [{ when: resolveCall('eq', [x, y], b.ctx.settings, e.span), then: castTo({ kind: 'literal', value: null, type: { kind: 'null' } }, t, b.ctx.settings) }],
        otherwise: x,
        type: t,
      };
    }
    default:
      return undefined;
  }
}

function bindAggregate(b: ExprBinder, e: FunctionCall, name: string): BoundExpr {
  const aggs = b.options.aggs;
  if (aggs === undefined) {
    if (b.isInsideAggregate) {
      throw new DeltaSqlError('ANALYSIS_ERROR', `aggregate function ${name}() cannot be nested inside another aggregate function`, {
        position: e.span.start,
      });
    }
    throw new DeltaSqlError('ANALYSIS_ERROR', `aggregate functions are not allowed in ${b.options.clause}: ${name}()`, {
      position: e.span.start,
    });
  }
  const inner = b.forAggregateArgs();
  const star = e.args.length === 1 && e.args[0]?.kind === 'star' && e.args[0].qualifier === undefined && !e.distinct;
  if (e.args.some((a) => a.kind === 'star') && name !== 'count') {
    throw new DeltaSqlError('ANALYSIS_ERROR', `${name}(*) is not allowed`, { position: e.span.start });
  }
  if (name === 'count' && e.args.length === 0) {
    throw new DeltaSqlError('INVALID_ARGUMENT', '[WRONG_NUM_ARGS.WITH_SUGGESTION] count() requires at least one argument; use count(*) to count rows', {
      position: e.span.start,
    });
  }
  if (name === 'count' && !e.distinct && e.args.length === 1 && e.args[0]?.kind === 'star' && e.args[0].qualifier !== undefined) {
    throw new DeltaSqlError('ANALYSIS_ERROR', '[INVALID_USAGE_OF_STAR_WITH_TABLE_IDENTIFIER_IN_COUNT] count(t.*) is not allowed; use count(*) or list the columns', {
      position: e.span.start,
    });
  }
  // count(t.*, …) / count(DISTINCT *): the star expands to the columns.
  const bound = star
    ? []
    : e.args.flatMap((a) => (a.kind === 'star' ? b.scope.star(a.qualifier, a.span).map((c) => colRef(c)) : [inner.bind(a)]));
  // first(x) IGNORE NULLS is first(x, true) for the aggregate.
  if (e.nullTreatment === 'IGNORE' && IGNORE_FLAG.has(name) && bound.length === 1) bound.push({ kind: 'literal', value: true, type: { kind: 'boolean' } });
  const resolved = resolveWith(name, bound, b.ctx.settings, e.span);
  const filter = e.filter !== undefined ? inner.bindPredicate(e.filter) : undefined;
  const orderBy = e.orderBy !== undefined ? bindSortItems(inner, e.orderBy) : undefined;
  const call = {
    name: resolved.name,
    args: resolved.args,
    distinct: e.distinct,
    ...(filter !== undefined ? { filter } : {}),
    ...(orderBy !== undefined ? { orderBy } : {}),
    type: resolved.returnType,
  };
  const key = JSON.stringify([call.name, call.distinct, call.args.map(exprKey), filter && exprKey(filter), orderBy?.map((k) => [exprKey(k.expr), k.ascending, k.nullsFirst])]);
  const existing = aggs.entries.find((x) => x.key === key);
  if (existing !== undefined) return colRef(existing.column);
  const column = { id: b.ctx.nextId(), name, type: resolved.returnType, nullable: true };
  aggs.entries.push({ call, column, key });
  return colRef(column);
}

export function bindSortItems(b: ExprBinder, items: readonly SortItem[]): SortKey[] {
  return items.map((it) => {
    const ascending = it.direction !== 'DESC';
    return { expr: b.bind(it.expr), ascending, nullsFirst: it.nulls === undefined ? ascending : it.nulls === 'FIRST' };
  });
}

const IGNORE_FLAG = new Set(['first_value', 'last_value', 'first', 'last']);
const RANKING = new Set(['row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile']);
const OFFSET = new Set(['lag', 'lead']);

function bindWindowCall(b: ExprBinder, e: FunctionCall, name: string): BoundExpr {
  const windows = b.options.windows;
  if (windows === undefined || e.over === undefined) {
    throw new DeltaSqlError('ANALYSIS_ERROR', `window functions are not allowed in ${b.options.clause}: ${name}()`, {
      position: e.span.start,
    });
  }
  const spec = b.resolveWindowSpec(e.over);
  const inner = b.derive({ windows: undefined });
  const star = e.args.length === 1 && e.args[0]?.kind === 'star';
  let bound = star ? [] : e.args.map((a) => inner.bind(a));
  // first_value(x, true) / last_value(x, true): the flag means IGNORE NULLS.
  let ignoreNulls = e.nullTreatment === 'IGNORE';
  const flag = bound[1];
  if (IGNORE_FLAG.has(name) && bound.length === 2 && flag?.kind === 'literal' && typeof flag.value === 'boolean') {
    ignoreNulls = ignoreNulls || flag.value;
    bound = bound.slice(0, 1);
  }
  const resolved = resolveWith(name, bound, b.ctx.settings, e.span);
  const partitionBy = spec.partitionBy.map((p) => inner.bind(p));
  const orderBy = bindSortItems(inner, spec.orderBy);
  if ((RANKING.has(name) || OFFSET.has(name)) && orderBy.length === 0) {
    throw new DeltaSqlError('ANALYSIS_ERROR', `window function ${name}() requires an ORDER BY in its window`, { position: e.span.start });
  }
  let frame: WindowFrame;
  if (RANKING.has(name) || OFFSET.has(name)) frame = { unit: 'rows', start: undefined, end: 0 };
  else if (spec.frame !== undefined) frame = bindFrame(b, spec.frame, orderBy);
  else frame = orderBy.length > 0 ? { unit: 'range', start: undefined, end: 0 } : { unit: 'rows', start: undefined, end: undefined };
  const call = {
    name: resolved.name,
    args: resolved.args,
    distinct: e.distinct,
    ignoreNulls,
    frame,
    type: resolved.returnType,
  };
  const column = { id: b.ctx.nextId(), name, type: resolved.returnType, nullable: true };
  windows.entries.push({ call, spec: { partitionBy, orderBy }, column });
  return colRef(column);
}

function boundOffset(b: ExprBinder, fb: FrameBound, unit: 'ROWS' | 'RANGE', orderBy: readonly SortKey[]): { n: number | undefined; v?: ScalarValue } {
  switch (fb.type) {
    case 'unboundedPreceding':
    case 'unboundedFollowing':
      return { n: undefined };
    case 'currentRow':
      return { n: 0 };
    default: {
      if (fb.offset === undefined) throw new DeltaSqlError('SYNTAX_ERROR', 'frame offset missing', { position: fb.span.start });
      const sign = fb.type === 'preceding' ? -1 : 1;
      const bound = b.bind(fb.offset as Expr);
      const value = evaluateConstant(bound);
      if (value === undefined || value === null) {
        throw new DeltaSqlError('ANALYSIS_ERROR', 'a window frame offset must be a constant', { position: fb.span.start });
      }
      if (unit === 'ROWS') {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0) {
          throw new DeltaSqlError('ANALYSIS_ERROR', 'a ROWS frame offset must be a non-negative integer', { position: fb.span.start });
        }
        return { n: sign * n };
      }
      const key = orderBy[0];
      if (orderBy.length !== 1 || key === undefined) {
        throw new DeltaSqlError('ANALYSIS_ERROR', 'a RANGE frame with an offset needs exactly one ORDER BY expression', {
          position: fb.span.start,
        });
      }
      const neg = typeof value === 'bigint' ? -value : typeof value === 'number' ? -value : value;
      const signed = sign < 0 ? neg : value;
      const n = typeof signed === 'bigint' || typeof signed === 'number' ? Number(signed) : sign;
      return { n, v: signed };
    }
  }
}

function bindFrame(b: ExprBinder, f: AstFrame, orderBy: readonly SortKey[]): WindowFrame {
  const endBound: FrameBound = f.end ?? { kind: 'frameBound', type: 'currentRow', span: f.span };
  const start = boundOffset(b, f.start, f.unit, orderBy);
  const end = boundOffset(b, endBound, f.unit, orderBy);
  if (f.start.type === 'unboundedFollowing' || endBound.type === 'unboundedPreceding') {
    throw new DeltaSqlError('ANALYSIS_ERROR', 'invalid window frame boundaries', { position: f.span.start });
  }
  return {
    unit: f.unit === 'ROWS' ? 'rows' : 'range',
    start: start.n,
    end: end.n,
    ...(start.v !== undefined ? { startValue: start.v } : {}),
    ...(end.v !== undefined ? { endValue: end.v } : {}),
  };
}
