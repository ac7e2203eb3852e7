/**
 * DESCRIBE HISTORY: one row per retained commit, newest first, from its commitInfo, with
 * Spark's columns and types (version long, timestamp, maps as map<string,string>).
 */
import type * as arrow from 'apache-arrow';
import { BOOLEAN, LONG, STRING, TIMESTAMP, field, mapOf, struct, type StructField } from '../../common/types/data-type.js';
import { DeltaSqlError } from '../../common/errors.js';
import type { ObjectStore } from '../../storage/object-store.js';
import { readHistory } from '../commit-history.js';
import { listLog } from '../log/log-listing.js';
import { rowsToTable, stringMap } from './rows-to-table.js';

export interface HistoryOptions {
  /** Newest `limit` commits only. */
  readonly limit?: number | undefined;
}

const STR_MAP = mapOf(STRING, STRING);

/** Spark's JobInfo and NotebookInfo structs. */
const JOB = struct(['jobId', 'jobName', 'jobRunId', 'runId', 'jobOwnerId', 'triggerType'].map((n) => field(n, STRING)));
const NOTEBOOK = struct([field('notebookId', STRING)]);

export const HISTORY_SCHEMA: readonly StructField[] = [
  field('version', LONG),
  field('timestamp', TIMESTAMP),
  field('userId', STRING),
  field('userName', STRING),
  field('operation', STRING),
  field('operationParameters', STR_MAP),
  field('job', JOB),
  field('notebook', NOTEBOOK),
  field('clusterId', STRING),
  field('readVersion', LONG),
  field('isolationLevel', STRING),
  field('isBlindAppend', BOOLEAN),
  field('operationMetrics', STR_MAP),
  field('userMetadata', STRING),
  field('engineInfo', STRING),
];

export interface HistoryRow {
  readonly version: number;
  /** Epoch milliseconds. */
  readonly timestamp: number;
  readonly userId: string | null;
  readonly userName: string | null;
  readonly operation: string | null;
  readonly operationParameters: ReadonlyMap<string, string | null>;
  readonly job: Readonly<Record<string, string | null>> | null;
  readonly notebook: Readonly<Record<string, string | null>> | null;
  readonly clusterId: string | null;
  readonly readVersion: number | null;
  readonly isolationLevel: string | null;
  readonly isBlindAppend: boolean | null;
  readonly operationMetrics: ReadonlyMap<string, string | null>;
  readonly userMetadata: string | null;
  readonly engineInfo: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

function structOf(v: unknown, names: readonly string[]): Record<string, string | null> | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  return Object.fromEntries(names.map((n) => [n, str(o[n])]));
}

/** History rows as plain values, newest first. */
export async function historyRows(store: ObjectStore, options: HistoryOptions = {}): Promise<HistoryRow[]> {
  if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 0)) {
    throw new DeltaSqlError('INVALID_ARGUMENT', `DESCRIBE HISTORY LIMIT must be a non-negative integer, got ${options.limit}`);
  }
  const listing = await listLog(store);
  const commits = await readHistory(store, listing, Number.MAX_SAFE_INTEGER, options.limit);
  return commits.map((c) => {
    const raw = c.raw;
    return {
      version: c.version,
      timestamp: c.timestamp.getTime(),
      userId: str(raw['userId']),
      userName: str(raw['userName']),
      operation: c.operation ?? null,
      operationParameters: stringMap(raw['operationParameters']) ?? new Map(),
      job: structOf(raw['job'], JOB.fields.map((f) => f.name)),
      notebook: structOf(raw['notebook'], ['notebookId']),
      clusterId: str(raw['clusterId']),
      readVersion: c.readVersion ?? null,
      isolationLevel: c.isolationLevel ?? null,
      isBlindAppend: c.isBlindAppend ?? null,
      operationMetrics: stringMap(raw['operationMetrics']) ?? new Map(),
      userMetadata: c.userMetadata ?? null,
      engineInfo: c.engineInfo ?? null,
    };
  });
}

/** DESCRIBE HISTORY as an Arrow table with Spark's column types. */
export async function history(store: ObjectStore, options: HistoryOptions = {}): Promise<arrow.Table> {
  const rows = await historyRows(store, options);
  return rowsToTable(
    HISTORY_SCHEMA,
    rows.map((r) => ({ ...r, version: BigInt(r.version), readVersion: r.readVersion === null ? null : BigInt(r.readVersion) })),
  );
}
