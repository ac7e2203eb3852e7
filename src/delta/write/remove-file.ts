/** The `remove` action for a live file of a snapshot. */
import type { RemoveAction } from '../actions/action-types.js';
import type { DeltaFile } from '../delta-file.js';

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
