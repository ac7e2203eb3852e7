/**
 * Read one live file of a snapshot as Arrow batches of logical columns: Parquet columns resolved
 * through column mapping and cast to the table types, partition values as constant columns,
 * deletion-vector rows dropped. The SQL scan operator calls this per file.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../common/errors.js';
import { toArrowField } from '../../common/types/arrow-type.js';
import type { StructField } from '../../common/types/data-type.js';
import type { StorageOptions } from '../../storage/open-store.js';
import type { ObjectStore } from '../../storage/object-store.js';
import { ParquetFile } from '../../storage/parquet/parquet-file.js';
import { buildData, nullData } from '../arrow/bitmap.js';
import { conformData } from '../arrow/conform-data.js';
import { constantData } from '../arrow/constant-data.js';
import { takeData } from '../arrow/take-data.js';
import { loadDeletionVector } from '../deletion-vectors/load-deletion-vector.js';
import type { DeltaFile } from '../delta-file.js';
import { resolveFileLocation } from '../file-location.js';
import type { ColumnMappingMode } from '../column-mapping.js';
import { fieldMatcher } from './field-matcher.js';

/**
 * What reading a file needs from its snapshot. A Snapshot is one; it is plain data, so a worker
 * can rebuild it (with `new DeltaFile(add, fileContext)`) without replaying the log.
 */
export interface DeltaScanContext {
  readonly schema: readonly StructField[];
  readonly partitionColumns: readonly string[];
  readonly columnMappingMode: ColumnMappingMode;
}

export interface ReadDeltaFileOptions {
  /** Logical column names in output order; default: the whole schema in schema order. */
  readonly columns?: readonly string[] | undefined;
  readonly storage?: StorageOptions | undefined;
}

/** The schema fields for `columns` (in the order given); unknown names are UNKNOWN_COLUMN. */
export function selectFields(snapshot: DeltaScanContext, columns: readonly string[] | undefined): StructField[] {
  if (columns === undefined) return [...snapshot.schema];
  return columns.map((name) => {
    const f = snapshot.schema.find((x) => x.name === name) ?? snapshot.schema.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (f === undefined) {
      throw new DeltaSqlError('UNKNOWN_COLUMN', `column '${name}' is not in the table (columns: ${snapshot.schema.map((x) => x.name).join(', ')})`);
    }
    return f;
  });
}

/** Ascending indexes of the rows in [start, start+n) that the sorted `deleted` list does not hold. */
function keptRows(deleted: Float64Array, cursor: { i: number }, start: number, n: number): Int32Array | undefined {
  while (cursor.i < deleted.length && (deleted[cursor.i] ?? 0) < start) cursor.i++;
  if (cursor.i >= deleted.length || (deleted[cursor.i] ?? 0) >= start + n) return undefined;
  const keep = new Int32Array(n);
  let k = 0;
  for (let r = 0; r < n; r++) {
    if (cursor.i < deleted.length && deleted[cursor.i] === start + r) {
      cursor.i++;
      continue;
    }
    keep[k++] = r;
  }
  return keep.subarray(0, k);
}

async function openDataFile(store: ObjectStore, file: DeltaFile, storage: StorageOptions | undefined): Promise<ParquetFile> {
  const loc = resolveFileLocation(store, file.path, storage);
  try {
    return await ParquetFile.open(loc.store, loc.path, { size: file.size });
  } catch (error) {
    if (error instanceof DeltaSqlError && error.code === 'FILE_NOT_FOUND') {
      throw new DeltaSqlError('FILE_NOT_FOUND', `data file ${file.path} of the table at ${store.root} is missing`, {
        cause: error,
        hint: 'the file may have been vacuumed or deleted outside Delta',
      });
    }
    throw error;
  }
}

export async function* readDeltaFile(
  store: ObjectStore,
  snapshot: DeltaScanContext,
  file: DeltaFile,
  options: ReadDeltaFileOptions = {},
): AsyncIterable<arrow.RecordBatch> {
  const fields = selectFields(snapshot, options.columns);
  const outSchema = new arrow.Schema(fields.map(toArrowField));
  const partitionNames = new Set(snapshot.partitionColumns);
  const match = fieldMatcher(snapshot.columnMappingMode);
  const parquet = await openDataFile(store, file, options.storage);
  const candidates = parquet.arrowSchema.fields;
  // Which Parquet top-level column feeds each requested data column (-1: absent → nulls).
  const sources = fields.map((f) => (partitionNames.has(f.name) ? -1 : match(f, candidates)));
  const readColumns = [...new Set(sources.filter((i) => i >= 0))].map((i) => candidates[i]?.name ?? '');
  const deleted = file.deletionVector ? await loadDeletionVector(store, file.deletionVector, options.storage) : undefined;
  const cursor = { i: 0 };
  let rowBase = 0;
  try {
    for await (const batch of parquet.readRowGroups({ columns: readColumns })) {
      const n = batch.numRows;
      const keep = deleted ? keptRows(deleted, cursor, rowBase, n) : undefined;
      rowBase += n;
      const outRows = keep ? keep.length : n;
      if (outRows === 0) continue;
      const children = fields.map((f, c) => {
        if (partitionNames.has(f.name)) return constantData(f.type, file.typedPartitionValues[f.name] ?? null, outRows);
        const srcName = candidates[sources[c] ?? -1]?.name;
        const vector = srcName === undefined ? null : batch.getChild(srcName);
        if (vector === null) return nullData(toArrowField(f).type, outRows);
        // A RecordBatch column is a single Data chunk.
        const src = vector.data[0];
        const whole = src === undefined ? nullData(toArrowField(f).type, n) : conformData(src, f.type, match);
        return keep ? takeData(whole, keep) : whole;
      });
      const struct = buildData(new arrow.Struct(outSchema.fields), outRows, undefined, undefined, undefined, children);
      yield new arrow.RecordBatch(outSchema, struct as arrow.Data<arrow.Struct>);
    }
  } finally {
    await parquet.close();
  }
}
