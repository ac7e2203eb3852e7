/** The function library as the evaluator sees it: executor/functions' registry behind FunctionLookup. */
import { castColumnar, getAggregateKernel, getScalarKernel } from '../functions/registry.js';
import type { FunctionLookup } from './function-lookup.js';
import { HIGHER_ORDER_FUNCTIONS } from './higher-order-functions.js';

export const defaultFunctions: FunctionLookup = {
  scalar: getScalarKernel,
  aggregate: getAggregateKernel,
  higherOrder: (name) => HIGHER_ORDER_FUNCTIONS[name],
  cast: castColumnar,
};
