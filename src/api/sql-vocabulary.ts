/** Words a shell can offer for completion: SQL keywords and registered function names. */
import { NON_RESERVED_KEYWORDS, RESERVED_KEYWORDS } from '../../grammar/keywords.js';
import { functionNames } from '../../planner/functions/registry.js';

let cached: readonly string[] | undefined;

export function sqlVocabulary(): readonly string[] {
  cached ??= [...new Set([...RESERVED_KEYWORDS, ...NON_RESERVED_KEYWORDS, ...functionNames()].map((w) => w.toLowerCase()))].sort();
  return cached;
}
