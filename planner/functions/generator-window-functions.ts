/**
 * Signatures of generators (explode/posexplode/inline and _outer forms: the executor's generate
 * operator implements them) and of window-only functions (the window operator implements them).
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import { BOOLEAN, DOUBLE, INT, typeToSql, type DataType } from '../../src/common/types/data-type.js';
import { checkArgCount, coerceArgs, customFunction } from './define-function.js';
import type { FunctionSignature } from './function-signature.js';

function generated(name: string, t: DataType, withPos: boolean): { readonly name: string; readonly type: DataType }[] {
  const pos = withPos ? [{ name: 'pos', type: INT }] : [];
  if (name.startsWith('inline')) {
    if (t.kind !== 'array' || t.element.kind !== 'struct') throw new DeltaSqlError('TYPE_MISMATCH', `${name}: expected an array of structs, got ${typeToSql(t)}`);
    return t.element.fields.map((f) => ({ name: f.name, type: f.type }));
  }
  if (t.kind === 'array') return [...pos, { name: 'col', type: t.element }];
  if (t.kind === 'map') return [...pos, { name: 'key', type: t.key }, { name: 'value', type: t.value }];
  throw new DeltaSqlError('TYPE_MISMATCH', `${name}: expected an array or map, got ${typeToSql(t)}`);
}

const generator = (name: string, withPos: boolean): FunctionSignature =>
  customFunction(
    name,
    (argTypes) => {
      checkArgCount(name, argTypes.length, 1, 1);
      const cols = generated(name, argTypes[0]!, withPos);
      return { argTypes, returnType: cols[0]?.type ?? INT, nullable: true, generatedColumns: cols };
    },
    'generator',
  );

const win = (name: string, resolve: Parameters<typeof customFunction>[1]): FunctionSignature => customFunction(name, resolve, 'window');

const ranking = (name: string, returns: DataType): FunctionSignature =>
  win(name, (argTypes) => {
    checkArgCount(name, argTypes.length, 0, 0);
    return { argTypes: [], returnType: returns, nullable: false };
  });

/** lag/lead(x[, offset[, default]]): the default is cast to x's type. */
const offsetFn = (name: string): FunctionSignature =>
  win(name, (argTypes, o) => {
    checkArgCount(name, argTypes.length, 1, 3);
    const t = argTypes[0]!;
    const rest = coerceArgs(name, argTypes.slice(1), [INT, t], o.ansi);
    return { argTypes: [t, ...rest], returnType: t, nullable: true };
  });

const valueFn = (name: string, withN: boolean): FunctionSignature =>
  win(name, (argTypes, o) => {
    checkArgCount(name, argTypes.length, withN ? 2 : 1, withN ? 3 : 2);
    const t = argTypes[0]!;
    const rest = coerceArgs(name, argTypes.slice(1), withN ? [INT, BOOLEAN] : [BOOLEAN], o.ansi);
    return { argTypes: [t, ...rest], returnType: t, nullable: true };
  });

export const GENERATOR_WINDOW_FUNCTIONS: readonly FunctionSignature[] = [
  generator('explode', false),
  generator('explode_outer', false),
  generator('posexplode', true),
  generator('posexplode_outer', true),
  generator('inline', false),
  generator('inline_outer', false),
  ranking('row_number', INT),
  ranking('rank', INT),
  ranking('dense_rank', INT),
  ranking('percent_rank', DOUBLE),
  ranking('cume_dist', DOUBLE),
  win('ntile', (argTypes, o) => {
    checkArgCount('ntile', argTypes.length, 1, 1);
    return { argTypes: coerceArgs('ntile', argTypes, [INT], o.ansi), returnType: INT, nullable: false };
  }),
  offsetFn('lag'),
  offsetFn('lead'),
  valueFn('first_value', false),
  valueFn('last_value', false),
  valueFn('nth_value', true),
];
