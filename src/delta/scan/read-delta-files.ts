/**
 * Read several live files of a snapshot by path, in the order given: the shape of the executor's
 * `scanDeltaFiles` request (paths as the snapshot's add actions write them, or decoded).
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../common/errors.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { Snapshot } from '../snapshot.js';
import { readDeltaFile, type ReadDeltaFileOptions } from './read-delta-file.js';

export async function* readDeltaFiles(
  store: ObjectStore,
  snapshot: Snapshot,
  paths: readonly string[],
  options: ReadDeltaFileOptions = {},
): AsyncIterable<arrow.RecordBatch> {
  const files = paths.map((p) => {
    const f = snapshot.fileByPath(p);
    if (f === undefined) throw new DeltaSqlError('FILE_NOT_FOUND', `file ${p} is not part of version ${snapshot.version} of ${store.root}`);
    return f;
  });
  for (const file of files) yield* readDeltaFile(store, snapshot, file, options);
}
