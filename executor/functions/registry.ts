/**
 * The executor's function registry: canonical name (as planner/functions resolves it) →
 * vectorised kernel. Scalar and aggregate kernels live in per-family files.
 */
import type { AggregateKernel, ScalarKernel } from './kernel.js';
import type { HigherOrderKernel } from '../expr/function-lookup.js';
import { HIGHER_ORDER_KERNELS } from '../kernels/fn/higher-order-kernels.js';
import { SCALAR_KERNEL_FAMILIES, AGGREGATE_KERNEL_FAMILIES } from './kernel-families.js';

export { castColumnar, castData } from '../kernels/cast.js';

const scalars = new Map<string, ScalarKernel>();
for (const family of SCALAR_KERNEL_FAMILIES) for (const [name, k] of Object.entries(family)) scalars.set(name, k);

const aggregates = new Map<string, AggregateKernel>();
for (const family of AGGREGATE_KERNEL_FAMILIES) for (const k of family) aggregates.set(k.name, k);

/** The kernel for a canonical scalar function/operator name. */
export function getScalarKernel(name: string): ScalarKernel | undefined {
  return scalars.get(name);
}

/** The grouped accumulator factory for a canonical aggregate name. */
export function getAggregateKernel(name: string): AggregateKernel | undefined {
  return aggregates.get(name);
}

/** Kernels of higher-order functions (transform, filter, exists, forall, aggregate, zip_with, map_filter...). */
export function getHigherOrderKernel(name: string): HigherOrderKernel | undefined {
  return HIGHER_ORDER_KERNELS[name];
}
