/** Signatures of collection functions: constructors, access (element_at, get_item, get_field), array and map functions. */
import { DeltaSqlError } from '../../src/common/errors.js';
import { BOOLEAN, INT, LONG, NULL, STRING, arrayOf, field, mapOf, struct, typeToSql, type ArrayType, type DataType, type MapType } from '../../src/common/types/data-type.js';
import { resolveComparison } from './binary-operator-types.js';
import { commonTypeOf } from './conditional-functions.js';
import { checkArgCount, coerceArgs, customFunction } from './define-function.js';
import type { FunctionSignature, ResolveOptions, ResolvedSignature } from './function-signature.js';
import { findWiderType } from './type-coercion.js';

type Resolution = Omit<ResolvedSignature, 'name'>;
const sig = (name: string, resolve: (t: readonly DataType[], o: ResolveOptions) => Resolution): FunctionSignature => customFunction(name, resolve);

function needArray(name: string, t: DataType): ArrayType {
  if (t.kind === 'array') return t;
  if (t.kind === 'null') return arrayOf(NULL);
  throw new DeltaSqlError('TYPE_MISMATCH', `${name}: expected an array, got ${typeToSql(t)}`);
}

function needMap(name: string, t: DataType): MapType {
  if (t.kind === 'map') return t;
  throw new DeltaSqlError('TYPE_MISMATCH', `${name}: expected a map, got ${typeToSql(t)}`);
}

const arrayCtor = sig('array', (t, o) => {
  const e = t.length === 0 ? NULL : commonTypeOf('array', t, o);
  return { argTypes: t.map(() => e), returnType: arrayOf(e), nullable: false };
});

const mapCtor = sig('map', (t, o) => {
  if (t.length % 2 !== 0) throw new DeltaSqlError('INVALID_ARGUMENT', 'map expects an even number of arguments (key, value pairs)');
  const keys = t.filter((_, i) => i % 2 === 0);
  const vals = t.filter((_, i) => i % 2 === 1);
  const k = keys.length ? commonTypeOf('map', keys, o) : NULL;
  const v = vals.length ? commonTypeOf('map', vals, o) : NULL;
  return { argTypes: t.map((_, i) => (i % 2 === 0 ? k : v)), returnType: mapOf(k, v), nullable: false };
});

const structCtor = sig('struct', (t) => ({ argTypes: t, returnType: struct(t.map((x, i) => field(`col${i + 1}`, x))), nullable: false }));

const namedStruct = sig('named_struct', (t, o) => {
  if (t.length % 2 !== 0) throw new DeltaSqlError('INVALID_ARGUMENT', 'named_struct expects name, value pairs');
  const fields = [];
  for (let i = 0; i < t.length; i += 2) {
    const name = o.literalArgs[i];
    if (typeof name !== 'string') throw new DeltaSqlError('INVALID_ARGUMENT', 'named_struct: field names must be string constants');
    fields.push(field(name, t[i + 1]!));
  }
  return { argTypes: t, returnType: struct(fields), nullable: false };
});

/** element_at(array, 1-based index) / element_at(map, key); get_item is the 0-based `a[i]` / `m[k]` form. */
const access = (name: string): FunctionSignature =>
  sig(name, (t, o) => {
    checkArgCount(name, t.length, 2, 2);
    const c = t[0]!;
    if (c.kind === 'map') {
      // The key is cast to the map's key type (Spark's implicit cast for map lookups).
      return { argTypes: [c, c.key], returnType: c.value, nullable: true };
    }
    const a = needArray(name, c);
    return { argTypes: [a, coerceArgs(name, [t[1]!], [INT], o.ansi)[0]!], returnType: a.element, nullable: true };
  });

const getField = sig('get_field', (t, o) => {
  checkArgCount('get_field', t.length, 2, 2);
  const s = t[0]!;
  const idx = o.literalArgs[1];
  if (s.kind !== 'struct' || typeof idx !== 'number' || !s.fields[idx]) throw new DeltaSqlError('INTERNAL', 'get_field needs a struct and a constant field index');
  return { argTypes: t, returnType: s.fields[idx].type, nullable: true };
});

const size = sig('size', (t) => {
  checkArgCount('size', t.length, 1, 1);
  if (t[0]!.kind !== 'array' && t[0]!.kind !== 'map' && t[0]!.kind !== 'null') throw new DeltaSqlError('TYPE_MISMATCH', `size: expected an array or map, got ${typeToSql(t[0]!)}`);
  return { argTypes: t, returnType: INT, nullable: true };
});

/** f(array, element): the element is compared with the array's elements (common type). */
const arrayAndElement = (name: string, returns: (a: ArrayType) => DataType): FunctionSignature =>
  sig(name, (t, o) => {
    checkArgCount(name, t.length, 2, 2);
    const a = needArray(name, t[0]!);
    const e = resolveComparison(a.element, t[1]!, o.ansi);
    const at = arrayOf(e, a.containsNull);
    return { argTypes: [at, e], returnType: returns(at), nullable: true };
  });

const unaryArray = (name: string, returns: (a: ArrayType) => DataType, nullable = false): FunctionSignature =>
  sig(name, (t) => {
    checkArgCount(name, t.length, 1, 1);
    const a = needArray(name, t[0]!);
    return { argTypes: [a], returnType: returns(a), nullable };
  });

const twoArrays = (name: string, returns: (a: ArrayType) => DataType): FunctionSignature =>
  sig(name, (t, o) => {
    checkArgCount(name, t.length, 2, 2);
    const common = findWiderType(needArray(name, t[0]!), needArray(name, t[1]!), o.ansi);
    if (!common || common.kind !== 'array') throw new DeltaSqlError('TYPE_MISMATCH', `${name}: incompatible arrays ${typeToSql(t[0]!)} and ${typeToSql(t[1]!)}`);
    return { argTypes: [common, common], returnType: returns(common), nullable: false };
  });

const sortArray = sig('sort_array', (t, o) => {
  checkArgCount('sort_array', t.length, 1, 2);
  const a = needArray('sort_array', t[0]!);
  return { argTypes: [a, ...coerceArgs('sort_array', t.slice(1), [BOOLEAN], o.ansi)], returnType: a, nullable: false };
});

const arrayJoin = sig('array_join', (t, o) => {
  checkArgCount('array_join', t.length, 2, 3);
  return { argTypes: coerceArgs('array_join', t, [arrayOf(STRING), STRING, STRING], o.ansi), returnType: STRING, nullable: false };
});

const flatten = unaryArray('flatten', (a) => {
  if (a.element.kind !== 'array') throw new DeltaSqlError('TYPE_MISMATCH', `flatten: expected an array of arrays, got ${typeToSql(a)}`);
  return a.element;
});

const sequence = sig('sequence', (t, o) => {
  checkArgCount('sequence', t.length, 2, 3);
  const base = commonTypeOf('sequence', t.slice(0, 2), o);
  if (base.kind === 'date' || base.kind === 'timestamp' || base.kind === 'timestamp_ntz') {
    if (t.length === 2 && base.kind !== 'date') throw new DeltaSqlError('INVALID_ARGUMENT', 'sequence over timestamps needs an interval step');
    return { argTypes: t.length === 3 ? [base, base, t[2]!] : [base, base], returnType: arrayOf(base, false), nullable: false };
  }
  const e = ['byte', 'short', 'int'].includes(base.kind) ? INT : base.kind === 'long' ? LONG : null;
  if (!e) throw new DeltaSqlError('TYPE_MISMATCH', `sequence: expected integral or datetime bounds, got ${typeToSql(base)}`);
  return { argTypes: t.map(() => e), returnType: arrayOf(e, false), nullable: false };
});

const mapFn = (name: string, returns: (m: MapType) => DataType): FunctionSignature =>
  sig(name, (t) => {
    checkArgCount(name, t.length, 1, 1);
    const m = needMap(name, t[0]!);
    return { argTypes: [m], returnType: returns(m), nullable: false };
  });

const mapContainsKey = sig('map_contains_key', (t) => {
  checkArgCount('map_contains_key', t.length, 2, 2);
  const m = needMap('map_contains_key', t[0]!);
  return { argTypes: [m, m.key], returnType: BOOLEAN, nullable: false };
});

const mapFromArrays = sig('map_from_arrays', (t) => {
  checkArgCount('map_from_arrays', t.length, 2, 2);
  const k = needArray('map_from_arrays', t[0]!);
  const v = needArray('map_from_arrays', t[1]!);
  return { argTypes: [k, v], returnType: mapOf(k.element, v.element), nullable: false };
});

const slice = sig('slice', (t, o) => {
  checkArgCount('slice', t.length, 3, 3);
  const a = needArray('slice', t[0]!);
  return { argTypes: [a, ...coerceArgs('slice', t.slice(1), [INT, INT], o.ansi)], returnType: a, nullable: true };
});

const arrayRepeat = sig('array_repeat', (t, o) => {
  checkArgCount('array_repeat', t.length, 2, 2);
  return { argTypes: [t[0]!, coerceArgs('array_repeat', [t[1]!], [INT], o.ansi)[0]!], returnType: arrayOf(t[0]!), nullable: false };
});

export const COLLECTION_FUNCTIONS: readonly FunctionSignature[] = [
  arrayCtor,
  mapCtor,
  structCtor,
  namedStruct,
  access('element_at'),
  access('try_element_at'),
  access('get_item'),
  getField,
  size,
  arrayAndElement('array_contains', () => BOOLEAN),
  arrayAndElement('array_position', () => LONG),
  arrayAndElement('array_remove', (a) => a),
  arrayAndElement('array_append', (a) => arrayOf(a.element, true)),
  arrayAndElement('array_prepend', (a) => arrayOf(a.element, true)),
  unaryArray('array_distinct', (a) => a),
  unaryArray('array_sort', (a) => a),
  unaryArray('array_compact', (a) => arrayOf(a.element, false)),
  unaryArray('array_min', (a) => a.element, true),
  unaryArray('array_max', (a) => a.element, true),
  unaryArray('array_size', () => INT, true),
  sortArray,
  arrayJoin,
  flatten,
  sequence,
  slice,
  arrayRepeat,
  twoArrays('array_union', (a) => a),
  twoArrays('array_intersect', (a) => a),
  twoArrays('array_except', (a) => a),
  twoArrays('arrays_overlap', () => BOOLEAN),
  mapFn('map_keys', (m) => arrayOf(m.key, false)),
  mapFn('map_values', (m) => arrayOf(m.value, m.valueContainsNull)),
  mapFn('map_entries', (m) => arrayOf(struct([field('key', m.key, false), field('value', m.value)]), false)),
  mapContainsKey,
  mapFromArrays,
];
