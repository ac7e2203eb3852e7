/** The latest snapshot of a table, or undefined when there is no table yet (writes may create it). */
import { DeltaSqlError } from '../../common/errors.js';
import type { ObjectStore } from '../../storage/object-store.js';
import { loadSnapshot, type Snapshot } from '../snapshot.js';

export async function tryLoadSnapshot(store: ObjectStore): Promise<Snapshot | undefined> {
  try {
    return await loadSnapshot(store);
  } catch (error) {
    if (error instanceof DeltaSqlError && error.code === 'TABLE_NOT_FOUND') return undefined;
    throw error;
  }
}
