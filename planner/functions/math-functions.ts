/** Signatures of math functions (abs, ceil/floor, round/bround, logs, trig, hex/bin/conv, rand...). */
import { DeltaSqlError } from '../../src/common/errors.js';
import { BINARY, BOOLEAN, DOUBLE, INT, LONG, STRING, decimal, isIntegral, isNumeric, typeToSql, type DataType } from '../../src/common/types/data-type.js';
import { ARITHMETIC_FUNCTIONS } from './arithmetic-functions.js';
import { checkArgCount, coerceArgs, customFunction, defineFunction } from './define-function.js';
import type { FunctionSignature } from './function-signature.js';
import { ANY, NUMERIC } from './implicit-cast.js';

const D = DOUBLE;
const unaryDouble = (name: string, nullable = false): FunctionSignature => defineFunction({ name, args: [D], returns: D, nullable });

function numericArg(name: string, argTypes: readonly DataType[], ansi: boolean): DataType {
  const t = argTypes[0]!;
  if (t.kind === 'string' || t.kind === 'null') return D;
  const [c] = coerceArgs(name, [t], [NUMERIC], ansi);
  return c!;
}

const abs = customFunction('abs', (argTypes, o) => {
  checkArgCount('abs', argTypes.length, 1, 1);
  const t = argTypes[0]!.kind === 'interval' ? argTypes[0]! : numericArg('abs', argTypes, o.ansi);
  return { argTypes: [t], returnType: t, nullable: false };
});

/** ceil/floor: long for integral and fractional inputs, decimal(p-s+1, 0) for decimals. */
const ceilFloor = (name: string): FunctionSignature =>
  customFunction(name, (argTypes, o) => {
    checkArgCount(name, argTypes.length, 1, 2);
    const t = numericArg(name, argTypes, o.ansi);
    if (argTypes.length === 2) {
      const scale = o.literalArgs[1];
      if (typeof scale !== 'number' && typeof scale !== 'bigint') throw new DeltaSqlError('INVALID_ARGUMENT', `${name}: the scale must be an integer constant`);
      const s = Number(scale);
      const dt = t.kind === 'decimal' ? t : t.kind === 'float' || t.kind === 'double' ? decimal(30, 15) : decimal(20, 0);
      const intDigits = dt.precision - dt.scale + 1;
      const rt = s < 0 ? decimal(Math.min(38, intDigits - s), 0) : decimal(Math.min(38, intDigits + Math.min(dt.scale, s)), Math.min(dt.scale, s));
      return { argTypes: [dt, INT], returnType: rt, nullable: false };
    }
    const rt = t.kind === 'decimal' ? decimal(Math.min(38, t.precision - t.scale + 1), 0) : LONG;
    return { argTypes: [t], returnType: rt, nullable: false };
  });

/** round/bround(x, d): type kept; decimals get Spark's RoundBase precision/scale. */
const round = (name: string): FunctionSignature =>
  customFunction(name, (argTypes, o) => {
    checkArgCount(name, argTypes.length, 1, 2);
    const t = numericArg(name, argTypes, o.ansi);
    const lit = o.literalArgs[1];
    if (argTypes.length === 2 && typeof lit !== 'number' && typeof lit !== 'bigint')
      throw new DeltaSqlError('INVALID_ARGUMENT', `${name}: the scale must be an integer constant`);
    const d = argTypes.length === 2 ? Number(lit) : 0;
    let rt: DataType = t;
    if (t.kind === 'decimal') {
      const intDigits = t.precision - t.scale + 1;
      rt = d < 0 ? decimal(Math.min(38, intDigits - d), 0) : decimal(Math.min(38, intDigits + Math.min(t.scale, d)), Math.min(t.scale, d));
    }
    return { argTypes: argTypes.length === 2 ? [t, INT] : [t], returnType: rt, nullable: false };
  });

const hex = customFunction('hex', (argTypes, o) => {
  checkArgCount('hex', argTypes.length, 1, 1);
  const t = argTypes[0]!;
  const arg = isIntegral(t) ? LONG : t.kind === 'binary' ? BINARY : coerceArgs('hex', argTypes, [STRING], o.ansi)[0]!;
  return { argTypes: [arg], returnType: STRING, nullable: false };
});

const sign = customFunction('sign', (argTypes, o) => {
  checkArgCount('sign', argTypes.length, 1, 1);
  if (!isNumeric(argTypes[0]!) && argTypes[0]!.kind !== 'string' && argTypes[0]!.kind !== 'null')
    throw new DeltaSqlError('TYPE_MISMATCH', `sign: ${typeToSql(argTypes[0]!)} is not numeric`);
  return { argTypes: coerceArgs('sign', argTypes, [D], o.ansi), returnType: D, nullable: false };
});

const rand = (name: string, returns: DataType): FunctionSignature =>
  defineFunction({ name, args: [LONG], optional: 1, returns, deterministic: false });

/** try_add / try_subtract / try_multiply / try_divide / try_mod: the operator typed, NULL instead of errors. */
const tryForms: FunctionSignature[] = ['add', 'subtract', 'multiply', 'divide', 'mod'].map((op) => {
  const base = ARITHMETIC_FUNCTIONS.find((f) => f.name === op)!;
  return customFunction(`try_${op}`, (argTypes, o) => {
    const r = base.resolve(argTypes, o);
    return { argTypes: r.argTypes, returnType: r.returnType, nullable: true };
  });
});

export const MATH_FUNCTIONS: readonly FunctionSignature[] = [
  abs,
  ceilFloor('ceil'),
  ceilFloor('floor'),
  round('round'),
  round('bround'),
  unaryDouble('sqrt'),
  unaryDouble('cbrt'),
  unaryDouble('exp'),
  unaryDouble('expm1'),
  unaryDouble('ln', true),
  unaryDouble('log10', true),
  unaryDouble('log2', true),
  unaryDouble('log1p', true),
  defineFunction({ name: 'log', args: [D, D], optional: 1, returns: D, nullable: true }),
  defineFunction({ name: 'pow', args: [D, D], returns: D }),
  sign,
  rand('rand', D),
  rand('randn', D),
  defineFunction({ name: 'pi', args: [], returns: D }),
  defineFunction({ name: 'e', args: [], returns: D }),
  ...['degrees', 'radians', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'cot', 'sec', 'csc', 'asinh', 'acosh', 'atanh', 'rint'].map((n) =>
    unaryDouble(n),
  ),
  defineFunction({ name: 'atan2', args: [D, D], returns: D }),
  defineFunction({ name: 'hypot', args: [D, D], returns: D }),
  hex,
  defineFunction({ name: 'unhex', args: [STRING], returns: BINARY, nullable: true }),
  defineFunction({ name: 'bin', args: [LONG], returns: STRING }),
  defineFunction({ name: 'conv', args: [STRING, INT, INT], returns: STRING, nullable: true }),
  defineFunction({ name: 'width_bucket', args: [D, D, D, LONG], returns: LONG, nullable: true }),
  defineFunction({ name: 'factorial', args: [INT], returns: LONG, nullable: true }),
  defineFunction({ name: 'isnan', args: [D], returns: BOOLEAN }),
  defineFunction({ name: 'nanvl', args: [D, D], returns: D }),
  defineFunction({ name: 'negative', canonical: 'negate', args: [NUMERIC], returns: (t) => t[0]! }),
  defineFunction({ name: 'typeof', args: [ANY], returns: STRING }),
  ...tryForms,
];
