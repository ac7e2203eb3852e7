/**
 * Append or overwrite a table from Arrow batches (what INSERT, INSERT OVERWRITE, CTAS and
 * DataFrame-style writes call). The whole write is one commit: schema enforcement (or evolution
 * with mergeSchema), NOT NULL and caller-supplied checks run on every batch before anything is
 * committed, so a failure leaves the table as it was (and its data files are deleted).
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../common/errors.js';
import { fromArrowSchema } from '../../common/types/arrow-type.js';
import type { DataType, StructField } from '../../common/types/data-type.js';
import { deltaSchemaToJson, parseDeltaSchema } from '../../common/types/delta-schema.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { Action, AddAction, MetadataAction } from '../actions/action-types.js';
import { columnMappingMode } from '../column-mapping.js';
import type { DeltaFile } from '../delta-file.js';
import type { Snapshot } from '../snapshot.js';
import type { FilePredicate } from '../txn/conflict-checker.js';
import type { Operation } from '../txn/operation.js';
import { Transaction } from '../txn/transaction.js';
import { assignColumnMapping, MAX_COLUMN_ID_KEY } from './column-mapping-assign.js';
import { appendOnlyViolation, isAppendOnly } from './commit-actions.js';
import { conformBatch, mergeWriteSchema } from './conform-batch.js';
import { DataFileWriter } from './data-file-writer.js';
import { newTableActions } from './new-table.js';
import { checkNotNull } from './not-null-check.js';
import { postCommitHook } from './post-commit.js';
import { upgradedProtocol } from './protocol-upgrade.js';
import { statsConfigFrom } from './stats-collector.js';
import { removeFile } from './remove-file.js';
import { tryLoadSnapshot } from './try-load-snapshot.js';
import { checkHooks, type WriteHooks } from './write-hooks.js';
import { checkWriteSupported } from './writer-features.js';

export interface WriteOptions {
  readonly mode: 'append' | 'overwrite';
  /** For a new table; for an existing one it must match the table's partitioning. */
  readonly partitionBy?: readonly string[] | undefined;
  /** Table properties, used when the write creates the table. */
  readonly properties?: Readonly<Record<string, string>> | undefined;
  /** Idempotent writes: skipped when this (appId, version) or a later one is committed. */
  readonly txn?: { readonly appId: string; readonly version: number } | undefined;
  /** Replaces the default WRITE record (e.g. CREATE TABLE AS SELECT from the SQL layer). */
  readonly operation?: Operation | undefined;
  /**
   * Overwrite only the files this predicate selects (partition-column predicates: whole files
   * match). `description` is the predicate text for the history; `checkRows` (from the SQL
   * layer) throws when a new row does not satisfy the predicate.
   */
  readonly replaceWhere?: { readonly files: FilePredicate; readonly description: string; readonly checkRows?: ((batch: arrow.RecordBatch) => void) | undefined } | undefined;
  /** Overwrite only the partitions the new data writes to. */
  readonly partitionOverwriteMode?: 'static' | 'dynamic' | undefined;
  readonly mergeSchema?: boolean | undefined;
  /** Overwrite: replace the schema and partitioning with the data's. */
  readonly overwriteSchema?: boolean | undefined;
  readonly hooks?: WriteHooks | undefined;
  readonly compression?: 'zstd' | 'snappy' | undefined;
  readonly rowGroupSize?: number | undefined;
  readonly maxCommitAttempts?: number | undefined;
}

export interface WriteMetrics {
  readonly numFiles: number;
  readonly numOutputRows: number;
  readonly numOutputBytes: number;
  readonly numRemovedFiles: number;
  readonly numRemovedBytes: number;
}

export interface WriteResult {
  /** The committed version (or the current one when skipped). */
  readonly version: number;
  readonly metrics: WriteMetrics;
  /** True when the (appId, version) txn was already committed and nothing was written. */
  readonly skipped: boolean;
  readonly attempts: number;
  /** Set when the commit succeeded but its checkpoint / log cleanup failed. */
  readonly postCommitError?: unknown;
}

type BatchSource = AsyncIterable<arrow.RecordBatch> | Iterable<arrow.RecordBatch> | arrow.Table;

async function* batchesOf(source: BatchSource): AsyncGenerator<arrow.RecordBatch> {
  if ('batches' in source && Array.isArray(source.batches)) {
    yield* source.batches;
    return;
  }
  for await (const b of source as AsyncIterable<arrow.RecordBatch>) yield b;
}

const sameColumns = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x.toLowerCase() === (b[i] ?? '').toLowerCase());

interface Plan {
  readonly schema: readonly StructField[];
  readonly partitionColumns: readonly string[];
  readonly configuration: Readonly<Record<string, string | null>>;
  readonly newActions: Action[];
}

/** Spark makes a schema taken from data nullable throughout (NOT NULL comes only from DDL). */
function asNullable(fields: readonly StructField[]): StructField[] {
  const visit = (t: DataType): DataType => {
    switch (t.kind) {
      case 'struct':
        return { kind: 'struct', fields: asNullable(t.fields) };
      case 'array':
        return { ...t, element: visit(t.element), containsNull: true };
      case 'map':
        return { ...t, value: visit(t.value), valueContainsNull: true };
      default:
        return t;
    }
  };
  return fields.map((f) => ({ name: f.name, type: visit(f.type), nullable: true, metadata: {} }));
}

/** Decide the write schema from the first batch: table schema, merged, replaced, or a new table. */
function planSchema(snapshot: Snapshot | undefined, incoming: readonly StructField[], options: WriteOptions): Plan {
  const partitionBy = options.partitionBy ?? [];
  if (snapshot === undefined) {
    const { protocol, metadata } = newTableActions({ schema: asNullable(incoming), partitionColumns: partitionBy, properties: options.properties ?? {} });
    return planOf(metadata, [protocol, metadata]);
  }
  const m = snapshot.metadata;
  const replacing = options.mode === 'overwrite' && options.overwriteSchema === true;
  if (!replacing && options.partitionBy !== undefined && !sameColumns(options.partitionBy, m.partitionColumns)) {
    throw new DeltaSqlError('SCHEMA_MISMATCH', `the partitioning given (${partitionBy.join(', ') || 'none'}) differs from the table's (${m.partitionColumns.join(', ') || 'none'})`, {
      hint: 'Leave out partitionBy, or overwrite with overwriteSchema to change the partitioning.',
    });
  }
  let schema: StructField[] = replacing ? asNullable(incoming) : mergeWriteSchema(m.schema, asNullable(incoming), options.mergeSchema === true);
  const changed = deltaSchemaToJson(schema) !== m.schemaString || (replacing && !sameColumns(partitionBy, m.partitionColumns));
  if (!changed) return { schema: m.schema, partitionColumns: m.partitionColumns, configuration: m.configuration, newActions: [] };
  const configuration: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.configuration)) if (v !== null) configuration[k] = v;
  if (columnMappingMode(snapshot.protocol, m.configuration) !== 'none') {
    const assigned = assignColumnMapping(schema, Number(configuration[MAX_COLUMN_ID_KEY] ?? '0'));
    schema = assigned.fields;
    configuration[MAX_COLUMN_ID_KEY] = String(assigned.maxColumnId);
  }
  const metadata: MetadataAction = {
    ...snapshot.metadata,
    kind: 'metaData',
    schemaString: deltaSchemaToJson(schema),
    partitionColumns: replacing ? partitionBy : m.partitionColumns,
    configuration,
  };
  const protocol = upgradedProtocol(snapshot.protocol, schema, configuration);
  return planOf(metadata, protocol === undefined ? [metadata] : [protocol, metadata]);
}

function planOf(metadata: MetadataAction, actions: Action[]): Plan {
  return { schema: parseDeltaSchema(metadata.schemaString), partitionColumns: metadata.partitionColumns, configuration: metadata.configuration, newActions: actions };
}

function filesToRemove(snapshot: Snapshot, options: WriteOptions, adds: readonly AddAction[]): { files: DeltaFile[]; predicate: FilePredicate | undefined } {
  if (options.replaceWhere !== undefined) {
    const p = options.replaceWhere.files;
    return { files: snapshot.files().filter((f) => p(f)), predicate: p };
  }
  if (options.partitionOverwriteMode === 'dynamic' && snapshot.partitionColumns.length > 0) {
    const written = new Set(adds.map((a) => JSON.stringify(snapshot.partitionFields.map((f) => a.partitionValues[f.physicalName] ?? null))));
    const p: FilePredicate = (f) => written.has(JSON.stringify(snapshot.partitionFields.map((pf) => f.partitionValues[pf.physicalName] ?? null)));
    return { files: snapshot.files().filter(p), predicate: p };
  }
  return { files: [...snapshot.files()], predicate: undefined };
}

export async function writeDeltaTable(store: ObjectStore, source: BatchSource, options: WriteOptions): Promise<WriteResult> {
  const snapshot = await tryLoadSnapshot(store);
  const zero: WriteMetrics = { numFiles: 0, numOutputRows: 0, numOutputBytes: 0, numRemovedFiles: 0, numRemovedBytes: 0 };
  if (snapshot !== undefined) {
    checkWriteSupported(snapshot.protocol, store.root);
    if (options.txn !== undefined) {
      const done = snapshot.txns.get(options.txn.appId);
      if (done !== undefined && done.version >= options.txn.version) return { version: snapshot.version, metrics: zero, skipped: true, attempts: 0 };
    }
    if (options.mode === 'overwrite' && isAppendOnly(snapshot.metadata.configuration)) throw appendOnlyViolation(store.root);
  }
  let plan: Plan | undefined;
  let writer: DataFileWriter | undefined;
  let rows = 0;
  let committing = false;
  try {
    for await (const batch of batchesOf(source)) {
      if (plan === undefined) {
        plan = planSchema(snapshot, fromArrowSchema(batch.schema), options);
        checkHooks(plan.schema, plan.configuration, options.hooks);
        const protocol = plan.newActions.find((a) => a.kind === 'protocol') ?? snapshot?.protocol;
        const mode = protocol === undefined ? 'none' : columnMappingMode(protocol, plan.configuration);
        const target = plan.configuration['delta.targetFileSize'];
        writer = new DataFileWriter(store, {
          schema: plan.schema,
          partitionColumns: plan.partitionColumns,
          mode,
          stats: statsConfigFrom(plan.configuration),
          compression: options.compression,
          rowGroupSize: options.rowGroupSize,
          targetFileSize: target === undefined || target === null ? undefined : Number(target),
        });
      }
      let conformed = conformBatch(batch, plan.schema);
      checkNotNull(conformed, plan.schema);
      options.replaceWhere?.checkRows?.(conformed);
      const replaced = options.hooks?.validateBatch?.(conformed);
      if (replaced !== undefined) conformed = replaced;
      rows += conformed.numRows;
      await writer?.write(conformed);
    }
    if (plan === undefined) {
      if (snapshot === undefined) throw new DeltaSqlError('INVALID_ARGUMENT', 'cannot create a table from a write with no batches: the schema is unknown');
      plan = { schema: snapshot.schema, partitionColumns: snapshot.partitionColumns, configuration: snapshot.metadata.configuration, newActions: [] };
    }
    const adds = writer === undefined ? [] : await writer.close();
    const now = Date.now();
    const txn = new Transaction(store, snapshot);
    txn.addActions(...plan.newActions, ...adds);
    let removedFiles: DeltaFile[] = [];
    if (options.mode === 'overwrite' && snapshot !== undefined) {
      const { files, predicate } = filesToRemove(snapshot, options, adds);
      removedFiles = files;
      txn.markRead(predicate === undefined ? { wholeTable: true } : { predicates: [predicate], files: files.map((f) => f.path) });
      txn.addActions(...files.map((f) => removeFile(f, now)));
    }
    if (options.txn !== undefined) {
      txn.txnVersion(options.txn.appId);
      txn.addActions({ kind: 'txn', appId: options.txn.appId, version: options.txn.version, lastUpdated: now });
    }
    const metrics: WriteMetrics = {
      numFiles: adds.length,
      numOutputRows: rows,
      numOutputBytes: adds.reduce((s, a) => s + a.size, 0),
      numRemovedFiles: removedFiles.length,
      numRemovedBytes: removedFiles.reduce((s, f) => s + f.size, 0),
    };
    const operation = options.operation ?? defaultOperation(options, plan.partitionColumns, metrics);
    committing = true;
    const result = await txn.commit(operation, { maxAttempts: options.maxCommitAttempts, postCommit: postCommitHook(store, plan.configuration) });
    const written = { version: result.version, metrics, skipped: false, attempts: result.attempts };
    return result.postCommitError === undefined ? written : { ...written, postCommitError: result.postCommitError };
  } catch (error) {
    // Nothing references these files: remove them (best effort) so a failed write leaves no trace.
    // An I/O error from the commit itself is ambiguous (the commit may have landed): keep the files then.
    if (writer !== undefined && !(committing && error instanceof DeltaSqlError && error.code === 'IO')) {
      await Promise.all(writer.writtenPaths.map((p) => store.delete(p).catch(() => undefined)));
    }
    throw error;
  }
}

function defaultOperation(options: WriteOptions, partitionBy: readonly string[], metrics: WriteMetrics): Operation {
  const parameters: Record<string, unknown> = { mode: options.mode === 'append' ? 'Append' : 'Overwrite', partitionBy: [...partitionBy] };
  if (options.replaceWhere !== undefined) parameters['predicate'] = JSON.stringify([options.replaceWhere.description]);
  const m: Record<string, number> = { numFiles: metrics.numFiles, numOutputRows: metrics.numOutputRows, numOutputBytes: metrics.numOutputBytes };
  if (options.mode === 'overwrite') {
    m['numRemovedFiles'] = metrics.numRemovedFiles;
    m['numRemovedBytes'] = metrics.numRemovedBytes;
  }
  return { name: 'WRITE', parameters, metrics: m };
}
