/** Operators and forms with their own syntax: IS, BETWEEN, IN (list), LIKE, CASE, CAST, EXTRACT, TRIM, subscripts. */
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import { BOOLEAN, STRING, NULL } from '../../src/common/types/data-type.js';
import type { Expr } from '../../grammar/ast/index.js';
import { exprType, type BoundExpr, type CaseExpr } from '../expr/bound-expr.js';
import { lit } from '../expr/expr-utils.js';
import type { ExprBinder } from './expr-binder.js';
import { castTo, explicitCast, resolveCall } from './functions-adapter.js';

export function bindSpecialForm(b: ExprBinder, e: Expr): BoundExpr {
  const s = b.ctx.settings;
  switch (e.kind) {
    case 'isTest': {
      const operand = b.bind(e.operand);
      let name: string;
      if (e.test === 'null') name = e.negated ? 'is_not_null' : 'is_null';
      else {
        const x = b.requireBoolean(operand, e.operand.span, `IS ${e.test.toUpperCase()}`);
        if (e.test === 'unknown') return resolveCall(e.negated ? 'is_not_null' : 'is_null', [x], s, e.span);
        name = e.test === 'true' ? (e.negated ? 'is_not_true' : 'is_true') : e.negated ? 'is_not_false' : 'is_false';
        return resolveCall(name, [x], s, e.span);
      }
      return resolveCall(name, [operand], s, e.span);
    }
    case 'isDistinctFrom': {
      const eq = resolveCall('eq_null_safe', [b.bind(e.left), b.bind(e.right)], s, e.span);
      return e.negated ? eq : resolveCall('not', [eq], s, e.span);
    }
    case 'between': {
      const x = b.bind(e.operand);
      const lo = resolveCall('ge', [x, b.bind(e.low)], s, e.span);
      const hi = resolveCall('le', [x, b.bind(e.high)], s, e.span);
      const both: BoundExpr = { kind: 'and', args: [lo, hi] };
      return e.negated ? resolveCall('not', [both], s, e.span) : both;
    }
    case 'inList': {
      const all = b.common([b.bind(e.operand), ...e.list.map((x) => b.bind(x))], e.span, 'IN');
      const call = resolveCall('in', all.exprs, s, e.span);
      return e.negated ? resolveCall('not', [call], s, e.span) : call;
    }
    case 'like': {
      const name = e.op === 'LIKE' ? 'like' : e.op === 'ILIKE' ? 'ilike' : 'rlike';
      const args = [b.bind(e.operand), b.bind(e.pattern)];
      if (e.escape !== undefined) args.push(lit(e.escape, STRING));
      const call = resolveCall(name, args, s, e.span);
      return e.negated ? resolveCall('not', [call], s, e.span) : call;
    }
    case 'likeQuantified': {
      // `x NOT LIKE ANY (p, q)` is `NOT x LIKE p OR NOT x LIKE q`: the negation applies per pattern.
      const operand = b.bind(e.operand);
      const name = e.op === 'LIKE' ? 'like' : 'ilike';
      const each = e.patterns.map((p) => {
        const one = resolveCall(name, [operand, b.bind(p)], s, e.span);
        return e.negated ? resolveCall('not', [one], s, e.span) : one;
      });
      return each.length === 1 ? (each[0] as BoundExpr) : { kind: e.quantifier === 'ANY' ? 'or' : 'and', args: each };
    }
    case 'case':
      return bindCase(b, e);
    case 'cast': {
      const input = b.bind(e.expr);
      return explicitCast(input, e.type.type, e.tryCast ? 'try' : s.ansi ? 'ansi' : 'legacy', e.span);
    }
    case 'extract':
      return resolveCall('extract', [lit(e.field.toLowerCase(), STRING), b.bind(e.source)], s, e.span);
    case 'trim': {
      const src = b.bind(e.source);
      const name = e.mode === 'BOTH' ? 'trim' : e.mode === 'LEADING' ? 'ltrim' : 'rtrim';
      return resolveCall(name, e.chars ? [src, b.bind(e.chars)] : [src], s, e.span);
    }
    case 'fieldAccess':
      return b.fieldAccess(b.bind(e.base), e.field.name, e.field.span);
    case 'subscript':
      return resolveCall('get_item', [b.bind(e.base), b.bind(e.index)], s, e.span);
    case 'row':
      return resolveCall('struct', e.items.map((x) => b.bind(x)), s, e.span);
    default:
      return unsupported(`expression ${e.kind}`, { position: e.span.start });
  }
}

function bindCase(b: ExprBinder, e: Extract<Expr, { kind: 'case' }>): BoundExpr {
  const s = b.ctx.settings;
  const conds: BoundExpr[] = [];
  if (e.operand !== undefined) {
    const operand = b.bind(e.operand);
    for (const w of e.whens) conds.push(resolveCall('eq', [operand, b.bind(w.condition)], s, w.span));
  } else {
    for (const w of e.whens) conds.push(b.requireBoolean(b.bind(w.condition), w.condition.span, 'CASE WHEN'));
  }
  const results = e.whens.map((w) => b.bind(w.result));
  if (e.else !== undefined) results.push(b.bind(e.else));
  const { exprs, type } = b.common(results, e.span, 'CASE');
  const branches = e.whens.map((_, i) => ({ when: conds[i] as BoundExpr, then: exprs[i] as BoundExpr }));
  const otherwise = e.else !== undefined ? exprs[exprs.length - 1] : undefined;
  const out: CaseExpr = { kind: 'case', branches, otherwise, type };
  return out;
}

/** Build `CASE WHEN c THEN a ELSE b END` with a and b coerced to a common type. */
export function makeIf(b: ExprBinder, cond: BoundExpr, a: BoundExpr, c: BoundExpr, span: Expr['span']): BoundExpr {
  const { exprs, type } = b.common([a, c], span, 'IF');
  const when = exprType(cond).kind === 'null' ? castTo(cond, BOOLEAN, b.ctx.settings) : cond;
  if (exprType(when).kind !== 'boolean') {
    throw new DeltaSqlError('TYPE_MISMATCH', 'the first argument of IF must be a boolean', { position: span.start });
  }
  return { kind: 'case', branches: [{ when, then: exprs[0] as BoundExpr }], otherwise: exprs[1], type };
}

export const NULL_LIT: BoundExpr = lit(null, NULL);
