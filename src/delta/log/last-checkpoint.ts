/**
 * `_delta_log/_last_checkpoint`: a hint naming a recent checkpoint. A missing or unreadable file
 * is not an error (the listing is authoritative); it only breaks ties between checkpoints.
 */
import type { ObjectStore } from '../../storage/object-store.js';
import { isRecord } from '../actions/field-reader.js';

export interface LastCheckpoint {
  readonly version: number;
  readonly size: number | undefined;
  readonly parts: number | undefined;
  /** File name of a v2 checkpoint, when the hint names one. */
  readonly v2CheckpointPath: string | undefined;
}

export async function readLastCheckpoint(store: ObjectStore): Promise<LastCheckpoint | undefined> {
  let text: string;
  try {
    text = new TextDecoder().decode(await store.get('_delta_log/_last_checkpoint'));
  } catch {
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(json) || typeof json['version'] !== 'number') return undefined;
  const v2 = json['v2Checkpoint'];
  const v2Path = isRecord(v2) && typeof v2['path'] === 'string' ? v2['path'] : undefined;
  return {
    version: json['version'],
    size: typeof json['size'] === 'number' ? json['size'] : undefined,
    parts: typeof json['parts'] === 'number' ? json['parts'] : undefined,
    v2CheckpointPath: v2Path,
  };
}
