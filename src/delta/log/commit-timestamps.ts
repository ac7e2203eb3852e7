/**
 * Commit timestamps for time travel: in-commit timestamps (commitInfo.inCommitTimestamp) where
 * the writer recorded them, else file modification times made strictly increasing (as Spark does).
 */
import { DeltaSqlError } from '../../common/errors.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { CommitInfoAction } from '../actions/action-types.js';
import type { CommitRef, LogListing } from './log-listing.js';
import { availableRange } from './log-segment.js';
import { readJsonActions } from './read-json-actions.js';

export async function readCommitInfo(store: ObjectStore, commit: CommitRef): Promise<CommitInfoAction | undefined> {
  const actions = await readJsonActions(store, commit.file.path);
  for (const a of actions) if (a.kind === 'commitInfo') return a;
  return undefined;
}

async function inCommitTimestamp(store: ObjectStore, commit: CommitRef): Promise<number | undefined> {
  return (await readCommitInfo(store, commit))?.inCommitTimestamp;
}

function monotonic(commits: readonly CommitRef[]): number[] {
  const out: number[] = [];
  let prev = Number.NEGATIVE_INFINITY;
  for (const c of commits) {
    const t = Math.max(c.file.lastModified, prev + 1);
    out.push(t);
    prev = t;
  }
  return out;
}

/** Largest index i in [lo, hi) with pred(i) true, given pred is true then false; lo - 1 when none. */
async function lastTrue(lo: number, hi: number, pred: (i: number) => Promise<boolean>): Promise<number> {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (await pred(mid)) a = mid + 1;
    else b = mid;
  }
  return a - 1;
}

/** The latest version whose commit timestamp is at or before `timestampMs`. */
export async function versionAtTimestamp(store: ObjectStore, listing: LogListing, timestampMs: number): Promise<number> {
  const range = availableRange(listing);
  const commits = listing.commits.filter((c) => c.version >= range.earliest);
  const last = commits[commits.length - 1];
  if (last === undefined) throw new DeltaSqlError('VERSION_NOT_FOUND', `the table has no commits to time travel to`);
  const mtimes = monotonic(commits);
  // In-commit timestamps hold from some version on; find where they start (none if the latest lacks one).
  let ictStart = commits.length;
  const ictCache = new Map<number, number | undefined>();
  const ict = async (i: number): Promise<number | undefined> => {
    if (!ictCache.has(i)) ictCache.set(i, await inCommitTimestamp(store, commits[i] as CommitRef));
    return ictCache.get(i);
  };
  if ((await ict(commits.length - 1)) !== undefined) {
    ictStart = (await lastTrue(0, commits.length - 1, async (i) => (await ict(i)) === undefined)) + 1;
  }
  const tsAt = async (i: number): Promise<number> => (i >= ictStart ? ((await ict(i)) ?? mtimes[i] ?? 0) : (mtimes[i] ?? 0));
  const idx = await lastTrue(0, commits.length, async (i) => (await tsAt(i)) <= timestampMs);
  if (idx < 0) {
    const earliest = await tsAt(0);
    throw new DeltaSqlError(
      'VERSION_NOT_FOUND',
      `timestamp ${new Date(timestampMs).toISOString()} is before the earliest available commit (version ${commits[0]?.version} at ${new Date(earliest).toISOString()})`,
    );
  }
  return (commits[idx] as CommitRef).version;
}
