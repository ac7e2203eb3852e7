/** ExecutionContext.scanDeltaFiles for a statement: reads the files of the snapshot the plan was bound to. */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../common/errors.js';
import { readDeltaFile } from '../delta/scan/read-delta-file.js';
import type { DeltaScanRequest } from '../../executor/execution-context.js';
import type { StatementTables } from '../catalog/statement-tables.js';
import type { Catalog } from '../catalog/catalog.js';

export function deltaFileScanner(tables: StatementTables, catalog: Catalog): (req: DeltaScanRequest) => AsyncIterable<arrow.RecordBatch> {
  return async function* scan(req: DeltaScanRequest): AsyncIterable<arrow.RecordBatch> {
    const snapshot = tables.snapshot(req.location, req.version) ?? (await catalog.loadSnapshot(req.location, { kind: 'version', version: req.version }, req.location));
    for (const path of req.files) {
      const file = snapshot.fileByPath(path);
      if (file === undefined) throw new DeltaSqlError('INTERNAL', `internal error: file ${path} is not in version ${req.version} of ${req.location}`);
      yield* readDeltaFile(snapshot.store, snapshot, file, { columns: req.columns, storage: catalog.storage });
    }
  };
}
