/** The function library as the evaluator sees it: executor/functions' registry behind FunctionLookup. */
import { unsupported } from '../../src/common/errors.js';
import { typeToSql } from '../../src/common/types/data-type.js';
import type { FunctionLookup } from './function-lookup.js';

export const defaultFunctions: FunctionLookup = {
  scalar: () => undefined,
  aggregate: () => undefined,
  higherOrder: () => undefined,
  cast: (_value, from, to) => unsupported(`cast from ${typeToSql(from)} to ${typeToSql(to)}`),
};
