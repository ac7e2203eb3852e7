/** Every kernel family, in registration order (a later family may not redefine a name). */
import type { AggregateKernel, ScalarKernel } from './kernel.js';
import { ARITHMETIC_KERNELS } from '../kernels/arith-kernels.js';
import { COMPARISON_KERNELS } from '../kernels/compare-scalar.js';
import { PREDICATE_KERNELS } from '../kernels/fn/predicate-kernels.js';
import { CONDITIONAL_KERNELS } from '../kernels/fn/conditional-kernels.js';
import { STRING_KERNELS } from '../kernels/string-kernels.js';
import { MATH_KERNELS } from '../kernels/fn/math-kernels.js';
import { HASH_KERNELS } from '../kernels/hash-functions.js';
import { HLL_KERNELS } from '../kernels/fn/agg-hll.js';
import { DATE_KERNELS } from '../kernels/date-kernels.js';
import { COLLECTION_KERNELS } from '../kernels/fn/collection-kernels.js';
import { BITWISE_KERNELS } from '../kernels/fn/bitwise-kernels.js';
import { MORE_KERNELS } from '../kernels/fn/more-kernels.js';
import { JSON_KERNELS } from '../kernels/fn/json-kernels.js';
import { COMOMENT_KERNELS } from '../kernels/fn/agg-comoments.js';
import { COUNT_SUM_KERNELS } from '../kernels/fn/agg-count-sum.js';
import { MIN_MAX_KERNELS } from '../kernels/fn/agg-min-max.js';
import { STATISTICS_KERNELS } from '../kernels/fn/agg-statistics.js';
import { COLLECT_KERNELS } from '../kernels/fn/agg-collect.js';

export const SCALAR_KERNEL_FAMILIES: readonly Readonly<Record<string, ScalarKernel>>[] = [
  ARITHMETIC_KERNELS,
  COMPARISON_KERNELS,
  PREDICATE_KERNELS,
  CONDITIONAL_KERNELS,
  STRING_KERNELS,
  MATH_KERNELS,
  HASH_KERNELS,
  DATE_KERNELS,
  COLLECTION_KERNELS,
  BITWISE_KERNELS,
  MORE_KERNELS,
  JSON_KERNELS,
];

export const AGGREGATE_KERNEL_FAMILIES: readonly (readonly AggregateKernel[])[] = [
  COUNT_SUM_KERNELS,
  MIN_MAX_KERNELS,
  STATISTICS_KERNELS,
  COLLECT_KERNELS,
  HLL_KERNELS,
  COMOMENT_KERNELS,
];
