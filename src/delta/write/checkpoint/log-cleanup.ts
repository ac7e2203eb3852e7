/**
 * Expired log cleanup (Spark's MetadataCleanup): when `delta.enableExpiredLogCleanup` is on,
 * commits, checkpoints and `.crc` files older than `delta.logRetentionDuration` are deleted, but
 * only below the newest checkpoint that is itself expired, so every version still reachable from
 * a kept checkpoint can be rebuilt.
 */
import type { ObjectStore } from '../../../storage/object-store.js';
import { LOG_DIR, parseLogFileName } from '../../log/log-file-name.js';
import { expiredLogCleanupEnabled, logRetentionMs } from './retention.js';

const CRC = /^(\d{20})\.crc$/;

function versionOf(name: string): number | undefined {
  const parsed = parseLogFileName(name);
  if (parsed !== undefined) return parsed.version;
  const m = CRC.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** Delete expired log files; returns the deleted paths. */
export async function cleanupExpiredLogs(store: ObjectStore, configuration: Readonly<Record<string, string | null>>, now: number = Date.now()): Promise<string[]> {
  if (!expiredLogCleanupEnabled(configuration)) return [];
  const cutoff = now - logRetentionMs(configuration);
  const entries = (await store.list(LOG_DIR)).filter((e) => !e.path.slice(LOG_DIR.length).includes('/'));
  let boundary = -1;
  for (const e of entries) {
    const parsed = parseLogFileName(e.path.slice(LOG_DIR.length));
    if (parsed?.kind === 'checkpoint' && parsed.format === 'classic' && e.lastModified <= cutoff) boundary = Math.max(boundary, parsed.version);
  }
  if (boundary <= 0) return [];
  const deleted: string[] = [];
  for (const e of entries) {
    const v = versionOf(e.path.slice(LOG_DIR.length));
    if (v === undefined || v >= boundary || e.lastModified > cutoff) continue;
    await store.delete(e.path);
    deleted.push(e.path);
  }
  return deleted;
}
