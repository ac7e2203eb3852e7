/** Which input columns and lambda slots an expression reads (to gather only those for lazy branches). */
import type { BoundExpr } from '../../planner/expr/bound-expr.js';

export interface ExprRefs {
  readonly columns: Set<number>;
  readonly slots: Set<number>;
}

export function exprRefs(e: BoundExpr, into: ExprRefs = { columns: new Set(), slots: new Set() }): ExprRefs {
  switch (e.kind) {
    case 'column':
      into.columns.add(e.index);
      break;
    case 'lambda_var':
      into.slots.add(e.slot);
      break;
    case 'literal':
    case 'scalar_subquery':
    case 'exists_subquery':
      break;
    case 'in_subquery':
      if (e.input) exprRefs(e.input, into);
      break;
    case 'call':
    case 'and':
    case 'or':
    case 'coalesce':
      for (const a of e.args) exprRefs(a, into);
      break;
    case 'cast':
      exprRefs(e.input, into);
      break;
    case 'case':
      for (const b of e.branches) {
        exprRefs(b.when, into);
        exprRefs(b.then, into);
      }
      if (e.otherwise) exprRefs(e.otherwise, into);
      break;
    case 'lambda':
      exprRefs(e.body, into);
      break;
  }
  return into;
}
