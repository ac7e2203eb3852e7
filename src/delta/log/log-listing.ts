/**
 * One listing of `_delta_log/`, grouped into commits, complete checkpoints and compaction files.
 * Sub-folders (`_sidecars/`, `_staged_commits/`) and unknown names are ignored here.
 */
import { DeltaSqlError } from '../../common/errors.js';
import type { ObjectMeta, ObjectStore } from '../../storage/object-store.js';
import { LOG_DIR, parseLogFileName } from './log-file-name.js';

export interface CommitRef {
  readonly version: number;
  readonly file: ObjectMeta;
}

export interface CheckpointRef {
  readonly version: number;
  readonly format: 'classic' | 'multipart' | 'uuid';
  readonly fileType: 'json' | 'parquet';
  /** Parts in order (one file unless multi-part). */
  readonly files: readonly ObjectMeta[];
}

export interface CompactionRef {
  readonly version: number;
  readonly endVersion: number;
  readonly file: ObjectMeta;
}

export interface LogListing {
  /** Sorted by version, one per version. */
  readonly commits: readonly CommitRef[];
  /** Complete checkpoints only, sorted by version (several may share a version). */
  readonly checkpoints: readonly CheckpointRef[];
  readonly compactions: readonly CompactionRef[];
}

export async function listLog(store: ObjectStore): Promise<LogListing> {
  let entries: ObjectMeta[];
  try {
    entries = await store.list(LOG_DIR);
  } catch (error) {
    if (error instanceof DeltaSqlError && error.code === 'FILE_NOT_FOUND') entries = [];
    else throw error;
  }
  const commits: CommitRef[] = [];
  const checkpoints: CheckpointRef[] = [];
  const compactions: CompactionRef[] = [];
  const multipart = new Map<string, { version: number; parts: number; files: (ObjectMeta | undefined)[] }>();
  let sawLogEntry = false;
  for (const meta of entries) {
    const name = meta.path.slice(meta.path.lastIndexOf('/') + 1);
    if (meta.path.length - name.length !== LOG_DIR.length || !meta.path.startsWith(LOG_DIR)) continue;
    sawLogEntry = true;
    const parsed = parseLogFileName(name);
    if (parsed === undefined) continue;
    if (parsed.kind === 'commit') commits.push({ version: parsed.version, file: meta });
    else if (parsed.kind === 'compaction') {
      if (parsed.endVersion > parsed.version) compactions.push({ version: parsed.version, endVersion: parsed.endVersion, file: meta });
    } else if (parsed.format === 'classic') {
      checkpoints.push({ version: parsed.version, format: 'classic', fileType: 'parquet', files: [meta] });
    } else if (parsed.format === 'uuid') {
      checkpoints.push({ version: parsed.version, format: 'uuid', fileType: parsed.fileType, files: [meta] });
    } else {
      const key = `${parsed.version}/${parsed.parts}`;
      let group = multipart.get(key);
      if (group === undefined) {
        group = { version: parsed.version, parts: parsed.parts, files: new Array<ObjectMeta | undefined>(parsed.parts) };
        multipart.set(key, group);
      }
      if (parsed.part >= 1 && parsed.part <= parsed.parts) group.files[parsed.part - 1] = meta;
    }
  }
  if (!sawLogEntry) {
    throw new DeltaSqlError('TABLE_NOT_FOUND', `no Delta table at ${store.root}: there is no _delta_log folder (or it is empty)`);
  }
  // A multi-part checkpoint with a missing part is ignored, as the protocol requires.
  for (const group of multipart.values()) {
    const files = group.files.filter((f): f is ObjectMeta => f !== undefined);
    if (files.length === group.parts) checkpoints.push({ version: group.version, format: 'multipart', fileType: 'parquet', files });
  }
  commits.sort((a, b) => a.version - b.version);
  checkpoints.sort((a, b) => a.version - b.version);
  compactions.sort((a, b) => a.version - b.version || a.endVersion - b.endVersion);
  return { commits, checkpoints, compactions };
}
