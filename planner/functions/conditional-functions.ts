/**
 * Typing of conditional functions: coalesce/nvl/ifnull, nullif, nvl2, if, greatest, least.
 * The binder rewrites the lazy ones into case/coalesce nodes; the signatures type them and the
 * kernels exist for direct calls.
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import { BOOLEAN, typeToSql, type DataType } from '../../src/common/types/data-type.js';
import { checkArgCount, customFunction } from './define-function.js';
import type { FunctionSignature, ResolveOptions } from './function-signature.js';
import { implicitCast } from './implicit-cast.js';
import { findWiderCommonType } from './type-coercion.js';

/** The common type of `types` or TYPE_MISMATCH naming the function. */
export function commonTypeOf(name: string, types: readonly DataType[], options: ResolveOptions): DataType {
  const t = findWiderCommonType(types, options.ansi);
  if (!t) throw new DeltaSqlError('TYPE_MISMATCH', `${name}: no common type for ${types.map(typeToSql).join(', ')}`);
  return t;
}

function variadicCommon(name: string, min: number): FunctionSignature {
  return customFunction(name, (argTypes, options) => {
    checkArgCount(name, argTypes.length, min, Infinity);
    const t = commonTypeOf(name, argTypes, options);
    if (t.kind === 'map' && (name === 'greatest' || name === 'least')) throw new DeltaSqlError('TYPE_MISMATCH', `${name}: map values cannot be ordered`);
    return { argTypes: argTypes.map(() => t), returnType: t, nullable: false };
  });
}

function fixedCommon(name: string, canonical: string): FunctionSignature {
  return customFunction(
    name,
    (argTypes, options) => {
      checkArgCount(name, argTypes.length, 2, 2);
      const t = commonTypeOf(name, argTypes, options);
      return { argTypes: [t, t], returnType: t, nullable: true };
    },
    'scalar',
    true,
    canonical,
  );
}

const nullif = customFunction('nullif', (argTypes, options) => {
  checkArgCount('nullif', argTypes.length, 2, 2);
  const t = commonTypeOf('nullif', argTypes, options);
  return { argTypes: [t, t], returnType: t, nullable: true };
});

const nvl2 = customFunction('nvl2', (argTypes, options) => {
  checkArgCount('nvl2', argTypes.length, 3, 3);
  const t = commonTypeOf('nvl2', argTypes.slice(1), options);
  return { argTypes: [argTypes[0]!, t, t], returnType: t, nullable: true };
});

const ifFn = customFunction('if', (argTypes, options) => {
  checkArgCount('if', argTypes.length, 3, 3);
  const cond = implicitCast(argTypes[0]!, BOOLEAN, options.ansi);
  if (!cond || cond.kind !== 'boolean') throw new DeltaSqlError('TYPE_MISMATCH', `if: the condition must be boolean, not ${typeToSql(argTypes[0]!)}`);
  const t = commonTypeOf('if', argTypes.slice(1), options);
  return { argTypes: [BOOLEAN, t, t], returnType: t, nullable: true };
});

export const CONDITIONAL_FUNCTIONS: readonly FunctionSignature[] = [
  variadicCommon('coalesce', 1),
  fixedCommon('nvl', 'coalesce'),
  nullif,
  nvl2,
  ifFn,
  variadicCommon('greatest', 2),
  variadicCommon('least', 2),
];
