/** The value of an expression the binder needs as a constant (frame offsets, LIMIT, time travel), when it is one. */
import type { BoundExpr } from '../expr/bound-expr.js';
import type { ScalarValue } from '../expr/scalar-value.js';

export function evaluateConstant(e: BoundExpr): ScalarValue | undefined {
  if (e.kind === 'literal') return e.value;
  if (e.kind === 'call' && e.name === 'negate' && e.args.length === 1) {
    const v = evaluateConstant(e.args[0] as BoundExpr);
    if (typeof v === 'number') return -v;
    if (typeof v === 'bigint') return -v;
  }
  if (e.kind === 'cast' && ['byte', 'short', 'int', 'long'].includes(e.input.kind === 'literal' ? e.input.type.kind : '')) {
    const v = evaluateConstant(e.input);
    if ((typeof v === 'number' || typeof v === 'bigint') && (e.type.kind === 'int' || e.type.kind === 'long')) {
      const n = typeof v === 'bigint' ? v : Number.isInteger(v) ? BigInt(v) : undefined;
      if (n === undefined) return undefined;
      return e.type.kind === 'long' ? n : Number(n);
    }
  }
  return undefined;
}
