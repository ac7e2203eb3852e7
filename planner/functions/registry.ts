/**
 * The planner's function registry: name (case-insensitive, Spark aliases included) →
 * FunctionSignature. The binder raises UNKNOWN_FUNCTION when lookupFunction returns undefined.
 */
import type { FunctionSignature } from './function-signature.js';
import { FUNCTION_ALIASES } from './function-aliases.js';
import { ARITHMETIC_FUNCTIONS } from './arithmetic-functions.js';
import { COMPARISON_FUNCTIONS } from './comparison-functions.js';
import { FUNCTION_FAMILIES } from './function-families.js';

const registry = new Map<string, FunctionSignature>();

function register(list: readonly FunctionSignature[]): void {
  for (const f of list) registry.set(f.name, f);
}

register(ARITHMETIC_FUNCTIONS);
register(COMPARISON_FUNCTIONS);
for (const family of FUNCTION_FAMILIES) register(family);
for (const [alias, canonical] of Object.entries(FUNCTION_ALIASES)) {
  const f = registry.get(canonical);
  if (f && !registry.has(alias)) registry.set(alias, f);
}

/** The signature for a function or operator name, or undefined when none exists. */
export function lookupFunction(name: string): FunctionSignature | undefined {
  return registry.get(name.toLowerCase());
}

/** Every registered name (canonical names and aliases), for "did you mean" hints and SHOW FUNCTIONS. */
export function functionNames(): string[] {
  return [...registry.keys()].sort();
}
