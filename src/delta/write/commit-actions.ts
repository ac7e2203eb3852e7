/**
 * The generic commit for statements that compute their own actions (DELETE, UPDATE, MERGE,
 * OPTIMIZE, RESTORE ...): protocol gating, `delta.appendOnly`, then an optimistic transaction
 * with conflict checks and the post-commit checkpoint.
 */
import { DeltaSqlError } from '../../common/errors.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { Action } from '../actions/action-types.js';
import type { Snapshot } from '../snapshot.js';
import type { Operation } from '../txn/operation.js';
import { Transaction, type CommitResult, type ReadInfo } from '../txn/transaction.js';
import { postCommitHook } from './post-commit.js';
import { checkWriteSupported } from './writer-features.js';

export interface CommitActionsOptions {
  readonly maxAttempts?: number | undefined;
}

export function isAppendOnly(configuration: Readonly<Record<string, string | null>>): boolean {
  return configuration['delta.appendOnly']?.toLowerCase() === 'true';
}

/** Spark's DeltaUnsupportedOperationException for appendOnly tables. */
export function appendOnlyViolation(table: string): DeltaSqlError {
  return new DeltaSqlError('UNSUPPORTED', `This table is configured to only allow appends (delta.appendOnly = true): cannot remove or update data in ${table}`, {
    hint: "To allow updates or deletes, run ALTER TABLE ... SET TBLPROPERTIES ('delta.appendOnly' = 'false').",
  });
}

export function checkAppendOnly(snapshot: Snapshot, actions: readonly Action[]): void {
  const config = actions.find((a) => a.kind === 'metaData')?.configuration ?? snapshot.metadata.configuration;
  // Spark checks the table as it was read: turning appendOnly off is itself allowed.
  if (!isAppendOnly(snapshot.metadata.configuration) || !isAppendOnly(config)) return;
  if (actions.some((a) => a.kind === 'remove' && a.dataChange)) throw appendOnlyViolation(snapshot.store.root);
}

export async function commitActions(
  store: ObjectStore,
  snapshot: Snapshot,
  actions: readonly Action[],
  operation: Operation,
  readInfo: ReadInfo = {},
  options: CommitActionsOptions = {},
): Promise<CommitResult> {
  checkWriteSupported(snapshot.protocol, store.root);
  checkAppendOnly(snapshot, actions);
  const txn = new Transaction(store, snapshot).markRead(readInfo).addActions(...actions);
  const configuration = txn.newMetadata?.configuration ?? snapshot.metadata.configuration;
  return txn.commit(operation, { maxAttempts: options.maxAttempts, postCommit: postCommitHook(store, configuration) });
}
