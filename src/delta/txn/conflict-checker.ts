/**
 * Conflict detection after a lost commit race (Spark's ConflictChecker): each winning commit is
 * checked, in order, for a protocol change, a metadata change, a txn for an appId we depend on,
 * added files that match what we read, removed files we read, and removed files we also remove.
 * Which added files count depends on the isolation level (see `addedFilesToCheck`).
 */
import type { Action, AddAction, CommitInfoAction } from '../actions/action-types.js';
import { decodeLogPath, DeltaFile, type FileContext } from '../delta-file.js';
import {
  concurrentAppend,
  concurrentDeleteDelete,
  concurrentDeleteRead,
  concurrentTransaction,
  metadataChanged,
  protocolChanged,
  type WinningCommit,
} from './conflict-errors.js';
import type { IsolationLevel } from './isolation-level.js';

/** A compiled read predicate over a file's partition values / stats: true if the file may hold rows we read. */
export type FilePredicate = (file: DeltaFile) => boolean;

export interface CurrentTxnInfo {
  readonly isolationLevel: IsolationLevel;
  readonly metadataChanged: boolean;
  readonly creatingTable: boolean;
  readonly readWholeTable: boolean;
  readonly readPredicates: readonly FilePredicate[];
  /** Decoded paths of the files read. */
  readonly readFiles: ReadonlySet<string>;
  /** Decoded paths of the files this transaction removes. */
  readonly removedFiles: ReadonlySet<string>;
  readonly appIds: ReadonlySet<string>;
  readonly domains: ReadonlySet<string>;
}

function winnerOf(version: number, actions: readonly Action[]): WinningCommit {
  const info = actions.find((a): a is CommitInfoAction => a.kind === 'commitInfo');
  return { version, operation: info?.operation };
}

/** Spark: a blind-append winner never conflicts at WriteSerializable; dataChange=false adds never do. */
function addedFilesToCheck(current: CurrentTxnInfo, actions: readonly Action[]): AddAction[] {
  const info = actions.find((a): a is CommitInfoAction => a.kind === 'commitInfo');
  const winnerBlind = info?.raw['isBlindAppend'] === true;
  const adds = actions.filter((a): a is AddAction => a.kind === 'add');
  switch (current.isolationLevel) {
    case 'SnapshotIsolation':
      return [];
    case 'WriteSerializable':
      if (!current.metadataChanged) return winnerBlind ? [] : adds.filter((a) => a.dataChange);
      return winnerBlind ? adds : adds.filter((a) => a.dataChange);
    case 'Serializable':
      return winnerBlind ? adds : adds.filter((a) => a.dataChange);
  }
}

function describePartition(add: AddAction): string {
  const entries = Object.entries(add.partitionValues);
  if (entries.length === 0) return 'the root of the table';
  return `partition [${entries.map(([k, v]) => `${k}=${v ?? 'null'}`).join(', ')}]`;
}

/** Throws the Spark-named conflict error, or returns when our commit can be rebased past `actions`. */
export function checkConflicts(current: CurrentTxnInfo, version: number, actions: readonly Action[], context: FileContext | undefined): void {
  const winner = winnerOf(version, actions);
  if (actions.some((a) => a.kind === 'protocol')) throw protocolChanged(winner, current.creatingTable);
  if (actions.some((a) => a.kind === 'metaData')) throw metadataChanged(winner);
  for (const a of actions) {
    if (a.kind === 'domainMetadata' && current.domains.has(a.domain)) throw metadataChanged(winner, `domain metadata '${a.domain}'`);
  }
  for (const a of actions) {
    if (a.kind === 'txn' && current.appIds.has(a.appId)) throw concurrentTransaction(winner, a.appId);
  }
  const added = addedFilesToCheck(current, actions);
  if (added.length > 0 && (current.readWholeTable || current.readPredicates.length > 0)) {
    for (const add of added) {
      const matches = current.readWholeTable || context === undefined || current.readPredicates.some((p) => p(new DeltaFile(add, context)));
      if (matches) throw concurrentAppend(winner, describePartition(add));
    }
  }
  const removes = actions.filter((a) => a.kind === 'remove');
  for (const r of removes) {
    const path = decodeLogPath(r.path);
    if (current.readFiles.has(path)) throw concurrentDeleteRead(winner, path);
  }
  if (removes.length > 0 && current.readWholeTable) throw concurrentDeleteRead(winner, decodeLogPath(removes[0]?.path ?? ''));
  for (const r of removes) {
    const path = decodeLogPath(r.path);
    if (current.removedFiles.has(path)) throw concurrentDeleteDelete(winner, path);
  }
}
