/** Every function family's signatures, in registration order (operators are registered first by registry.ts). */
import type { FunctionSignature } from './function-signature.js';

export const FUNCTION_FAMILIES: readonly (readonly FunctionSignature[])[] = [];
