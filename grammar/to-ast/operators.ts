import type { IToken } from 'chevrotain';
import type { BinaryOperator, Expr } from '../ast/expressions.js';

/** Spark's binding strength of value operators (higher binds tighter); all are left-associative. */
const PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
  '*': 8,
  '/': 8,
  '%': 8,
  DIV: 8,
  '+': 7,
  '-': 7,
  '||': 7,
  '<<': 6,
  '>>': 6,
  '>>>': 6,
  '&': 5,
  '^': 4,
  '|': 3,
  '=': 2,
  '<>': 2,
  '<': 2,
  '<=': 2,
  '>': 2,
  '>=': 2,
  '<=>': 2,
  AND: 1,
  OR: 0,
};

export function precedenceOf(op: BinaryOperator): number {
  return PRECEDENCE[op];
}

/**
 * Fold `e0 op1 e1 op2 e2 …` into a tree by precedence (shunting-yard, iterative so long chains
 * cannot overflow the stack).
 */
export function foldBinary(first: Expr, ops: readonly BinaryOperator[], rest: readonly Expr[]): Expr {
  if (ops.length === 0) return first;
  const operands: Expr[] = [first];
  const stack: BinaryOperator[] = [];
  const reduce = (): void => {
    const op = stack.pop() as BinaryOperator;
    const right = operands.pop() as Expr;
    const left = operands.pop() as Expr;
    operands.push({ kind: 'binaryOp', op, left, right, span: { start: left.span.start, end: right.span.end } });
  };
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as BinaryOperator;
    const p = PRECEDENCE[op];
    while (stack.length > 0 && PRECEDENCE[stack[stack.length - 1] as BinaryOperator] >= p) reduce();
    stack.push(op);
    operands.push(rest[i] as Expr);
  }
  while (stack.length > 0) reduce();
  return operands[0] as Expr;
}

export type OpToken = IToken;
