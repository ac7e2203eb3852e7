/** The conflict errors, named and worded as Spark names them, each saying what to do. */
import { DeltaSqlError } from '../../common/errors.js';
import type { ErrorCode } from '../../common/error-codes.js';

export interface WinningCommit {
  readonly version: number;
  readonly operation: string | undefined;
}

const RETRY = 'Please try the operation again.';
const DOCS = 'Refer to https://docs.delta.io/latest/concurrency-control.html for more details.';

function conflict(code: ErrorCode, exception: string, text: string, winner: WinningCommit, hint: string): DeltaSqlError {
  const by = `Conflicting commit: version ${winner.version}${winner.operation ? `, operation ${winner.operation}` : ''}.`;
  return new DeltaSqlError(code, `${exception}: ${text}\n${by}\n${DOCS}`, { hint });
}

export function protocolChanged(winner: WinningCommit, creating: boolean): DeltaSqlError {
  const extra = creating
    ? ' This happens when multiple writers are writing to an empty directory. Creating the table ahead of time will avoid this conflict.'
    : '';
  return conflict('PROTOCOL_CHANGED', 'ProtocolChangedException', `The protocol version of the Delta table has been changed by a concurrent update.${extra} ${RETRY}`, winner, 'Retry the statement: it will run against the new protocol.');
}

export function metadataChanged(winner: WinningCommit, what = 'metadata'): DeltaSqlError {
  return conflict('METADATA_CHANGED', 'MetadataChangedException', `The ${what} of the Delta table has been changed by a concurrent update. ${RETRY}`, winner, 'Retry the statement: it will run against the new schema and properties.');
}

export function concurrentTransaction(winner: WinningCommit, appId: string): DeltaSqlError {
  return conflict(
    'CONCURRENT_TRANSACTION',
    'ConcurrentTransactionException',
    `Another writer committed a transaction for application id '${appId}' at the same time. This error occurs when multiple streaming queries are using the same checkpoint to write into this table. Did you run multiple instances of the same streaming query at the same time?`,
    winner,
    'Make sure only one writer uses this application id; then retry.',
  );
}

export function concurrentAppend(winner: WinningCommit, where: string): DeltaSqlError {
  return conflict('CONCURRENT_APPEND', 'ConcurrentAppendException', `Files were added to ${where} by a concurrent update. ${RETRY}`, winner, 'Retry the statement; to avoid this, make the operation condition explicit about the partitions it touches.');
}

export function concurrentDeleteRead(winner: WinningCommit, file: string): DeltaSqlError {
  return conflict('CONCURRENT_DELETE_READ', 'ConcurrentDeleteReadException', `This transaction attempted to read one or more files that were deleted (for example ${file}) by a concurrent update. ${RETRY}`, winner, 'Retry the statement: it will read the table as the concurrent update left it.');
}

export function concurrentDeleteDelete(winner: WinningCommit, file: string): DeltaSqlError {
  return conflict('CONCURRENT_DELETE_DELETE', 'ConcurrentDeleteDeleteException', `This transaction attempted to delete one or more files that were deleted (for example ${file}) by a concurrent update. ${RETRY}`, winner, 'Retry the statement: it will see the rows the concurrent update already removed.');
}
