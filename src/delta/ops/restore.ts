/**
 * RESTORE TABLE ... TO VERSION AS OF n | TIMESTAMP AS OF ts (Spark's RestoreTableCommand): one
 * commit holding the file difference between the latest snapshot and the target one. Files only
 * the target has are re-added, files only the latest has are removed (both dataChange=true);
 * the target's metadata comes back, the protocol never goes down. Re-added files must still
 * exist: a vacuumed version cannot be restored.
 */
import { DeltaSqlError } from '../../common/errors.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { Action, MetadataAction } from '../actions/action-types.js';
import type { DeltaFile } from '../delta-file.js';
import { resolveFileLocation } from '../file-location.js';
import { loadSnapshot, type Snapshot } from '../snapshot.js';
import { commitActions } from '../write/commit-actions.js';
import { removeFile } from '../write/remove-file.js';
import { mergeProtocol, sameProtocol } from './merge-protocol.js';

export interface RestoreOptions {
  readonly version?: number | undefined;
  /** A Date, epoch ms, or a timestamp string (no zone = UTC). */
  readonly timestamp?: Date | string | number | undefined;
}

export interface RestoreMetrics {
  readonly tableSizeAfterRestore: number;
  readonly numOfFilesAfterRestore: number;
  readonly numRemovedFiles: number;
  readonly numRestoredFiles: number;
  readonly removedFilesSize: number;
  readonly restoredFilesSize: number;
}

export interface RestoreResult {
  /** The version the RESTORE commit created. */
  readonly version: number;
  /** The version restored to. */
  readonly restoredVersion: number;
  readonly metrics: RestoreMetrics;
}

const fileKey = (f: DeltaFile): string => `${f.path}\u0000${f.deletionVectorId}`;

function metadataAction(s: Snapshot): MetadataAction {
  const m = s.metadata;
  return {
    kind: 'metaData',
    id: m.id,
    name: m.name,
    description: m.description,
    format: m.format,
    schemaString: m.schemaString,
    partitionColumns: m.partitionColumns,
    configuration: m.configuration,
    createdTime: m.createdTime,
  };
}

function sameMetadata(a: MetadataAction, b: MetadataAction): boolean {
  return JSON.stringify({ ...a }) === JSON.stringify({ ...b });
}

async function missingFiles(store: ObjectStore, files: readonly DeltaFile[]): Promise<string[]> {
  const missing: string[] = [];
  await Promise.all(
    files.map(async (f) => {
      const loc = resolveFileLocation(store, f.path);
      if ((await loc.store.head(loc.path)) === undefined) missing.push(f.path);
    }),
  );
  return missing.sort();
}

function timestampText(ts: Date | string | number): string {
  if (typeof ts === 'string') return ts;
  return new Date(ts).toISOString();
}

export async function restore(store: ObjectStore, options: RestoreOptions): Promise<RestoreResult> {
  if ((options.version === undefined) === (options.timestamp === undefined)) {
    throw new DeltaSqlError('INVALID_ARGUMENT', 'RESTORE needs exactly one of a version or a timestamp to restore to');
  }
  const latest = await loadSnapshot(store);
  const target = await loadSnapshot(store, options.version !== undefined ? { version: options.version } : { timestamp: options.timestamp });
  if (target.version > latest.version) {
    throw new DeltaSqlError('VERSION_NOT_FOUND', `cannot restore to version ${target.version}: the latest version is ${latest.version}`);
  }
  const now = Date.now();
  const current = new Map(latest.files().map((f) => [fileKey(f), f]));
  const wanted = new Map(target.files().map((f) => [fileKey(f), f]));
  const toAdd = [...wanted].filter(([k]) => !current.has(k)).map(([, f]) => f);
  const toRemove = [...current].filter(([k]) => !wanted.has(k)).map(([, f]) => f);

  const missing = await missingFiles(store, toAdd);
  if (missing.length > 0) {
    const shown = missing.slice(0, 100);
    throw new DeltaSqlError(
      'FILE_NOT_FOUND',
      `Not all files from version ${target.version} are available in file system. Missed files (top 100 files): ${shown.join(', ')}. Please use more recent version or timestamp for restoring.`,
      { hint: 'The files were probably deleted by VACUUM; restore to a later version.' },
    );
  }

  const actions: Action[] = [];
  const protocol = mergeProtocol(latest.protocol, target.protocol);
  if (!sameProtocol(protocol, latest.protocol)) actions.push(protocol);
  const metadata = metadataAction(target);
  if (!sameMetadata(metadata, metadataAction(latest))) actions.push(metadata);
  for (const f of toAdd) actions.push({ ...f.add, dataChange: true });
  for (const f of toRemove) actions.push(removeFile(f, now, true));

  const sum = (files: readonly DeltaFile[]): number => files.reduce((s, f) => s + f.size, 0);
  const metrics: RestoreMetrics = {
    tableSizeAfterRestore: sum(target.files()),
    numOfFilesAfterRestore: target.fileCount,
    numRemovedFiles: toRemove.length,
    numRestoredFiles: toAdd.length,
    removedFilesSize: sum(toRemove),
    restoredFilesSize: sum(toAdd),
  };
  const parameters =
    options.version !== undefined
      ? { version: String(options.version), timestamp: null }
      : { version: null, timestamp: timestampText(options.timestamp ?? 0) };
  const result = await commitActions(store, latest, actions, { name: 'RESTORE', parameters, metrics: { ...metrics } }, { wholeTable: true });
  return { version: result.version, restoredVersion: target.version, metrics };
}
