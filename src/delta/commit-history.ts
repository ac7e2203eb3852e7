/**
 * Table history from the commits' `commitInfo` actions, newest first (DESCRIBE HISTORY's source).
 * Versions whose commit files were cleaned up are not listed.
 */
import type { ObjectStore } from '../storage/object-store.js';
import { readCommitInfo } from './log/commit-timestamps.js';
import type { LogListing } from './log/log-listing.js';

export interface CommitInfoRow {
  readonly version: number;
  /** In-commit timestamp when recorded, else commitInfo.timestamp, else the file time. */
  readonly timestamp: Date;
  readonly operation: string | undefined;
  readonly operationParameters: Readonly<Record<string, unknown>>;
  readonly operationMetrics: Readonly<Record<string, unknown>>;
  readonly engineInfo: string | undefined;
  readonly isBlindAppend: boolean | undefined;
  readonly readVersion: number | undefined;
  readonly isolationLevel: string | undefined;
  readonly userMetadata: string | undefined;
  /** The whole commitInfo object as written. */
  readonly raw: Readonly<Record<string, unknown>>;
}

function objectField(raw: Readonly<Record<string, unknown>>, key: string): Readonly<Record<string, unknown>> {
  const v = raw[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function optional<T>(v: unknown, type: 'string' | 'number' | 'boolean'): T | undefined {
  return typeof v === type ? (v as T) : undefined;
}

export async function readHistory(store: ObjectStore, listing: LogListing, maxVersion: number, limit?: number): Promise<CommitInfoRow[]> {
  const commits = listing.commits.filter((c) => c.version <= maxVersion).reverse();
  const picked = limit === undefined ? commits : commits.slice(0, Math.max(0, limit));
  return Promise.all(
    picked.map(async (c) => {
      const info = await readCommitInfo(store, c);
      const raw = info?.raw ?? {};
      const ts = info?.inCommitTimestamp ?? info?.timestamp ?? c.file.lastModified;
      return {
        version: c.version,
        timestamp: new Date(ts),
        operation: info?.operation,
        operationParameters: objectField(raw, 'operationParameters'),
        operationMetrics: objectField(raw, 'operationMetrics'),
        engineInfo: optional<string>(raw['engineInfo'], 'string'),
        isBlindAppend: optional<boolean>(raw['isBlindAppend'], 'boolean'),
        readVersion: optional<number>(raw['readVersion'], 'number'),
        isolationLevel: optional<string>(raw['isolationLevel'], 'string'),
        userMetadata: optional<string>(raw['userMetadata'], 'string'),
        raw,
      };
    }),
  );
}
