/**
 * Delta maintenance statements in SQL: DESCRIBE HISTORY / DETAIL, SHOW TBLPROPERTIES, RESTORE,
 * VACUUM and OPTIMIZE, each a thin SQL front over the SQL-free operations in src/delta/ops.
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError, type SourcePosition } from '../common/errors.js';
import { BOOLEAN, LONG, STRING, TIMESTAMP, field, struct, type StructField } from '../common/types/data-type.js';
import type { Expr, ObjectName, Query, Statement } from '../../grammar/ast/index.js';
import type { DescribeHistory, Optimize, Restore, Vacuum } from '../../grammar/ast/delta-statements.js';
import type { ShowTblProperties } from '../../grammar/ast/statements.js';
import { Catalog } from '../catalog/catalog.js';
import type { Snapshot } from '../delta/snapshot.js';
import { describeDetail, history, optimize, restore, vacuum, type OptimizeMetrics } from '../delta/ops/index.js';
import { rowsToTable } from '../delta/ops/rows-to-table.js';
import type { ObjectStore } from '../storage/object-store.js';
import { QueryResult } from './query-result.js';
import { stringTable } from './session-metadata.js';
import { columnToJs } from './session-rows.js';
import { runQuery, type StatementEnv } from './session-statements.js';
import { partitionFilterOf } from './session-partition-filter.js';

export const RETENTION_CHECK_KEY = 'spark.databricks.delta.retentionDurationCheck.enabled';

export type DeltaOpStatement = Extract<Statement, { kind: 'describeHistory' | 'describeDetail' | 'showTblProperties' | 'restore' | 'vacuum' | 'optimize' }>;

export function isDeltaOpStatement(stmt: Statement): stmt is DeltaOpStatement {
  return ['describeHistory', 'describeDetail', 'showTblProperties', 'restore', 'vacuum', 'optimize'].includes(stmt.kind);
}

export async function runDeltaOpStatement(env: StatementEnv, stmt: DeltaOpStatement): Promise<QueryResult> {
  switch (stmt.kind) {
    case 'describeHistory':
      return describeHistory(env, stmt);
    case 'describeDetail': {
      const t = await openTable(env, stmt.table, stmt.span.start);
      return QueryResult.rows(await describeDetail(t.store));
    }
    case 'showTblProperties':
      return showTblProperties(env, stmt);
    case 'restore':
      return restoreTable(env, stmt);
    case 'vacuum':
      return vacuumTable(env, stmt);
    case 'optimize':
      return optimizeTable(env, stmt);
  }
}

export interface OpenTable {
  readonly location: string;
  readonly store: ObjectStore;
  readonly snapshot: Snapshot;
  readonly display: string;
}

/** The Delta table a statement names (a warehouse name or delta.`path`), at its latest version. */
export async function openTable(env: StatementEnv, name: ObjectName, position: SourcePosition): Promise<OpenTable> {
  const display = name.parts.join('.');
  let location: string;
  try {
    location = Catalog.pathOf(name.parts, name.quoted) ?? env.catalog.tableLocation(name.parts);
  } catch (error) {
    if (error instanceof DeltaSqlError) throw new DeltaSqlError(error.code, error.message, { position, cause: error });
    throw error;
  }
  const snapshot = await env.catalog.loadSnapshot(location, { kind: 'latest' }, display);
  return { location, store: env.catalog.openStore(location), snapshot, display };
}

/** A constant expression's value (LIMIT n, RETAIN n HOURS, AS OF …), through the query path. */
async function constantOf(env: StatementEnv, expr: Expr): Promise<unknown> {
  const span = expr.span;
  const query: Query = {
    kind: 'query',
    span,
    orderBy: [],
    body: { kind: 'select', span, distinct: false, items: [{ kind: 'selectItem', expr, span }], from: [], lateralViews: [], windows: [] },
  };
  const table: arrow.Table = await runQuery(env, query);
  const data = table.getChildAt(0)?.data[0];
  return data === undefined ? null : columnToJs(data)[0];
}

async function numberOf(env: StatementEnv, expr: Expr, what: string): Promise<number> {
  const v = await constantOf(env, expr);
  const n = typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new DeltaSqlError('INVALID_ARGUMENT', `${what} must be a number, got ${String(v)}`, { position: expr.span.start });
  return n;
}

async function describeHistory(env: StatementEnv, stmt: DescribeHistory): Promise<QueryResult> {
  const t = await openTable(env, stmt.table, stmt.span.start);
  let limit: number | undefined;
  if (stmt.limit !== undefined) {
    limit = await numberOf(env, stmt.limit, 'DESCRIBE HISTORY LIMIT');
    if (!Number.isInteger(limit) || limit < 0) {
      throw new DeltaSqlError('INVALID_ARGUMENT', `DESCRIBE HISTORY LIMIT must be a non-negative integer, got ${limit}`, { position: stmt.limit.span.start });
    }
  }
  return QueryResult.rows(await history(t.store, { limit }));
}

/** Delta's table properties: the metadata configuration plus the protocol's versions and features. */
function tableProperties(s: Snapshot): Map<string, string> {
  const props = new Map<string, string>();
  for (const [k, v] of Object.entries(s.metadata.configuration)) if (v !== null && v !== undefined) props.set(k, v);
  props.set('delta.minReaderVersion', String(s.protocol.minReaderVersion));
  props.set('delta.minWriterVersion', String(s.protocol.minWriterVersion));
  for (const f of [...(s.protocol.readerFeatures ?? []), ...(s.protocol.writerFeatures ?? [])]) props.set(`delta.feature.${f}`, 'supported');
  return props;
}

async function showTblProperties(env: StatementEnv, stmt: ShowTblProperties): Promise<QueryResult> {
  const t = await openTable(env, stmt.table, stmt.span.start);
  const props = tableProperties(t.snapshot);
  if (stmt.key !== undefined) {
    const v = props.get(stmt.key);
    return QueryResult.rows(stringTable(['key', 'value'], [[stmt.key, v ?? `Table ${t.display} does not have property: ${stmt.key}`]]));
  }
  const rows = [...props.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return QueryResult.rows(stringTable(['key', 'value'], rows));
}

const RESTORE_SCHEMA: readonly StructField[] = [
  'table_size_after_restore',
  'num_of_files_after_restore',
  'num_removed_files',
  'num_restored_files',
  'removed_files_size',
  'restored_files_size',
].map((n) => field(n, LONG));

async function restoreTable(env: StatementEnv, stmt: Restore): Promise<QueryResult> {
  const t = await openTable(env, stmt.table, stmt.span.start);
  const tt = stmt.timeTravel;
  let result;
  if (tt.by === 'version') {
    const v = await numberOf(env, tt.value, 'RESTORE version');
    if (!Number.isInteger(v) || v < 0) throw new DeltaSqlError('INVALID_ARGUMENT', `RESTORE version must be a non-negative integer, got ${v}`, { position: tt.span.start });
    result = await restore(t.store, { version: v });
  } else {
    // Cast in the session's time zone, as Spark reads a zone-less timestamp string.
    const span = tt.value.span;
    const v = await constantOf(env, {
      kind: 'cast',
      expr: tt.value,
      type: { kind: 'type', type: TIMESTAMP, text: 'TIMESTAMP', span },
      tryCast: false,
      syntax: 'function',
      span,
    });
    if (!(v instanceof Date)) {
      throw new DeltaSqlError('INVALID_ARGUMENT', `RESTORE TIMESTAMP AS OF needs a timestamp, got ${String(v)}`, { position: tt.span.start });
    }
    result = await restore(t.store, { timestamp: v });
  }
  const m = result.metrics;
  const row = {
    table_size_after_restore: BigInt(m.tableSizeAfterRestore),
    num_of_files_after_restore: BigInt(m.numOfFilesAfterRestore),
    num_removed_files: BigInt(m.numRemovedFiles),
    num_restored_files: BigInt(m.numRestoredFiles),
    removed_files_size: BigInt(m.removedFilesSize),
    restored_files_size: BigInt(m.restoredFilesSize),
  };
  return QueryResult.rows(rowsToTable(RESTORE_SCHEMA, [row]));
}

function joinPath(root: string, rel: string): string {
  return root.endsWith('/') ? `${root}${rel}` : `${root}/${rel}`;
}

async function vacuumTable(env: StatementEnv, stmt: Vacuum): Promise<QueryResult> {
  const t = await openTable(env, stmt.table, stmt.span.start);
  const hours = stmt.retainHours === undefined ? undefined : await numberOf(env, stmt.retainHours, 'VACUUM RETAIN');
  const check = (env.config.get(RETENTION_CHECK_KEY) ?? 'true').trim().toLowerCase() !== 'false';
  const r = await vacuum(t.store, { retentionHours: hours, dryRun: stmt.dryRun, retentionCheck: check });
  // Spark: a dry run lists the files it would delete; a real run returns the table path.
  const paths = r.dryRun ? r.files.map((f) => [joinPath(t.location, f)]) : [[t.location]];
  return QueryResult.rows(stringTable(['path'], paths));
}

const SIZE_STATS = struct([field('min', LONG), field('max', LONG), field('avg', LONG), field('totalFiles', LONG), field('totalSize', LONG)]);
const FILES_STAT = struct([field('num', LONG), field('size', LONG)]);
const ZORDER_STATS = struct([
  field('strategyName', STRING),
  field('inputCubeFiles', FILES_STAT),
  field('inputOtherFiles', FILES_STAT),
  field('inputNumCubes', LONG),
  field('mergedFiles', FILES_STAT),
  field('numOutputCubes', LONG),
]);
/** Spark's OptimizeMetrics struct (the fields our operation measures). */
const METRICS = struct([
  field('numFilesAdded', LONG),
  field('numFilesRemoved', LONG),
  field('filesAdded', SIZE_STATS),
  field('filesRemoved', SIZE_STATS),
  field('partitionsOptimized', LONG),
  field('zOrderStats', ZORDER_STATS),
  field('numBatches', LONG),
  field('totalConsideredFiles', LONG),
  field('totalFilesSkipped', LONG),
  field('preserveInsertionOrder', BOOLEAN),
]);
const OPTIMIZE_SCHEMA: readonly StructField[] = [field('path', STRING), field('metrics', METRICS)];

const big = (n: number | null): bigint | null => (n === null ? null : BigInt(Math.round(n)));
const files = (f: { num: number; size: number }): Record<string, bigint> => ({ num: BigInt(f.num), size: BigInt(f.size) });

function metricsValue(m: OptimizeMetrics): Record<string, unknown> {
  const sizes = (s: OptimizeMetrics['filesAdded']): Record<string, unknown> => ({
    min: big(s.min),
    max: big(s.max),
    avg: big(s.avg),
    totalFiles: BigInt(s.totalFiles),
    totalSize: BigInt(s.totalSize),
  });
  const z = m.zOrderStats;
  return {
    numFilesAdded: BigInt(m.numFilesAdded),
    numFilesRemoved: BigInt(m.numFilesRemoved),
    filesAdded: sizes(m.filesAdded),
    filesRemoved: sizes(m.filesRemoved),
    partitionsOptimized: BigInt(m.partitionsOptimized),
    zOrderStats:
      z === undefined
        ? null
        : {
            strategyName: z.strategyName,
            inputCubeFiles: files(z.inputCubeFiles),
            inputOtherFiles: files(z.inputOtherFiles),
            inputNumCubes: BigInt(z.inputNumCubes),
            mergedFiles: files(z.mergedFiles),
            numOutputCubes: BigInt(z.numOutputCubes),
          },
    numBatches: BigInt(m.numBatches),
    totalConsideredFiles: BigInt(m.totalConsideredFiles),
    totalFilesSkipped: BigInt(m.totalFilesSkipped),
    preserveInsertionOrder: m.preserveInsertionOrder,
  };
}

async function optimizeTable(env: StatementEnv, stmt: Optimize): Promise<QueryResult> {
  const t = await openTable(env, stmt.table, stmt.span.start);
  const zOrderBy = stmt.zorderBy.map((c) => {
    if (c.parts.length !== 1) throw new DeltaSqlError('ANALYSIS_ERROR', `ZORDER BY takes top-level column names, got ${c.parts.join('.')}`, { position: c.span.start });
    return c.parts[0] ?? '';
  });
  const filter = stmt.where === undefined ? undefined : await partitionFilterOf(env, t, stmt.table, stmt.where);
  const r = await optimize(t.store, {
    zOrderBy,
    ...(filter !== undefined ? { partitionFilter: filter.matches, predicateText: [filter.text] } : {}),
  });
  return QueryResult.rows(rowsToTable(OPTIMIZE_SCHEMA, [{ path: t.location, metrics: metricsValue(r.metrics) }]));
}
