/**
 * Typing of higher-order functions (transform, filter, exists, forall, aggregate/reduce,
 * zip_with, map_filter, transform_keys, transform_values). The binder binds lambdas itself:
 * `lambdaParameterTypes` gives the parameter types for the lambda at `index` before its body is
 * bound; `resolveHigherOrder` types the call once every lambda's body type is known.
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import { BOOLEAN, INT, NULL, arrayOf, mapOf, typeToSql, type DataType } from '../../src/common/types/data-type.js';

export const HIGHER_ORDER_FUNCTIONS: ReadonlySet<string> = new Set([
  'transform', 'filter', 'exists', 'forall', 'aggregate', 'reduce', 'zip_with', 'map_filter', 'transform_keys', 'transform_values',
]);

function elem(name: string, t: DataType | undefined): DataType {
  if (t?.kind === 'array') return t.element;
  if (t?.kind === 'null') return NULL;
  throw new DeltaSqlError('TYPE_MISMATCH', `${name}: expected an array argument, got ${t ? typeToSql(t) : 'nothing'}`);
}

function mapKV(name: string, t: DataType | undefined): [DataType, DataType] {
  if (t?.kind === 'map') return [t.key, t.value];
  throw new DeltaSqlError('TYPE_MISMATCH', `${name}: expected a map argument, got ${t ? typeToSql(t) : 'nothing'}`);
}

/**
 * Parameter types of the lambda at argument position `index` with `arity` parameters.
 * `argTypes[i]` is the type of each non-lambda argument (undefined at lambda positions);
 * `accType` is aggregate's accumulator type (the zero's type, or the merge lambda's type).
 */
export function lambdaParameterTypes(name: string, argTypes: readonly (DataType | undefined)[], index: number, arity: number, accType?: DataType): DataType[] {
  const n = name.toLowerCase();
  switch (n) {
    case 'transform':
    case 'filter':
    case 'exists':
    case 'forall':
      return arity === 2 ? [elem(n, argTypes[0]), INT] : [elem(n, argTypes[0])];
    case 'aggregate':
    case 'reduce':
      return index === 2 ? [accType ?? argTypes[1] ?? NULL, elem(n, argTypes[0])] : [accType ?? argTypes[1] ?? NULL];
    case 'zip_with':
      return [elem(n, argTypes[0]), elem(n, argTypes[1])];
    case 'map_filter':
    case 'transform_keys':
    case 'transform_values':
      return mapKV(n, argTypes[0]);
    default:
      throw new DeltaSqlError('UNKNOWN_FUNCTION', `${name} is not a higher-order function`);
  }
}

/** The call's result type; `argTypes` holds each argument's type, a lambda's being its body type. */
export function resolveHigherOrder(name: string, argTypes: readonly DataType[]): DataType {
  const n = name.toLowerCase();
  const lambdaBool = (i: number): void => {
    if (argTypes[i]?.kind !== 'boolean' && argTypes[i]?.kind !== 'null') throw new DeltaSqlError('TYPE_MISMATCH', `${n}: the lambda must return boolean`);
  };
  switch (n) {
    case 'transform':
      return arrayOf(argTypes[1]!);
    case 'filter':
      lambdaBool(1);
      return argTypes[0]!.kind === 'null' ? arrayOf(NULL) : argTypes[0]!;
    case 'exists':
    case 'forall':
      lambdaBool(1);
      return BOOLEAN;
    case 'aggregate':
    case 'reduce':
      return argTypes[3] ?? argTypes[2]!;
    case 'zip_with':
      return arrayOf(argTypes[2]!);
    case 'map_filter':
      lambdaBool(1);
      return argTypes[0]!;
    case 'transform_keys':
      return mapOf(argTypes[1]!, mapKV(n, argTypes[0])[1]);
    case 'transform_values':
      return mapOf(mapKV(n, argTypes[0])[0], argTypes[1]!);
    default:
      throw new DeltaSqlError('UNKNOWN_FUNCTION', `${name} is not a higher-order function`);
  }
}
