/** Signatures of string functions (Spark names; aliases in function-aliases.ts). */
import { DeltaSqlError } from '../../src/common/errors.js';
import { BINARY, BOOLEAN, INT, LONG, STRING, arrayOf, typeToSql, type DataType } from '../../src/common/types/data-type.js';
import { checkArgCount, coerceArgs, customFunction, defineFunction } from './define-function.js';
import type { FunctionSignature } from './function-signature.js';
import { ANY, NUMERIC, STRING_OR_BINARY } from './implicit-cast.js';

const S = STRING;
const fn = (name: string, args: DataType[], returns: DataType, optional = 0, nullable = false): FunctionSignature =>
  defineFunction({ name, args, returns, optional, nullable });

/** concat: strings (or binaries, or arrays when every argument is an array). */
const concat = customFunction('concat', (argTypes, o) => {
  if (argTypes.length > 0 && argTypes.every((t) => t.kind === 'array' || t.kind === 'null')) {
    const elems = argTypes.filter((t) => t.kind === 'array');
    if (elems.length === 0) return { argTypes, returnType: arrayOf(S), nullable: false };
    const common = argTypes.reduce<DataType>((acc, t) => (t.kind === 'array' ? t : acc), elems[0]!);
    for (const t of elems)
      if (JSON.stringify(t) !== JSON.stringify(common)) throw new DeltaSqlError('TYPE_MISMATCH', `concat: arrays of different types ${typeToSql(t)} and ${typeToSql(common)}`);
    return { argTypes: argTypes.map(() => common), returnType: common, nullable: false };
  }
  const allBinary = argTypes.length > 0 && argTypes.every((t) => t.kind === 'binary');
  const target = allBinary ? BINARY : S;
  return { argTypes: coerceArgs('concat', argTypes, argTypes.map(() => target), o.ansi), returnType: target, nullable: false };
});

/** concat_ws(sep, str or array<str>, ...): NULL arguments are skipped. */
const concatWs = customFunction('concat_ws', (argTypes, o) => {
  checkArgCount('concat_ws', argTypes.length, 1, Infinity);
  const types = argTypes.map((t, i) => (i > 0 && t.kind === 'array' ? arrayOf(S) : S));
  return { argTypes: coerceArgs('concat_ws', argTypes, types, o.ansi), returnType: S, nullable: false };
});

const length = (name: string): FunctionSignature =>
  customFunction(name, (argTypes, o) => {
    checkArgCount(name, argTypes.length, 1, 1);
    return { argTypes: coerceArgs(name, argTypes, [STRING_OR_BINARY], o.ansi), returnType: INT, nullable: false };
  });

const formatString = customFunction('format_string', (argTypes, o) => {
  checkArgCount('format_string', argTypes.length, 1, Infinity);
  return { argTypes: [coerceArgs('format_string', [argTypes[0]!], [S], o.ansi)[0]!, ...argTypes.slice(1)], returnType: S, nullable: false };
});

const reverse = customFunction('reverse', (argTypes, o) => {
  checkArgCount('reverse', argTypes.length, 1, 1);
  const t = argTypes[0]!;
  if (t.kind === 'array') return { argTypes: [t], returnType: t, nullable: false };
  return { argTypes: coerceArgs('reverse', argTypes, [S], o.ansi), returnType: S, nullable: false };
});

export const STRING_FUNCTIONS: readonly FunctionSignature[] = [
  concat,
  concatWs,
  length('length'),
  length('octet_length'),
  length('bit_length'),
  fn('upper', [S], S),
  fn('lower', [S], S),
  fn('trim', [S, S], S, 1),
  fn('ltrim', [S, S], S, 1),
  fn('rtrim', [S, S], S, 1),
  fn('btrim', [S, S], S, 1),
  fn('lpad', [S, INT, S], S, 1),
  fn('rpad', [S, INT, S], S, 1),
  fn('substring', [S, INT, INT], S, 1),
  fn('left', [S, INT], S),
  fn('right', [S, INT], S),
  fn('replace', [S, S, S], S, 1),
  fn('translate', [S, S, S], S),
  fn('instr', [S, S], INT),
  fn('locate', [S, S, INT], INT, 1),
  fn('split', [S, S, INT], arrayOf(S), 1),
  fn('split_part', [S, S, INT], S),
  reverse,
  fn('repeat', [S, INT], S),
  fn('initcap', [S], S),
  fn('ascii', [S], INT),
  fn('chr', [LONG], S),
  fn('regexp_extract', [S, S, INT], S, 1),
  fn('regexp_extract_all', [S, S, INT], arrayOf(S), 1),
  fn('regexp_replace', [S, S, S, INT], S, 1),
  fn('regexp_count', [S, S], INT),
  fn('regexp_substr', [S, S], S, 0, true),
  fn('regexp_instr', [S, S, INT], INT, 1),
  formatString,
  defineFunction({ name: 'format_number', args: [NUMERIC, INT], returns: S }),
  fn('startswith', [S, S], BOOLEAN),
  fn('endswith', [S, S], BOOLEAN),
  fn('contains', [S, S], BOOLEAN),
  defineFunction({ name: 'base64', args: [BINARY], returns: S }),
  defineFunction({ name: 'unbase64', args: [S], returns: BINARY }),
  defineFunction({ name: 'encode', args: [S, S], returns: BINARY }),
  fn('soundex', [S], S),
  fn('space', [INT], S),
  defineFunction({ name: 'string', args: [ANY], returns: S }),
];
