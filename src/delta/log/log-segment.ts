/**
 * The files needed to rebuild one version: the newest complete checkpoint at or below it, then
 * every commit after it. Log compaction files are listed but not used: they are optional for
 * readers, and real writers have produced them with unreconciled, newest-first action order.
 */
import { DeltaSqlError } from '../../common/errors.js';
import type { ObjectMeta, ObjectStore } from '../../storage/object-store.js';
import { readLastCheckpoint, type LastCheckpoint } from './last-checkpoint.js';
import { listLog, type CheckpointRef, type CommitRef, type LogListing } from './log-listing.js';

/** A commit file (`endVersion` = `version`; wider ranges are reserved for compaction files). */
export interface DeltaLogFile {
  readonly version: number;
  readonly endVersion: number;
  readonly file: ObjectMeta;
}

export interface LogSegment {
  readonly version: number;
  readonly checkpoint: CheckpointRef | undefined;
  /** In version order, after the checkpoint, up to `version`. */
  readonly deltas: readonly DeltaLogFile[];
  /** The commit file of `version` itself, when it exists (commitInfo / in-commit timestamp). */
  readonly lastCommit: CommitRef | undefined;
  readonly listing: LogListing;
}

export interface VersionRange {
  readonly earliest: number;
  readonly latest: number;
}

/** Earliest version that can be rebuilt (0, or the oldest checkpoint) and the latest version. */
export function availableRange(listing: LogListing): VersionRange {
  const firstCommit = listing.commits[0];
  const lastCommit = listing.commits[listing.commits.length - 1];
  const firstCheckpoint = listing.checkpoints[0];
  const lastCheckpoint = listing.checkpoints[listing.checkpoints.length - 1];
  let earliest = Number.POSITIVE_INFINITY;
  if (firstCommit?.version === 0) earliest = 0;
  if (firstCheckpoint !== undefined) earliest = Math.min(earliest, firstCheckpoint.version);
  const latest = Math.max(lastCommit?.version ?? -1, lastCheckpoint?.version ?? -1);
  if (!Number.isFinite(earliest) || latest < 0) {
    throw new DeltaSqlError('CORRUPT_LOG', `the Delta log has no version 0 commit and no checkpoint to start from`);
  }
  return { earliest, latest };
}

function pickCheckpoint(listing: LogListing, target: number, hint: LastCheckpoint | undefined): CheckpointRef | undefined {
  let best: CheckpointRef | undefined;
  for (const cp of listing.checkpoints) {
    if (cp.version > target) break;
    if (best === undefined || cp.version > best.version) best = cp;
    else if (cp.version === best.version && hint?.version === cp.version) {
      // Several checkpoints for one version: prefer the one `_last_checkpoint` names.
      const name = cp.files[0]?.path.split('/').pop();
      if (hint.v2CheckpointPath !== undefined && name === hint.v2CheckpointPath) best = cp;
      else if (hint.parts !== undefined && cp.files.length === hint.parts && best.files.length !== hint.parts) best = cp;
    }
  }
  return best;
}

export function segmentFromListing(listing: LogListing, version: number | undefined, hint?: LastCheckpoint): LogSegment {
  const range = availableRange(listing);
  const target = version ?? range.latest;
  if (!Number.isInteger(target) || target < range.earliest || target > range.latest) {
    throw new DeltaSqlError(
      'VERSION_NOT_FOUND',
      `version ${target} of the table does not exist; available versions are ${range.earliest} to ${range.latest}`,
    );
  }
  const checkpoint = pickCheckpoint(listing, target, hint);
  const start = checkpoint === undefined ? 0 : checkpoint.version + 1;
  const byVersion = new Map<number, CommitRef>();
  for (const c of listing.commits) if (c.version >= start && c.version <= target) byVersion.set(c.version, c);
  const deltas: DeltaLogFile[] = [];
  let v = start;
  while (v <= target) {
    const commit = byVersion.get(v);
    if (commit === undefined) {
      throw new DeltaSqlError(
        'CORRUPT_LOG',
        `the Delta log is missing commit ${v} (needed for version ${target}${checkpoint ? ` after the checkpoint at ${checkpoint.version}` : ''}): versions must be contiguous`,
      );
    }
    deltas.push({ version: v, endVersion: v, file: commit.file });
    v++;
  }
  return { version: target, checkpoint, deltas, lastCommit: listing.commits.find((c) => c.version === target), listing };
}

/** List the log and build the segment for `version` (latest when undefined). */
export async function buildLogSegment(store: ObjectStore, version?: number): Promise<LogSegment> {
  const [listing, hint] = await Promise.all([listLog(store), readLastCheckpoint(store)]);
  return segmentFromListing(listing, version, hint);
}
