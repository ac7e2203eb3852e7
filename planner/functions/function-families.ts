/** Every function family's signatures, in registration order (operators are registered first by registry.ts). */
import type { FunctionSignature } from './function-signature.js';
import { AGGREGATE_FUNCTIONS } from './aggregate-functions.js';
import { CONDITIONAL_FUNCTIONS } from './conditional-functions.js';
import { STRING_FUNCTIONS } from './string-functions.js';
import { MATH_FUNCTIONS } from './math-functions.js';
import { HASH_FUNCTIONS } from './hash-functions.js';
import { DATETIME_FUNCTIONS } from './datetime-functions.js';
import { COLLECTION_FUNCTIONS } from './collection-functions.js';
import { GENERATOR_WINDOW_FUNCTIONS } from './generator-window-functions.js';
import { BITWISE_FUNCTIONS } from './bitwise-functions.js';
import { MORE_FUNCTIONS } from './more-functions.js';
import { CAST_FUNCTIONS } from './cast-functions.js';

export const FUNCTION_FAMILIES: readonly (readonly FunctionSignature[])[] = [
  CONDITIONAL_FUNCTIONS,
  STRING_FUNCTIONS, MATH_FUNCTIONS, HASH_FUNCTIONS, DATETIME_FUNCTIONS,
  COLLECTION_FUNCTIONS,
  BITWISE_FUNCTIONS,
  MORE_FUNCTIONS,
  CAST_FUNCTIONS,
  AGGREGATE_FUNCTIONS,
  GENERATOR_WINDOW_FUNCTIONS,
];
