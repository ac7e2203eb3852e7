/** Spark's ANSI runtime arithmetic errors, worded like Spark's messages. */
import { DeltaSqlError } from '../../src/common/errors.js';
import { typeToSql, type DataType } from '../../src/common/types/data-type.js';

export function overflowError(what: string, tryFn?: string): DeltaSqlError {
  const hint = tryFn ? `use ${tryFn} to tolerate overflow and return NULL instead, or set spark.sql.ansi.enabled to false` : 'set spark.sql.ansi.enabled to false to bypass this error';
  return new DeltaSqlError('ARITHMETIC_OVERFLOW', `${what} overflow`, { hint });
}

export function divideByZeroError(): DeltaSqlError {
  return new DeltaSqlError('DIVIDE_BY_ZERO', 'Division by zero', {
    hint: 'use try_divide to tolerate divisor being 0 and return NULL instead, or set spark.sql.ansi.enabled to false',
  });
}

/** A decimal that does not fit its precision (Spark's NUMERIC_VALUE_OUT_OF_RANGE). */
export function decimalOverflowError(type: DataType): DeltaSqlError {
  return new DeltaSqlError('ARITHMETIC_OVERFLOW', `value cannot be represented as ${typeToSql(type)}`, {
    hint: 'set spark.sql.ansi.enabled to false to return NULL instead',
  });
}
