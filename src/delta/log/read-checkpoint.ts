/**
 * Checkpoint files → actions: classic and multi-part Parquet (V1), UUID-named V2 checkpoints in
 * JSON or Parquet, and the `_sidecars/` Parquet files a V2 checkpoint points to.
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../common/errors.js';
import type { ObjectMeta, ObjectStore } from '../../storage/object-store.js';
import { ParquetFile } from '../../storage/parquet/parquet-file.js';
import type { Action, AddAction, SidecarAction } from '../actions/action-types.js';
import { ActionFormatError, parseActions } from '../actions/parse-action.js';
import { dataToJs } from '../arrow/arrow-to-js.js';
import { decodeCheckpointAdds } from './decode-checkpoint-adds.js';
import type { CheckpointRef } from './log-listing.js';
import { readJsonActions } from './read-json-actions.js';

const CHECKPOINT_COLUMNS = ['protocol', 'metaData', 'add', 'remove', 'txn', 'domainMetadata', 'checkpointMetadata', 'sidecar'];
const SIDECAR_COLUMNS = ['add', 'remove'];

async function readParquetActions(store: ObjectStore, file: ObjectMeta, wanted: readonly string[], out: Action[]): Promise<void> {
  const parquet = await ParquetFile.open(store, file.path, { size: file.size });
  const present = new Set(parquet.arrowSchema.fields.map((f: arrow.Field) => f.name));
  const columns = wanted.filter((c) => present.has(c));
  if (columns.length === 0) return;
  let row = 0;
  for await (const batch of parquet.readRowGroups({ columns })) {
    collectBatch(batch, columns, file.path, row, out);
    row += batch.numRows;
  }
}

function collectBatch(batch: arrow.RecordBatch, columns: readonly string[], path: string, firstRow: number, out: Action[]): void {
  const corrupt = (row: number, error: ActionFormatError): never => {
    throw new DeltaSqlError('CORRUPT_LOG', `corrupt checkpoint file ${path}, row ${firstRow + row + 1}: ${error.message}`, { cause: error });
  };
  const decoded: { name: string; values: unknown[] }[] = [];
  for (const name of columns) {
    const data = batch.getChild(name)?.data[0];
    if (data === undefined) continue;
    if (name === 'add') {
      // Adds are order-independent within a checkpoint (it is already reconciled).
      decodeCheckpointAdds(data, out as AddAction[], corrupt);
      continue;
    }
    if (data.nullCount === data.length) continue;
    decoded.push({ name, values: dataToJs(data) });
  }
  for (const { name, values } of decoded) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      try {
        parseActions({ [name]: v }, out);
      } catch (error) {
        if (error instanceof ActionFormatError) corrupt(i, error);
        throw error;
      }
    }
  }
}

function sidecarPath(sidecar: SidecarAction): string {
  // The protocol encourages bare file names; tolerate URIs or paths by keeping the last segment.
  const name = sidecar.path.includes('/') ? sidecar.path.slice(sidecar.path.lastIndexOf('/') + 1) : sidecar.path;
  return `_delta_log/_sidecars/${decodeURIComponent(name)}`;
}

/** All actions of a checkpoint, sidecar file actions included; `sidecar` actions themselves are consumed. */
export async function readCheckpointActions(store: ObjectStore, checkpoint: CheckpointRef): Promise<Action[]> {
  const parts = await Promise.all(
    checkpoint.files.map(async (file) => {
      if (checkpoint.fileType === 'json') return readJsonActions(store, file.path);
      const out: Action[] = [];
      await readParquetActions(store, file, CHECKPOINT_COLUMNS, out);
      return out;
    }),
  );
  const actions: Action[] = [];
  const sidecars: SidecarAction[] = [];
  for (const part of parts) {
    for (const a of part) {
      if (a.kind === 'sidecar') sidecars.push(a);
      else actions.push(a);
    }
  }
  if (sidecars.length > 0) {
    const fromSidecars = await Promise.all(
      sidecars.map(async (s) => {
        const out: Action[] = [];
        const path = sidecarPath(s);
        await readParquetActions(store, { path, size: s.sizeInBytes, lastModified: s.modificationTime }, SIDECAR_COLUMNS, out);
        return out;
      }),
    );
    for (const part of fromSidecars) for (const a of part) actions.push(a);
  }
  return actions;
}
