/**
 * Signatures of comparison, boolean-test, pattern and membership operators:
 * eq ne lt le gt ge eq_null_safe, not, is_null..., like/ilike/rlike, in.
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import { BOOLEAN, STRING, typeToSql, type DataType } from '../../src/common/types/data-type.js';
import { resolveComparison } from './binary-operator-types.js';
import { checkArgCount, customFunction, defineFunction } from './define-function.js';
import type { FunctionSignature } from './function-signature.js';
import { ANY } from './implicit-cast.js';
import { findWiderCommonType } from './type-coercion.js';

function isOrderable(t: DataType): boolean {
  if (t.kind === 'map') return false;
  if (t.kind === 'array') return isOrderable(t.element);
  if (t.kind === 'struct') return t.fields.every((f) => isOrderable(f.type));
  return true;
}

function comparison(name: string, ordering: boolean): FunctionSignature {
  return customFunction(name, (argTypes, options) => {
    checkArgCount(name, argTypes.length, 2, 2);
    const t = resolveComparison(argTypes[0]!, argTypes[1]!, options.ansi);
    if (ordering && !isOrderable(t)) throw new DeltaSqlError('TYPE_MISMATCH', `${name}: type ${typeToSql(t)} is not orderable`);
    if (t.kind === 'map') throw new DeltaSqlError('TYPE_MISMATCH', `${name}: map values cannot be compared`);
    return { argTypes: [t, t], returnType: BOOLEAN, nullable: false };
  });
}

const boolTest = (name: string): FunctionSignature =>
  defineFunction({ name, args: [BOOLEAN], returns: BOOLEAN });

const nullTest = (name: string): FunctionSignature => defineFunction({ name, args: [ANY], returns: BOOLEAN });

/** like/ilike(str, pattern[, escape char]). */
const pattern = (name: string): FunctionSignature => defineFunction({ name, args: [STRING, STRING, STRING], optional: 1, returns: BOOLEAN });

const inList = customFunction('in', (argTypes, options) => {
  checkArgCount('in', argTypes.length, 2, Infinity);
  // IN's common type: Spark's InConversion widens value and list together.
  let t = findWiderCommonType(argTypes, options.ansi);
  if (!t) {
    try {
      t = argTypes.slice(1).reduce((acc, x) => resolveComparison(acc, x, options.ansi), argTypes[0]!);
    } catch {
      throw new DeltaSqlError('TYPE_MISMATCH', `IN: cannot compare ${argTypes.map(typeToSql).join(', ')}`);
    }
  }
  return { argTypes: argTypes.map(() => t), returnType: BOOLEAN, nullable: false };
});

export const COMPARISON_FUNCTIONS: readonly FunctionSignature[] = [
  comparison('eq', false),
  comparison('ne', false),
  comparison('eq_null_safe', false),
  comparison('lt', true),
  comparison('le', true),
  comparison('gt', true),
  comparison('ge', true),
  defineFunction({ name: 'not', args: [BOOLEAN], returns: BOOLEAN }),
  nullTest('is_null'),
  nullTest('is_not_null'),
  boolTest('is_true'),
  boolTest('is_false'),
  boolTest('is_not_true'),
  boolTest('is_not_false'),
  pattern('like'),
  pattern('ilike'),
  defineFunction({ name: 'rlike', args: [STRING, STRING], returns: BOOLEAN }),
  inList,
];
