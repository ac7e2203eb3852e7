/**
 * Stable error codes (ARCHITECTURE.md §7). Codes are part of the public API:
 * add new ones freely, never rename or reuse one.
 */
export const ERROR_CODES = [
  // Input the user can fix
  'SYNTAX_ERROR',
  'UNKNOWN_COLUMN',
  'AMBIGUOUS_COLUMN',
  'UNKNOWN_FUNCTION',
  'TYPE_MISMATCH',
  'INVALID_ARGUMENT',
  'ANALYSIS_ERROR',
  'UNSUPPORTED',
  'TABLE_NOT_FOUND',
  'TABLE_ALREADY_EXISTS',
  'VIEW_NOT_FOUND',
  'VERSION_NOT_FOUND',
  'FILE_NOT_FOUND',
  // Runtime data errors (Spark ANSI semantics)
  'DIVIDE_BY_ZERO',
  'ARITHMETIC_OVERFLOW',
  'CAST_INVALID_INPUT',
  'INVALID_ARRAY_INDEX',
  // A scalar subquery returned more than one row (Spark: SCALAR_SUBQUERY_TOO_MANY_ROWS).
  'SCALAR_SUBQUERY_TOO_MANY_ROWS',
  // Delta semantics
  'CHECK_CONSTRAINT_VIOLATED',
  'NOT_NULL_VIOLATED',
  'SCHEMA_MISMATCH',
  'MERGE_DUPLICATE_MATCH',
  'PROTOCOL_UNSUPPORTED',
  'PROTOCOL_CHANGED',
  'METADATA_CHANGED',
  'CONCURRENT_APPEND',
  'CONCURRENT_DELETE_READ',
  'CONCURRENT_DELETE_DELETE',
  'CONCURRENT_TRANSACTION',
  'CORRUPT_LOG',
  'CORRUPT_DATA',
  // Environment
  'IO',
  'CANCELLED',
  // A bug in deltasql: no user input may reach it.
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
