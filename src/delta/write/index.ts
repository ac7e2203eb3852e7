/** SQL-free write operations on Delta tables (what the Session and DML plans call). */
export { createDeltaTable, type CreateTableOptions, type CreateTableResult } from './create-delta-table.js';
export { writeDeltaTable, type WriteOptions, type WriteResult, type WriteMetrics } from './write-delta-table.js';
export { commitActions, checkAppendOnly, type CommitActionsOptions } from './commit-actions.js';
export { removeFile, tryLoadSnapshot } from './table-files.js';
export { DataFileWriter, type DataFileWriterOptions } from './data-file-writer.js';
export { conformBatch, mergeWriteSchema } from './conform-batch.js';
export { checkNotNull } from './not-null-check.js';
export { newTableActions, protocolFor, featuresOf, type NewTableSpec } from './new-table.js';
export { checkWriteSupported, writerFeaturesOf, SUPPORTED_WRITER_FEATURES } from './writer-features.js';
export { requiredWriteHooks, type WriteHooks } from './write-hooks.js';
export { statsConfigFrom, StatsCollector, type StatsConfig } from './stats-collector.js';
export { writeCheckpoint, checkpointFileName, type CheckpointResult } from './checkpoint/checkpoint-writer.js';
export { cleanupExpiredLogs } from './checkpoint/log-cleanup.js';
export { escapePathName, toLogPath, HIVE_DEFAULT_PARTITION } from './partition-path.js';
export { Transaction, type ReadInfo, type CommitResult, type CommitOptions } from '../txn/transaction.js';
export type { FilePredicate } from '../txn/conflict-checker.js';
export type { Operation, OperationName } from '../txn/operation.js';
export type { IsolationLevel } from '../txn/isolation-level.js';
