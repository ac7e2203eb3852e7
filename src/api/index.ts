/**
 * deltasql's public API: the only entry point of the package.
 *
 * @example
 * ```ts
 * import { Session } from 'deltasql';
 * const session = await Session.create({ warehouse: './warehouse' });
 * const result = await session.sql('SELECT 1 AS one');
 * console.log(result.rows()); // [{ one: 1 }]
 * await session.close();
 * ```
 */
export { Session, type SessionOptions, type QueryStream } from './session.js';
export { QueryResult } from './query-result.js';
export { SessionConfig } from './session-config.js';
export type { SqlParam, SqlParams } from './session-params.js';
export { DeltaTable, type DeltaTableOpenOptions, type DeltaScanOptions } from './delta-table.js';
export { DeltaSqlError, isDeltaSqlError, type SourcePosition, type SerializedDeltaSqlError } from '../common/errors.js';
export type { ErrorCode } from '../common/error-codes.js';
export type { DataType, StructField } from '../common/types/data-type.js';
export type { StorageOptions, S3Credentials } from '../storage/open-store.js';
