/**
 * Signatures of aggregate functions: count, sum (long / double / decimal(p+10,s)), avg (double /
 * decimal(p+4,s+4)), min/max, count_if, bool_or/bool_and, stddev/variance families,
 * approx_count_distinct, percentile/percentile_approx/median, first/last, min_by/max_by,
 * collect_list/collect_set, string_agg.
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import {
  BOOLEAN,
  DOUBLE,
  LONG,
  STRING,
  arrayOf,
  isIntegral,
  typeToSql,
  type DataType,
} from '../../src/common/types/data-type.js';
import { checkArgCount, coerceArgs, customFunction, defineFunction } from './define-function.js';
import type { FunctionSignature } from './function-signature.js';
import { ANY, NUMERIC } from './implicit-cast.js';
import { boundedDecimal } from './type-coercion.js';

const agg = (name: string, resolve: Parameters<typeof customFunction>[1], canonical = name): FunctionSignature =>
  customFunction(name, resolve, 'aggregate', true, canonical);

const count = agg('count', (argTypes) => ({ argTypes, returnType: LONG, nullable: false }));

/** sum's result type: long for integrals, double for float/double, decimal(p+10, s). */
export function sumType(t: DataType): DataType {
  if (isIntegral(t)) return LONG;
  if (t.kind === 'decimal') return boundedDecimal(t.precision + 10, t.scale);
  if (t.kind === 'interval') return t;
  return DOUBLE;
}

/** avg's result type: double, or decimal(p+4, s+4). */
export function avgType(t: DataType): DataType {
  if (t.kind === 'decimal') return boundedDecimal(t.precision + 4, t.scale + 4);
  if (t.kind === 'interval') return t;
  return DOUBLE;
}

function numericArg(name: string, argTypes: readonly DataType[], ansi: boolean): DataType {
  checkArgCount(name, argTypes.length, 1, 1);
  const t = argTypes[0]!;
  if (t.kind === 'interval') return t;
  // Spark casts string inputs of sum/avg/stddev to double.
  if (t.kind === 'string') return DOUBLE;
  return coerceArgs(name, argTypes, [NUMERIC], ansi)[0]!;
}

const sum = agg('sum', (argTypes, o) => {
  const t = numericArg('sum', argTypes, o.ansi);
  return { argTypes: [t], returnType: sumType(t), nullable: true };
});
const avg = agg('avg', (argTypes, o) => {
  const t = numericArg('avg', argTypes, o.ansi);
  return { argTypes: [t], returnType: avgType(t), nullable: true };
});

function isOrderable(t: DataType): boolean {
  if (t.kind === 'map') return false;
  if (t.kind === 'array') return isOrderable(t.element);
  if (t.kind === 'struct') return t.fields.every((f) => isOrderable(f.type));
  return true;
}

const minMax = (name: string): FunctionSignature =>
  agg(name, (argTypes) => {
    checkArgCount(name, argTypes.length, 1, 1);
    const t = argTypes[0]!;
    if (!isOrderable(t)) throw new DeltaSqlError('TYPE_MISMATCH', `${name}: ${typeToSql(t)} is not orderable`);
    return { argTypes: [t], returnType: t, nullable: true };
  });

const byFn = (name: string): FunctionSignature =>
  agg(name, (argTypes) => {
    checkArgCount(name, argTypes.length, 2, 2);
    if (!isOrderable(argTypes[1]!)) throw new DeltaSqlError('TYPE_MISMATCH', `${name}: ${typeToSql(argTypes[1]!)} is not orderable`);
    return { argTypes, returnType: argTypes[0]!, nullable: true };
  });

const statistic = (name: string): FunctionSignature =>
  defineFunction({ name, kind: 'aggregate', args: [DOUBLE], returns: DOUBLE, nullable: true });

const boolAgg = (name: string): FunctionSignature => defineFunction({ name, kind: 'aggregate', args: [BOOLEAN], returns: BOOLEAN, nullable: true });

const firstLast = (name: string): FunctionSignature =>
  agg(name, (argTypes) => {
    checkArgCount(name, argTypes.length, 1, 2);
    const rest = argTypes.length === 2 ? [BOOLEAN] : [];
    return { argTypes: [argTypes[0]!, ...rest], returnType: argTypes[0]!, nullable: true };
  });

/** percentile(col, p) / percentile(col, array(p...)) [, frequency]: doubles. */
const percentile = agg('percentile', (argTypes, o) => {
  checkArgCount('percentile', argTypes.length, 2, 3);
  const pt = argTypes[1]!;
  const pType = pt.kind === 'array' ? arrayOf(DOUBLE) : DOUBLE;
  const types = coerceArgs('percentile', argTypes, [DOUBLE, pType, LONG], o.ansi);
  return { argTypes: types, returnType: pType.kind === 'array' ? arrayOf(DOUBLE) : DOUBLE, nullable: true };
});

/** percentile_approx(col, p [, accuracy]): an element of the input (type kept). */
const percentileApprox = agg('percentile_approx', (argTypes, o) => {
  checkArgCount('percentile_approx', argTypes.length, 2, 3);
  const t = argTypes[0]!;
  if (!(isIntegral(t) || t.kind === 'float' || t.kind === 'double' || t.kind === 'decimal' || t.kind === 'date' || t.kind === 'timestamp' || t.kind === 'timestamp_ntz'))
    throw new DeltaSqlError('TYPE_MISMATCH', `percentile_approx: ${typeToSql(t)} is not numeric or datetime`);
  const pType = argTypes[1]!.kind === 'array' ? arrayOf(DOUBLE) : DOUBLE;
  const rest = coerceArgs('percentile_approx', argTypes.slice(1), [pType, INT_T], o.ansi);
  return { argTypes: [t, ...rest], returnType: pType.kind === 'array' ? arrayOf(t) : t, nullable: true };
});
const INT_T: DataType = { kind: 'int' };

const median = agg(
  'median',
  (argTypes, o) => {
    checkArgCount('median', argTypes.length, 1, 1);
    return { argTypes: coerceArgs('median', argTypes, [DOUBLE], o.ansi), returnType: DOUBLE, nullable: true };
  },
);

const collect = (name: string): FunctionSignature =>
  agg(name, (argTypes) => {
    checkArgCount(name, argTypes.length, 1, 1);
    const t = argTypes[0]!;
    if (name === 'collect_set' && t.kind === 'map') throw new DeltaSqlError('TYPE_MISMATCH', 'collect_set: map values cannot be compared');
    return { argTypes: [t], returnType: arrayOf(t, false), nullable: false };
  });

const approxCountDistinct = agg('approx_count_distinct', (argTypes, o) => {
  checkArgCount('approx_count_distinct', argTypes.length, 1, 2);
  const rest = argTypes.length === 2 ? coerceArgs('approx_count_distinct', argTypes.slice(1), [DOUBLE], o.ansi) : [];
  return { argTypes: [argTypes[0]!, ...rest], returnType: LONG, nullable: false };
});

export const AGGREGATE_FUNCTIONS: readonly FunctionSignature[] = [
  count,
  sum,
  avg,
  minMax('min'),
  minMax('max'),
  defineFunction({ name: 'count_if', kind: 'aggregate', args: [BOOLEAN], returns: LONG }),
  boolAgg('bool_or'),
  boolAgg('bool_and'),
  statistic('stddev'),
  statistic('stddev_pop'),
  statistic('variance'),
  statistic('var_pop'),
  approxCountDistinct,
  percentile,
  percentileApprox,
  median,
  firstLast('first'),
  firstLast('last'),
  firstLast('any_value'),
  byFn('min_by'),
  byFn('max_by'),
  collect('collect_list'),
  collect('collect_set'),
  defineFunction({ name: 'string_agg', kind: 'aggregate', args: [STRING, STRING], optional: 1, returns: STRING, nullable: true }),
  defineFunction({ name: 'group_concat', kind: 'aggregate', args: [STRING, STRING], optional: 1, returns: STRING, nullable: true }),
  statistic('skewness'),
  statistic('kurtosis'),
  ...['covar_pop', 'covar_samp', 'corr', 'regr_slope', 'regr_intercept', 'regr_r2', 'regr_avgx', 'regr_avgy', 'regr_sxx', 'regr_syy', 'regr_sxy'].map((name) =>
    defineFunction({ name, kind: 'aggregate', args: [DOUBLE, DOUBLE], returns: DOUBLE, nullable: true }),
  ),
  defineFunction({ name: 'regr_count', kind: 'aggregate', args: [DOUBLE, DOUBLE], returns: LONG }),
  agg('mode', (argTypes) => {
    checkArgCount('mode', argTypes.length, 1, 1);
    return { argTypes, returnType: argTypes[0]!, nullable: true };
  }),
];
