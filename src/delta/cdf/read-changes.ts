/**
 * The change data feed (PROTOCOL.md "Change Data Files"; Spark's table_changes): for each commit
 * in the range, its `cdc` files when it has any (they already hold `_change_type`), else its
 * data-changing `add` files as inserts and `remove` files as deletes. Every row gets
 * `_commit_version` and `_commit_timestamp`. Each version must have had
 * `delta.enableChangeDataFeed = true`.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError, unsupported } from '../../common/errors.js';
import { toArrowSchema } from '../../common/types/arrow-type.js';
import { LONG, STRING, TIMESTAMP, field, type StructField } from '../../common/types/data-type.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { Action, AddAction, StringMap } from '../actions/action-types.js';
import { buildData } from '../arrow/bitmap.js';
import { constantData } from '../arrow/constant-data.js';
import { DeltaFile, decodeLogPath } from '../delta-file.js';
import { listLog } from '../log/log-listing.js';
import { readJsonActions } from '../log/read-json-actions.js';
import { readDeltaFile, type DeltaScanContext } from '../scan/read-delta-file.js';
import { loadSnapshot, type Snapshot } from '../snapshot.js';
import { resolveChangeRange, type ChangeRangeOptions } from './change-range.js';

export type ReadChangesOptions = ChangeRangeOptions;

export const CHANGE_TYPE = '_change_type';
export const CDF_COLUMNS: readonly StructField[] = [field(CHANGE_TYPE, STRING), field('_commit_version', LONG), field('_commit_timestamp', TIMESTAMP)];

export function changesSchema(snapshot: Snapshot): arrow.Schema {
  return toArrowSchema([...snapshot.schema, ...CDF_COLUMNS]);
}

function cdfEnabled(configuration: StringMap): boolean {
  return configuration['delta.enableChangeDataFeed']?.toLowerCase() === 'true';
}

function notRecorded(start: number, end: number, version: number): DeltaSqlError {
  return new DeltaSqlError(
    'ANALYSIS_ERROR',
    `Error getting change data for range [${start} , ${end}] as change data was not recorded for version [${version}]. If you've enabled change data feed on this table, use \`DESCRIBE HISTORY\` to see when it was first enabled. Otherwise, to start recording change data, use \`ALTER TABLE table_name SET TBLPROPERTIES (delta.enableChangeDataFeed=true)\`.`,
  );
}

/** A file of the log (add, remove or cdc) as something `readDeltaFile` can open. */
function asFile(snapshot: Snapshot, path: string, partitionValues: StringMap | undefined, size: number | undefined, add?: AddAction): DeltaFile {
  const base: AddAction = add ?? {
    kind: 'add', path, partitionValues: partitionValues ?? {}, size: size ?? 0, modificationTime: 0, dataChange: true, stats: undefined,
    statsParsed: undefined, tags: undefined, deletionVector: undefined, baseRowId: undefined, defaultRowCommitVersion: undefined, clusteringProvider: undefined,
  };
  return new DeltaFile(base, { schema: snapshot.schema, partitionFields: snapshot.partitionFields, mode: snapshot.columnMappingMode });
}

/** Append the commit columns (and a constant change type when the file has none). */
function withCommitColumns(batch: arrow.RecordBatch, schema: arrow.Schema, changeType: string | undefined, version: number, timestamp: number): arrow.RecordBatch {
  const n = batch.numRows;
  const children = [...batch.data.children];
  if (changeType !== undefined) children.push(constantData(STRING, changeType, n));
  children.push(constantData(LONG, BigInt(version), n), constantData(TIMESTAMP, BigInt(timestamp) * 1000n, n));
  const data = buildData(new arrow.Struct(schema.fields), n, undefined, undefined, undefined, children);
  return new arrow.RecordBatch(schema, data as arrow.Data<arrow.Struct>);
}

export async function* readChanges(store: ObjectStore, options: ReadChangesOptions): AsyncGenerator<arrow.RecordBatch> {
  const listing = await listLog(store);
  const range = resolveChangeRange(listing, options);
  const schemaSnapshot = await loadSnapshot(store, { version: range.end });
  let configuration = (await loadSnapshot(store, { version: range.start })).metadata.configuration;
  const outSchema = changesSchema(schemaSnapshot);
  const dataContext: DeltaScanContext = schemaSnapshot;
  const cdcContext: DeltaScanContext = { ...dataContext, schema: [...schemaSnapshot.schema, field(CHANGE_TYPE, STRING)], partitionColumns: schemaSnapshot.partitionColumns, columnMappingMode: schemaSnapshot.columnMappingMode };

  for (const commit of range.commits) {
    const actions: Action[] = await readJsonActions(store, commit.file.path);
    const metadata = actions.find((a) => a.kind === 'metaData');
    if (metadata !== undefined) configuration = metadata.configuration;
    if (!cdfEnabled(configuration)) throw notRecorded(range.start, range.end, commit.version);
    const info = actions.find((a) => a.kind === 'commitInfo');
    const timestamp = info?.inCommitTimestamp ?? range.fileTimes.get(commit.version) ?? 0;
    const cdc = actions.filter((a) => a.kind === 'cdc');
    if (cdc.length > 0) {
      for (const c of cdc) {
        const file = asFile(schemaSnapshot, c.path, c.partitionValues, c.size);
        for await (const b of readDeltaFile(store, cdcContext, file)) yield withCommitColumns(b, outSchema, undefined, commit.version, timestamp);
      }
      continue;
    }
    const adds = actions.filter((a): a is AddAction => a.kind === 'add' && a.dataChange);
    const removes = actions.filter((a) => a.kind === 'remove' && a.dataChange);
    const added = new Set(adds.map((a) => decodeLogPath(a.path)));
    if (removes.some((r) => r.kind === 'remove' && added.has(decodeLogPath(r.path)))) {
      throw unsupported('change data feed of a commit that replaces deletion vectors without writing cdc files');
    }
    for (const r of removes) {
      if (r.kind !== 'remove') continue;
      if (r.deletionVector !== undefined) throw unsupported('change data feed of removed files with deletion vectors');
      const file = asFile(schemaSnapshot, r.path, r.partitionValues, r.size);
      for await (const b of readDeltaFile(store, dataContext, file)) yield withCommitColumns(b, outSchema, 'delete', commit.version, timestamp);
    }
    for (const a of adds) {
      const file = asFile(schemaSnapshot, a.path, a.partitionValues, a.size, a);
      for await (const b of readDeltaFile(store, dataContext, file)) yield withCommitColumns(b, outSchema, 'insert', commit.version, timestamp);
    }
  }
}

/** The whole change feed of the range as one Arrow table. */
export async function readChangesTable(store: ObjectStore, options: ReadChangesOptions): Promise<arrow.Table> {
  const batches: arrow.RecordBatch[] = [];
  for await (const b of readChanges(store, options)) batches.push(b);
  if (batches.length === 0) return new arrow.Table(changesSchema(await loadSnapshot(store)));
  return new arrow.Table(batches);
}
