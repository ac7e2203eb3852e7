/**
 * VACUUM [RETAIN n HOURS] [DRY RUN] (Spark's VacuumCommand): delete the files under the table
 * root that no version inside the retention window references: neither the latest snapshot
 * (data files and their deletion vectors) nor a tombstone younger than the retention. Files
 * newer than the retention are kept too (an in-flight write may be about to commit them).
 * Hidden paths and `_delta_log` are never touched; `_change_data` is. Spark's VACUUM START /
 * VACUUM END commits record the run.
 */
import { DeltaSqlError } from '../../common/errors.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { DeletionVectorDescriptor } from '../actions/action-types.js';
import { relativeDeletionVectorPath } from '../deletion-vectors/load-deletion-vector.js';
import { canonicalFileKey } from '../file-location.js';
import { decodeLogPath } from '../delta-file.js';
import { loadSnapshot, type Snapshot } from '../snapshot.js';
import { deletedFileRetentionMs } from '../write/checkpoint/retention.js';
import { commitActions } from '../write/commit-actions.js';
import { isHiddenPath } from './hidden-path.js';

export interface VacuumOptions {
  /** RETAIN n HOURS; default: the table's `delta.deletedFileRetentionDuration` (7 days). */
  readonly retentionHours?: number | undefined;
  readonly dryRun?: boolean | undefined;
  /** `spark.databricks.delta.retentionDurationCheck.enabled` (default true). */
  readonly retentionCheck?: boolean | undefined;
  /** Clock for the retention cut-off (epoch ms); default Date.now. */
  readonly now?: number | undefined;
}

export interface VacuumResult {
  readonly dryRun: boolean;
  /** Table-relative paths deleted (or, in a dry run, that would be). */
  readonly files: readonly string[];
  readonly numFilesToDelete: number;
  readonly sizeOfDataToDelete: number;
  readonly numDeletedFiles: number;
  readonly numVacuumedDirectories: number;
}

const HOUR_MS = 3600000;

function retentionError(tableHours: number): DeltaSqlError {
  return new DeltaSqlError(
    'INVALID_ARGUMENT',
    'requirement failed: Are you sure you would like to vacuum files with such a low retention period? If you have writers that are currently writing to this table, there is a risk that you may corrupt the state of your Delta table.\n\n' +
      'If you are certain that there are no operations being performed on this table, such as insert/upsert/delete/optimize, then you may turn off this check by setting:\n' +
      'spark.databricks.delta.retentionDurationCheck.enabled = false\n\n' +
      `If you are not sure, please use a value not less than "${tableHours} hours".`,
  );
}

function dvPath(root: string, dv: DeletionVectorDescriptor | undefined): string | undefined {
  if (dv === undefined || dv.storageType === 'i') return undefined;
  if (dv.storageType === 'p') return canonicalFileKey(root, dv.pathOrInlineDv);
  const rel = relativeDeletionVectorPath(dv.pathOrInlineDv);
  return `${rel.dir}${rel.name}`;
}

/** Every table-relative path a version inside the window still needs. */
function validFiles(snapshot: Snapshot, cutoff: number): Set<string> {
  const root = snapshot.store.root;
  const valid = new Set<string>();
  const keep = (path: string, dv: DeletionVectorDescriptor | undefined): void => {
    valid.add(canonicalFileKey(root, decodeLogPath(path)));
    const d = dvPath(root, dv);
    if (d !== undefined) valid.add(d);
  };
  for (const f of snapshot.files()) keep(f.add.path, f.deletionVector);
  for (const t of snapshot.tombstones) if ((t.deletionTimestamp ?? 0) > cutoff) keep(t.path, t.deletionVector);
  return valid;
}

export async function vacuum(store: ObjectStore, options: VacuumOptions = {}): Promise<VacuumResult> {
  const snapshot = await loadSnapshot(store);
  const tableRetention = deletedFileRetentionMs(snapshot.metadata.configuration);
  const hours = options.retentionHours;
  if (hours !== undefined && (!Number.isFinite(hours) || hours < 0)) {
    throw new DeltaSqlError('INVALID_ARGUMENT', `VACUUM retention must be a non-negative number of hours, got ${hours}`);
  }
  const retention = hours === undefined ? tableRetention : hours * HOUR_MS;
  const checkEnabled = options.retentionCheck ?? true;
  if (checkEnabled && retention < tableRetention) throw retentionError(tableRetention / HOUR_MS);
  const now = options.now ?? Date.now();
  const cutoff = now - retention;
  const valid = validFiles(snapshot, cutoff);
  const partitionColumns = snapshot.partitionColumns;

  const dirs = new Set<string>(['']);
  const doomed: { path: string; size: number }[] = [];
  for (const meta of await store.list('')) {
    if (isHiddenPath(meta.path, partitionColumns)) continue;
    for (let i = meta.path.indexOf('/'); i >= 0; i = meta.path.indexOf('/', i + 1)) dirs.add(meta.path.slice(0, i));
    if (valid.has(meta.path) || meta.lastModified >= cutoff) continue;
    doomed.push({ path: meta.path, size: meta.size });
  }
  const size = doomed.reduce((s, f) => s + f.size, 0);
  const files = doomed.map((f) => f.path);
  const base = { files, numFilesToDelete: files.length, sizeOfDataToDelete: size, numVacuumedDirectories: dirs.size };
  if (options.dryRun === true) return { dryRun: true, numDeletedFiles: 0, ...base };

  const startParameters = {
    retentionCheckEnabled: checkEnabled,
    ...(hours !== undefined ? { specifiedRetentionMillis: retention } : {}),
    defaultRetentionMillis: tableRetention,
  };
  await commitActions(store, snapshot, [], {
    name: 'VACUUM START',
    parameters: startParameters,
    metrics: { numFilesToDelete: files.length, sizeOfDataToDelete: size },
  });
  let deleted = 0;
  const end = async (status: 'COMPLETED' | 'FAILED'): Promise<void> => {
    await commitActions(store, await loadSnapshot(store), [], {
      name: 'VACUUM END',
      parameters: { status },
      metrics: { numDeletedFiles: deleted, numVacuumedDirectories: dirs.size },
    });
  };
  try {
    for (const f of files) {
      await store.delete(f);
      deleted++;
    }
  } catch (error) {
    // Spark records the failed run too; the deletion error is what the caller sees.
    await end('FAILED').catch(() => undefined);
    throw error;
  }
  await end('COMPLETED');
  return { dryRun: false, numDeletedFiles: deleted, ...base };
}
