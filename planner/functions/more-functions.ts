/**
 * Signatures of further Spark functions: substring_index, levenshtein, elt, decode (both the
 * charset and the CASE-like form), overlay, try_to_timestamp, map_concat, str_to_map, JSON
 * functions (get_json_object, json_array_length, to_json, from_json), uuid.
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import { BINARY, BOOLEAN, INT, STRING, TIMESTAMP, mapOf, typeToSql, type DataType } from '../../src/common/types/data-type.js';
import { commonTypeOf } from './conditional-functions.js';
import { checkArgCount, coerceArgs, customFunction, defineFunction } from './define-function.js';
import type { FunctionSignature } from './function-signature.js';
import { parseTypeText } from './parse-type-text.js';
import { resolveComparison } from './binary-operator-types.js';
import { NUMERIC } from './implicit-cast.js';

const S = STRING;

/** decode(bin, charset) or decode(expr, search1, result1, ..., [default]). */
const decode = customFunction('decode', (t, o) => {
  checkArgCount('decode', t.length, 2, Infinity);
  if (t.length === 2) return { argTypes: coerceArgs('decode', t, [BINARY, S], o.ansi), returnType: S, nullable: false };
  const searches = [t[0]!, ...t.filter((_, i) => i > 0 && i % 2 === 1 && i < t.length - (t.length % 2 === 0 ? 1 : 0))];
  const key = commonTypeOf('decode', searches, o);
  const results = t.filter((_, i) => i > 0 && (i % 2 === 0 || (t.length % 2 === 0 && i === t.length - 1)));
  const rt = commonTypeOf('decode', results, o);
  const hasDefault = t.length % 2 === 0;
  const argTypes = t.map((_, i) => (i === 0 ? key : hasDefault && i === t.length - 1 ? rt : i % 2 === 1 ? key : rt));
  return { argTypes, returnType: rt, nullable: true };
}, 'scalar', true, 'decode_case');

const elt = customFunction('elt', (t, o) => {
  checkArgCount('elt', t.length, 2, Infinity);
  const rest = t.slice(1).every((x) => x.kind === 'binary') ? BINARY : S;
  return { argTypes: coerceArgs('elt', t, [INT, ...t.slice(1).map(() => rest)], o.ansi), returnType: rest, nullable: true };
});

const mapConcat = customFunction('map_concat', (t, o) => {
  if (t.length === 0) return { argTypes: [], returnType: mapOf(S, S), nullable: false };
  for (const x of t) if (x.kind !== 'map' && x.kind !== 'null') throw new DeltaSqlError('TYPE_MISMATCH', `map_concat: expected maps, got ${typeToSql(x)}`);
  const common = commonTypeOf('map_concat', t, o);
  return { argTypes: t.map(() => common), returnType: common, nullable: false };
});

const fromJson = customFunction('from_json', (t, o) => {
  checkArgCount('from_json', t.length, 2, 3);
  const schema = o.literalArgs[1];
  if (typeof schema !== 'string') throw new DeltaSqlError('INVALID_ARGUMENT', 'from_json: the schema must be a string constant');
  const parsed: DataType = parseTypeText(schema);
  return { argTypes: coerceArgs('from_json', t.slice(0, 2), [S, S], o.ansi), returnType: parsed, nullable: true };
});

const toJson = customFunction('to_json', (t) => {
  checkArgCount('to_json', t.length, 1, 2);
  const k = t[0]!.kind;
  if (k !== 'struct' && k !== 'map' && k !== 'array') throw new DeltaSqlError('TYPE_MISMATCH', `to_json: expected a struct, map or array, got ${typeToSql(t[0]!)}`);
  return { argTypes: [t[0]!], returnType: S, nullable: false };
});

const equalNull = customFunction('equal_null', (t, o) => {
  checkArgCount('equal_null', t.length, 2, 2);
  const c = resolveComparison(t[0]!, t[1]!, o.ansi);
  return { argTypes: [c, c], returnType: BOOLEAN, nullable: false };
}, 'scalar', true, 'eq_null_safe');

const zeroNull = (name: string): FunctionSignature =>
  customFunction(name, (t, o) => {
    checkArgCount(name, t.length, 1, 1);
    const [n] = coerceArgs(name, t, [NUMERIC], o.ansi);
    return { argTypes: [n!], returnType: n!, nullable: name === 'nullifzero' };
  });

export const MORE_FUNCTIONS: readonly FunctionSignature[] = [
  defineFunction({ name: 'substring_index', args: [S, S, INT], returns: S }),
  defineFunction({ name: 'levenshtein', args: [S, S, INT], optional: 1, returns: INT, nullable: true }),
  defineFunction({ name: 'overlay', args: [S, S, INT, INT], optional: 1, returns: S }),
  elt,
  decode,
  defineFunction({ name: 'try_to_timestamp', args: [S, S], optional: 1, returns: TIMESTAMP, nullable: true }),
  mapConcat,
  defineFunction({ name: 'str_to_map', args: [S, S, S], optional: 2, returns: mapOf(S, S) }),
  defineFunction({ name: 'get_json_object', args: [S, S], returns: S, nullable: true }),
  defineFunction({ name: 'json_array_length', args: [S], returns: INT, nullable: true }),
  toJson,
  fromJson,
  defineFunction({ name: 'uuid', args: [], returns: S, deterministic: false }),
  equalNull,
  zeroNull('zeroifnull'),
  zeroNull('nullifzero'),
];
