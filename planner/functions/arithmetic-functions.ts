/**
 * Signatures of the arithmetic operators (add subtract multiply divide div mod pmod negate
 * positive) and their datetime forms (date ± days, date - date, timestamp ± interval).
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import { DATE, INT, TIMESTAMP, isIntegral, isNumeric, typeToSql, type DataType } from '../../src/common/types/data-type.js';
import { resolveArithmetic, type ArithmeticOp } from './binary-operator-types.js';
import { checkArgCount, customFunction } from './define-function.js';
import type { FunctionSignature, ResolveOptions, ResolvedSignature } from './function-signature.js';
import { widerTimestamp } from './type-coercion.js';

const DAY_TIME: DataType = { kind: 'interval', unit: 'day_time' };

const isTs = (t: DataType): boolean => t.kind === 'timestamp' || t.kind === 'timestamp_ntz';

/** Datetime forms of + and -, or undefined when the operands are not datetime/interval. */
function resolveDatetime(op: ArithmeticOp, a: DataType, b: DataType): Omit<ResolvedSignature, 'name'> | undefined {
  const res = (l: DataType, r: DataType, t: DataType): Omit<ResolvedSignature, 'name'> => ({ argTypes: [l, r], returnType: t, nullable: false });
  if (op !== 'add' && op !== 'subtract') return undefined;
  if (a.kind === 'date' && isIntegral(b) && b.kind !== 'long') return res(DATE, INT, DATE);
  if (op === 'add' && isIntegral(a) && a.kind !== 'long' && b.kind === 'date') return res(INT, DATE, DATE);
  if (op === 'subtract' && a.kind === 'date' && b.kind === 'date') return res(DATE, DATE, DAY_TIME);
  if (op === 'subtract' && (isTs(a) || a.kind === 'date') && (isTs(b) || b.kind === 'date') && (isTs(a) || isTs(b))) {
    const t = widerTimestamp(isTs(a) ? a : b, isTs(b) ? b : a);
    return res(t, t, DAY_TIME);
  }
  if ((isTs(a) || a.kind === 'date') && b.kind === 'interval') {
    const t = a.kind === 'date' && b.unit === 'year_month' ? DATE : a.kind === 'date' ? TIMESTAMP : a;
    return res(t, b, t);
  }
  if (op === 'add' && a.kind === 'interval' && (isTs(b) || b.kind === 'date')) {
    const t = b.kind === 'date' && a.unit === 'year_month' ? DATE : b.kind === 'date' ? TIMESTAMP : b;
    return res(a, t, t);
  }
  if (a.kind === 'interval' && b.kind === 'interval' && a.unit === b.unit) return res(a, b, a);
  if (a.kind === 'interval' || b.kind === 'interval') {
    if ((op as string) === 'multiply') return undefined;
    throw new DeltaSqlError('TYPE_MISMATCH', `cannot apply ${op} to ${typeToSql(a)} and ${typeToSql(b)}`);
  }
  return undefined;
}

function arithmetic(op: ArithmeticOp): FunctionSignature {
  return customFunction(op, (argTypes, options: ResolveOptions) => {
    checkArgCount(op, argTypes.length, 2, 2);
    const [a, b] = argTypes as [DataType, DataType];
    const dt = resolveDatetime(op, a, b);
    if (dt) return dt;
    const t = resolveArithmetic(op, { type: a, literal: options.literalArgs[0] }, { type: b, literal: options.literalArgs[1] }, options.ansi);
    // Division, div and modulo by zero are NULL outside ANSI mode.
    const nullable = op === 'divide' || op === 'div' || op === 'mod' || op === 'pmod';
    return { argTypes: [t.left, t.right], returnType: t.result, nullable };
  });
}

function unary(name: 'negate' | 'positive'): FunctionSignature {
  return customFunction(name, (argTypes, options) => {
    checkArgCount(name, argTypes.length, 1, 1);
    let t = argTypes[0]!;
    if (t.kind === 'string' || t.kind === 'null') t = { kind: 'double' };
    if (!isNumeric(t) && t.kind !== 'interval')
      throw new DeltaSqlError('TYPE_MISMATCH', `cannot apply ${name} to ${typeToSql(t)}`);
    void options;
    return { argTypes: [t], returnType: t, nullable: false };
  });
}

export const ARITHMETIC_FUNCTIONS: readonly FunctionSignature[] = [
  arithmetic('add'),
  arithmetic('subtract'),
  arithmetic('multiply'),
  arithmetic('divide'),
  arithmetic('div'),
  arithmetic('mod'),
  arithmetic('pmod'),
  unary('negate'),
  unary('positive'),
];

