/** Signatures of hashing functions: hash (int), xxhash64 (long), md5/sha1/sha2 (hex string), crc32 (long). */
import { BINARY, INT, LONG, STRING } from '../../src/common/types/data-type.js';
import { checkArgCount, customFunction, defineFunction } from './define-function.js';
import type { FunctionSignature } from './function-signature.js';

const variadicHash = (name: string, returns: typeof INT | typeof LONG): FunctionSignature =>
  customFunction(name, (argTypes) => {
    checkArgCount(name, argTypes.length, 1, Infinity);
    return { argTypes, returnType: returns, nullable: false };
  });

export const HASH_FUNCTIONS: readonly FunctionSignature[] = [
  variadicHash('hash', INT),
  variadicHash('xxhash64', LONG),
  defineFunction({ name: 'md5', args: [BINARY], returns: STRING }),
  defineFunction({ name: 'sha1', args: [BINARY], returns: STRING }),
  defineFunction({ name: 'sha2', args: [BINARY, INT], returns: STRING, nullable: true }),
  defineFunction({ name: 'crc32', args: [BINARY], returns: LONG }),
];
