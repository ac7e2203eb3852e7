/**
 * The versions a change-data read covers: bounds given as versions or timestamps (a start
 * timestamp means the first commit at or after it, an end timestamp the last commit at or
 * before it), checked against the retained commits.
 */
import { DeltaSqlError } from '../../common/errors.js';
import type { CommitRef, LogListing } from '../log/log-listing.js';
import { toEpochMillis } from '../snapshot.js';

export interface ChangeRangeOptions {
  readonly startVersion?: number | undefined;
  readonly endVersion?: number | undefined;
  readonly startTimestamp?: Date | string | number | undefined;
  readonly endTimestamp?: Date | string | number | undefined;
}

export interface ChangeRange {
  readonly start: number;
  readonly end: number;
  /** Commit time (epoch ms) per version in the range, from file times made increasing. */
  readonly fileTimes: ReadonlyMap<number, number>;
  readonly commits: readonly CommitRef[];
}

export function resolveChangeRange(listing: LogListing, options: ChangeRangeOptions): ChangeRange {
  if ((options.startVersion === undefined) === (options.startTimestamp === undefined)) {
    throw new DeltaSqlError('INVALID_ARGUMENT', 'reading the change data feed needs exactly one of a start version or a start timestamp');
  }
  if (options.endVersion !== undefined && options.endTimestamp !== undefined) {
    throw new DeltaSqlError('INVALID_ARGUMENT', 'give either an end version or an end timestamp for the change data feed, not both');
  }
  const commits = listing.commits;
  const last = commits[commits.length - 1];
  if (last === undefined) throw new DeltaSqlError('VERSION_NOT_FOUND', 'the table has no commits to read changes from');
  const times = new Map<number, number>();
  let prev = Number.NEGATIVE_INFINITY;
  for (const c of commits) {
    const t = Math.max(Math.floor(c.file.lastModified), prev + 1);
    times.set(c.version, t);
    prev = t;
  }
  let start: number;
  if (options.startVersion !== undefined) start = options.startVersion;
  else {
    const ts = toEpochMillis(options.startTimestamp ?? 0);
    const found = commits.find((c) => (times.get(c.version) ?? 0) >= ts);
    if (found === undefined) {
      throw new DeltaSqlError('VERSION_NOT_FOUND', `The provided timestamp (${new Date(ts).toISOString()}) is after the latest version available to this table (${last.version}).`);
    }
    start = found.version;
  }
  let end = last.version;
  if (options.endVersion !== undefined) end = Math.min(options.endVersion, last.version);
  else if (options.endTimestamp !== undefined) {
    const ts = toEpochMillis(options.endTimestamp);
    const before = commits.filter((c) => (times.get(c.version) ?? 0) <= ts);
    end = before[before.length - 1]?.version ?? -1;
  }
  if (!Number.isInteger(start) || start < 0 || start > last.version) {
    throw new DeltaSqlError('VERSION_NOT_FOUND', `Provided start version (${start}) for reading change data is invalid: the table has versions up to ${last.version}.`);
  }
  const first = commits[0];
  if (first === undefined || start < first.version) {
    throw new DeltaSqlError('VERSION_NOT_FOUND', `the commit of version ${start} is no longer retained; changes are available from version ${first?.version ?? 0}`);
  }
  if (end < start) {
    throw new DeltaSqlError('INVALID_ARGUMENT', `the change data feed end (version ${end}) is before its start (version ${start})`);
  }
  return { start, end, fileTimes: times, commits: commits.filter((c) => c.version >= start && c.version <= end) };
}
