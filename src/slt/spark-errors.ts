/**
 * Expected errors in Spark golden files: an exception class line plus a JSON payload with the
 * `errorClass`. Where a Spark error class has a clear deltasql counterpart, the error code must
 * be one of the mapped codes; any other user error satisfies an unmapped class.
 */
import type { ErrorCode } from '../common/error-codes.js';
import { isDeltaSqlError } from '../common/errors.js';
import { errorText } from './expected-error.js';

export interface SparkExpectedError {
  readonly exceptionClass: string;
  readonly errorClass?: string;
}

const EXCEPTION_LINE = /^[\w.$]+(?:Exception|Error)$/;

/** The expected error of a block, or undefined when the block expects a result. */
export function sparkExpectedError(schema: string, output: string): SparkExpectedError | undefined {
  if (schema !== 'struct<>' || output === '') return undefined;
  const first = output.split('\n', 1)[0]?.trim() ?? '';
  if (!EXCEPTION_LINE.test(first)) return undefined;
  const errorClass = /"errorClass"\s*:\s*"([^"]+)"/.exec(output)?.[1];
  return { exceptionClass: first, ...(errorClass !== undefined ? { errorClass } : {}) };
}

/** Spark error class (its first segment) → the deltasql codes that mean the same thing. */
const CLASS_TO_CODES: Readonly<Record<string, readonly ErrorCode[]>> = {
  DIVIDE_BY_ZERO: ['DIVIDE_BY_ZERO'],
  INTERVAL_DIVIDED_BY_ZERO: ['DIVIDE_BY_ZERO'],
  ARITHMETIC_OVERFLOW: ['ARITHMETIC_OVERFLOW'],
  BINARY_ARITHMETIC_OVERFLOW: ['ARITHMETIC_OVERFLOW'],
  NUMERIC_VALUE_OUT_OF_RANGE: ['ARITHMETIC_OVERFLOW'],
  CAST_OVERFLOW: ['ARITHMETIC_OVERFLOW'],
  CAST_INVALID_INPUT: ['CAST_INVALID_INPUT'],
  INVALID_ARRAY_INDEX: ['INVALID_ARRAY_INDEX'],
  INVALID_ARRAY_INDEX_IN_ELEMENT_AT: ['INVALID_ARRAY_INDEX'],
  UNRESOLVED_COLUMN: ['UNKNOWN_COLUMN'],
  AMBIGUOUS_REFERENCE: ['AMBIGUOUS_COLUMN'],
  UNRESOLVED_ROUTINE: ['UNKNOWN_FUNCTION'],
  TABLE_OR_VIEW_NOT_FOUND: ['TABLE_NOT_FOUND', 'VIEW_NOT_FOUND'],
  TABLE_OR_VIEW_ALREADY_EXISTS: ['TABLE_ALREADY_EXISTS'],
  PARSE_SYNTAX_ERROR: ['SYNTAX_ERROR'],
  PARSE_EMPTY_STATEMENT: ['SYNTAX_ERROR'],
  DATATYPE_MISMATCH: ['TYPE_MISMATCH', 'ANALYSIS_ERROR'],
};

export function codesForSparkClass(errorClass: string): readonly ErrorCode[] | undefined {
  return CLASS_TO_CODES[errorClass.split('.')[0] ?? ''];
}

/** Why `error` does not satisfy the expected Spark error, or undefined when it does. */
export function sparkErrorMismatch(error: unknown, expected: SparkExpectedError, checkClass: boolean): string | undefined {
  if (!isDeltaSqlError(error)) return `expected ${expected.errorClass ?? expected.exceptionClass}, got a non-deltasql exception (a bug): ${errorText(error)}`;
  if (error.code === 'INTERNAL') return `expected ${expected.errorClass ?? expected.exceptionClass}, got an internal error (a bug): ${error.message}`;
  if (!checkClass || expected.errorClass === undefined) return undefined;
  const codes = codesForSparkClass(expected.errorClass);
  if (codes === undefined || codes.includes(error.code)) return undefined;
  return `expected ${expected.errorClass} (${codes.join(' or ')}), got ${errorText(error)}`;
}

/** Our error written in the shape of Spark's error output, for --complete. */
export function sparkErrorOutput(error: unknown): string {
  const code = isDeltaSqlError(error) ? error.code : 'INTERNAL';
  const message = error instanceof Error ? error.message : String(error);
  return [
    'deltasql.DeltaSqlError',
    '{',
    `  "errorClass" : ${JSON.stringify(code)},`,
    '  "messageParameters" : {',
    `    "message" : ${JSON.stringify(message)}`,
    '  }',
    '}',
  ].join('\n');
}
