/**
 * Higher-order functions with lambdas (Spark: transform, filter, exists, forall, aggregate,
 * zip_with): the lambda parameters are typed from the array arguments, the body is bound with
 * them in scope, and the call's type follows Spark's rules. Written here because the function
 * library types plain arguments only.
 */
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import { BOOLEAN, INT, arrayOf, typeToSql, type DataType } from '../../src/common/types/data-type.js';
import type { Expr, FunctionCall, Lambda } from '../../grammar/ast/index.js';
import { exprType, type BoundExpr, type LambdaExpr, type LambdaVarExpr } from '../expr/bound-expr.js';
import type { ExprBinder } from './expr-binder.js';
import { castTo } from './functions-adapter.js';

const ARITY: Record<string, readonly number[]> = {
  transform: [1, 2],
  filter: [1, 2],
  exists: [1],
  forall: [1],
  zip_with: [2],
};

function elementType(b: BoundExpr, fn: string, e: Expr): DataType {
  const t = exprType(b);
  if (t.kind === 'array') return t.element;
  if (t.kind === 'null') return { kind: 'null' };
  throw new DeltaSqlError('TYPE_MISMATCH', `${fn}() expects an array, got ${typeToSql(t)}`, { position: e.span.start });
}

function bindLambda(b: ExprBinder, l: Expr | undefined, types: readonly DataType[], allowed: readonly number[], fn: string, span: Expr['span']): LambdaExpr {
  if (l === undefined || l.kind !== 'lambda') {
    throw new DeltaSqlError('ANALYSIS_ERROR', `${fn}() expects a lambda function argument`, { position: span.start });
  }
  const lam = l as Lambda;
  if (!allowed.includes(lam.params.length)) {
    throw new DeltaSqlError('ANALYSIS_ERROR', `the lambda of ${fn}() takes ${allowed.join(' or ')} parameters, not ${lam.params.length}`, {
      position: lam.span.start,
    });
  }
  const params = lam.params.map((p, i) => ({ slot: b.ctx.nextId(), type: types[i] ?? INT, name: p.name }));
  const vars: LambdaVarExpr[] = params.map((p) => ({ kind: 'lambda_var', slot: p.slot, type: p.type, name: p.name }));
  const body = b.withLambdaVars(vars).bind(lam.body);
  return { kind: 'lambda', params, body, type: exprType(body) };
}

function boolBody(b: ExprBinder, l: LambdaExpr, fn: string, span: Expr['span']): LambdaExpr {
  const t = exprType(l.body);
  if (t.kind === 'boolean') return l;
  if (t.kind === 'null') return { ...l, body: castTo(l.body, BOOLEAN, b.ctx.settings), type: BOOLEAN };
  throw new DeltaSqlError('TYPE_MISMATCH', `the lambda of ${fn}() must return a boolean, not ${typeToSql(t)}`, { position: span.start });
}

export function bindHigherOrder(b: ExprBinder, e: FunctionCall, name: string): BoundExpr {
  const args = e.args;
  const call = (callArgs: BoundExpr[], type: DataType): BoundExpr => ({ kind: 'call', name, args: callArgs, type, nullable: true });
  switch (name) {
    case 'transform':
    case 'filter':
    case 'exists':
    case 'forall': {
      if (args.length !== 2) throw new DeltaSqlError('INVALID_ARGUMENT', `${name}() takes 2 arguments`, { position: e.span.start });
      const arr = b.bind(args[0] as Expr);
      const el = elementType(arr, name, e);
      let l = bindLambda(b, args[1], [el, INT], ARITY[name] ?? [1], name, e.span);
      if (name === 'transform') return call([arr, l], arrayOf(l.type));
      l = boolBody(b, l, name, e.span);
      return call([arr, l], name === 'filter' ? arrayOf(el) : BOOLEAN);
    }
    case 'zip_with': {
      if (args.length !== 3) throw new DeltaSqlError('INVALID_ARGUMENT', 'zip_with() takes 3 arguments', { position: e.span.start });
      const a1 = b.bind(args[0] as Expr);
      const a2 = b.bind(args[1] as Expr);
      const l = bindLambda(b, args[2], [elementType(a1, name, e), elementType(a2, name, e)], [2], name, e.span);
      return call([a1, a2, l], arrayOf(l.type));
    }
    case 'aggregate':
    case 'reduce': {
      if (args.length !== 3 && args.length !== 4) throw new DeltaSqlError('INVALID_ARGUMENT', `${name}() takes 3 or 4 arguments`, { position: e.span.start });
      const arr = b.bind(args[0] as Expr);
      const zero = b.bind(args[1] as Expr);
      const accType = exprType(zero);
      const merge = bindLambda(b, args[2], [accType, elementType(arr, name, e)], [2], name, e.span);
      const mergeType = exprType(merge.body);
      // Spark requires the merge result to have the accumulator's type; numeric results are cast to it.
      const numeric = ['null', 'byte', 'short', 'int', 'long', 'float', 'double', 'decimal'];
      if (typeToSql(mergeType) !== typeToSql(accType) && !(numeric.includes(mergeType.kind) && numeric.includes(accType.kind))) {
        throw new DeltaSqlError('TYPE_MISMATCH', `${name}(): the merge lambda returns ${typeToSql(mergeType)} but the start value is ${typeToSql(accType)}`, {
          position: e.span.start,
        });
      }
      const mergeCast: LambdaExpr = { ...merge, body: castTo(merge.body, accType, b.ctx.settings), type: accType };
      if (args.length === 3) return { kind: 'call', name: 'aggregate', args: [arr, zero, mergeCast], type: accType, nullable: true };
      const finish = bindLambda(b, args[3], [accType], [1], name, e.span);
      return { kind: 'call', name: 'aggregate', args: [arr, zero, mergeCast, finish], type: finish.type, nullable: true };
    }
    default:
      return unsupported(`higher-order function ${name} with a lambda`, { position: e.span.start });
  }
}
