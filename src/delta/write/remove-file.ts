/** Small helpers over a snapshot's files for writes: remove actions, and loading a maybe-missing table. */
import { DeltaSqlError } from '../../common/errors.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { RemoveAction } from '../actions/action-types.js';
import type { DeltaFile } from '../delta-file.js';
import { loadSnapshot, type Snapshot } from '../snapshot.js';

/** The latest snapshot, or undefined when there is no table yet. */
export async function tryLoadSnapshot(store: ObjectStore): Promise<Snapshot | undefined> {
  try {
    return await loadSnapshot(store);
  } catch (error) {
    if (error instanceof DeltaSqlError && error.code === 'TABLE_NOT_FOUND') return undefined;
    throw error;
  }
}

/** A remove for a live file, carrying what the protocol asks (extended metadata, its DV). */
export function removeFile(file: DeltaFile, now: number, dataChange = true): RemoveAction {
  const a = file.add;
  return {
    kind: 'remove',
    path: a.path,
    deletionTimestamp: now,
    dataChange,
    extendedFileMetadata: true,
    partitionValues: a.partitionValues,
    size: a.size,
    stats: undefined,
    tags: a.tags,
    deletionVector: a.deletionVector,
    baseRowId: a.baseRowId,
    defaultRowCommitVersion: a.defaultRowCommitVersion,
  };
}
