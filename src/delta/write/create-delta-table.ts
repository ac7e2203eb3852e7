/**
 * CREATE TABLE / CREATE TABLE IF NOT EXISTS / CREATE OR REPLACE TABLE without data. Replacing
 * keeps the table (same id, history kept): a new version with the new protocol/metadata that
 * removes every live file.
 */
import { DeltaSqlError } from '../../common/errors.js';
import type { StructField } from '../../common/types/data-type.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { ProtocolAction } from '../actions/action-types.js';
import type { Operation } from '../txn/operation.js';
import { Transaction } from '../txn/transaction.js';
import { newTableActions } from './new-table.js';
import { postCommitHook } from './post-commit.js';
import { removeFile } from './remove-file.js';
import { tryLoadSnapshot } from './try-load-snapshot.js';
import { checkWriteSupported, writerFeaturesOf } from './writer-features.js';
import { readerFeaturesOf } from '../protocol-support.js';

export interface CreateTableOptions {
  readonly schema: readonly StructField[];
  readonly partitionColumns?: readonly string[] | undefined;
  readonly properties?: Readonly<Record<string, string>> | undefined;
  readonly description?: string | undefined;
  readonly name?: string | undefined;
  readonly mode: 'create' | 'createIfNotExists' | 'replace' | 'createOrReplace';
  /** Replaces the default operation record (the SQL layer may name e.g. its exact statement). */
  readonly operation?: Operation | undefined;
}

export interface CreateTableResult {
  readonly version: number;
  /** False when createIfNotExists found the table already there. */
  readonly created: boolean;
}

/** A replace never downgrades: keep every feature the old protocol had. */
function mergeProtocols(old: ProtocolAction, next: ProtocolAction): ProtocolAction {
  if (old.minWriterVersion < 7 && next.minWriterVersion < 7) {
    return { ...next, minReaderVersion: Math.max(old.minReaderVersion, next.minReaderVersion), minWriterVersion: Math.max(old.minWriterVersion, next.minWriterVersion) };
  }
  const writer = [...new Set([...writerFeaturesOf(old), ...writerFeaturesOf(next)])].sort();
  const reader = [...new Set([...readerFeaturesOf(old), ...readerFeaturesOf(next)])].sort();
  const minReader = reader.length > 0 ? 3 : Math.max(old.minReaderVersion, next.minReaderVersion);
  return { kind: 'protocol', minReaderVersion: minReader, minWriterVersion: 7, readerFeatures: minReader === 3 ? reader : undefined, writerFeatures: writer };
}

export async function createDeltaTable(store: ObjectStore, options: CreateTableOptions): Promise<CreateTableResult> {
  const snapshot = await tryLoadSnapshot(store);
  if (snapshot !== undefined && options.mode === 'create') {
    throw new DeltaSqlError('TABLE_ALREADY_EXISTS', `a Delta table already exists at ${store.root}`, { hint: 'Use CREATE TABLE IF NOT EXISTS or CREATE OR REPLACE TABLE.' });
  }
  if (snapshot !== undefined && options.mode === 'createIfNotExists') return { version: snapshot.version, created: false };
  if (snapshot === undefined && options.mode === 'replace') {
    throw new DeltaSqlError('TABLE_NOT_FOUND', `cannot replace the table at ${store.root}: it does not exist`, { hint: 'Use CREATE OR REPLACE TABLE.' });
  }
  const now = Date.now();
  const partitionColumns = options.partitionColumns ?? [];
  const properties = options.properties ?? {};
  const { protocol, metadata } = newTableActions(
    { schema: options.schema, partitionColumns, properties, name: options.name, description: options.description, id: snapshot?.metadata.id },
    now,
  );
  const txn = new Transaction(store, snapshot);
  let name = 'CREATE TABLE';
  if (snapshot !== undefined) {
    checkWriteSupported(snapshot.protocol, store.root);
    name = options.mode === 'replace' ? 'REPLACE TABLE' : 'CREATE OR REPLACE TABLE';
    txn.markRead({ wholeTable: true });
    txn.addActions(mergeProtocols(snapshot.protocol, protocol), { ...metadata, createdTime: snapshot.metadata.createdTime ?? now });
    txn.addActions(...snapshot.files().map((f) => removeFile(f, now)));
  } else {
    txn.addActions(protocol, metadata);
  }
  const operation: Operation = options.operation ?? {
    name,
    parameters: {
      isManaged: 'false',
      description: options.description ?? null,
      partitionBy: [...metadata.partitionColumns],
      properties: Object.fromEntries(Object.entries(metadata.configuration)),
    },
  };
  try {
    const result = await txn.commit(operation, { postCommit: postCommitHook(store, metadata.configuration) });
    return { version: result.version, created: true };
  } catch (error) {
    // Lost a creation race: IF NOT EXISTS is then satisfied by the winner's table.
    if (snapshot === undefined && options.mode === 'createIfNotExists' && error instanceof DeltaSqlError && error.code === 'PROTOCOL_CHANGED') {
      const winner = await tryLoadSnapshot(store);
      if (winner !== undefined) return { version: winner.version, created: false };
    }
    if (snapshot === undefined && options.mode === 'create' && error instanceof DeltaSqlError && error.code === 'PROTOCOL_CHANGED') {
      throw new DeltaSqlError('TABLE_ALREADY_EXISTS', `a Delta table was created at ${store.root} by a concurrent writer`, { cause: error });
    }
    throw error;
  }
}
