/**
 * After a commit: every `delta.checkpointInterval` versions (default 10) write a checkpoint of the
 * committed version, then clean up expired log files. Failures here never undo the commit.
 */
import type { ObjectStore } from '../../storage/object-store.js';
import { loadSnapshot } from '../snapshot.js';
import { writeCheckpoint } from './checkpoint/checkpoint-writer.js';
import { cleanupExpiredLogs } from './checkpoint/log-cleanup.js';
import { checkpointInterval } from './checkpoint/retention.js';

export function shouldCheckpoint(version: number, configuration: Readonly<Record<string, string | null>>): boolean {
  return version > 0 && version % checkpointInterval(configuration) === 0;
}

export function postCommitHook(store: ObjectStore, configuration: Readonly<Record<string, string | null>>): (version: number) => Promise<void> {
  return async (version: number) => {
    if (!shouldCheckpoint(version, configuration)) return;
    const snapshot = await loadSnapshot(store, { version });
    await writeCheckpoint(store, snapshot);
    await cleanupExpiredLogs(store, snapshot.metadata.configuration);
  };
}
