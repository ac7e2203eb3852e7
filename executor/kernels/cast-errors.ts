/** Errors raised by ANSI casts, worded like Spark's CAST_INVALID_INPUT / CAST_OVERFLOW. */
import { DeltaSqlError } from '../../src/common/errors.js';
import { typeToSql, type DataType } from '../../src/common/types/data-type.js';

export function castInvalidInput(text: string, to: DataType): DeltaSqlError {
  return new DeltaSqlError('CAST_INVALID_INPUT', `The value '${text}' of the type "STRING" cannot be cast to "${typeToSql(to).toUpperCase()}" because it is malformed`, {
    hint: 'correct the value as per the syntax, or use try_cast to tolerate malformed input and return NULL instead',
  });
}

export function castOverflow(value: string, from: DataType, to: DataType): DeltaSqlError {
  return new DeltaSqlError('ARITHMETIC_OVERFLOW', `The value ${value} of the type "${typeToSql(from).toUpperCase()}" cannot be cast to "${typeToSql(to).toUpperCase()}" due to an overflow`, {
    hint: 'use try_cast to tolerate overflow and return NULL instead',
  });
}

/** Marker a parser returns for input it cannot read. */
export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;
