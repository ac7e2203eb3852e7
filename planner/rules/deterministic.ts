/** Whether an expression gives the same value every time for the same input (safe to fold or move). */
import type { BoundExpr } from '../expr/bound-expr.js';
import { someExpr } from '../expr/expr-utils.js';
import { lookupFunction } from '../functions/registry.js';

export function isDeterministic(e: BoundExpr): boolean {
  return !someExpr(e, (x) => x.kind === 'call' && lookupFunction(x.name)?.deterministic === false);
}
