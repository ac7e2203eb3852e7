/** Signatures of bitwise operators (`&`, `|`, `^`, `~`, shifts) and bit_count. */
import { DeltaSqlError } from '../../src/common/errors.js';
import { INT, LONG, isIntegral, typeToSql, type DataType } from '../../src/common/types/data-type.js';
import { checkArgCount, coerceArgs, customFunction } from './define-function.js';
import type { FunctionSignature } from './function-signature.js';
import { INTEGRAL } from './implicit-cast.js';
import { findTightestCommonType } from './type-coercion.js';

function integral(name: string, t: DataType, ansi: boolean): DataType {
  const [c] = coerceArgs(name, [t], [INTEGRAL], ansi);
  if (!c || !isIntegral(c)) throw new DeltaSqlError('TYPE_MISMATCH', `${name}: expected an integral type, got ${typeToSql(t)}`);
  return c;
}

const binary = (name: string): FunctionSignature =>
  customFunction(name, (argTypes, o) => {
    checkArgCount(name, argTypes.length, 2, 2);
    const a = integral(name, argTypes[0]!, o.ansi);
    const b = integral(name, argTypes[1]!, o.ansi);
    const t = findTightestCommonType(a, b, o.ansi) ?? LONG;
    return { argTypes: [t, t], returnType: t, nullable: false };
  });

const shift = (name: string): FunctionSignature =>
  customFunction(name, (argTypes, o) => {
    checkArgCount(name, argTypes.length, 2, 2);
    const a = integral(name, argTypes[0]!, o.ansi);
    // Spark shifts ints and longs; narrower types widen to int.
    const t = a.kind === 'long' ? LONG : INT;
    return { argTypes: [t, coerceArgs(name, [argTypes[1]!], [INT], o.ansi)[0]!], returnType: t, nullable: false };
  });

export const BITWISE_FUNCTIONS: readonly FunctionSignature[] = [
  binary('bit_and'),
  binary('bit_or'),
  binary('bit_xor'),
  customFunction('bit_not', (argTypes, o) => {
    checkArgCount('bit_not', argTypes.length, 1, 1);
    const t = integral('bit_not', argTypes[0]!, o.ansi);
    return { argTypes: [t], returnType: t, nullable: false };
  }),
  shift('shiftleft'),
  shift('shiftright'),
  shift('shiftrightunsigned'),
  customFunction('bit_count', (argTypes, o) => {
    checkArgCount('bit_count', argTypes.length, 1, 1);
    return { argTypes: [integral('bit_count', argTypes[0]!, o.ansi)], returnType: INT, nullable: false };
  }),
];
