/**
 * What a running plan needs from its session: settings, registered tables, and a way to read
 * Delta files. The planner's Session constructs it; operators only read it.
 */
import type * as arrow from 'apache-arrow';
import type { PhysicalPlan } from '../planner/physical/physical-plan.js';
import type { FunctionLookup } from './expr/function-lookup.js';

export interface DeltaScanRequest {
  /** Table root URI, as in DeltaScanNode.location. */
  readonly location: string;
  readonly version: number;
  /** Paths as in the snapshot's add actions. */
  readonly files: readonly string[];
  /** Logical column names, in output order (partition columns included). */
  readonly columns: readonly string[];
}

/** What EXPLAIN ANALYZE shows per operator; `ms` includes the time spent in its inputs. */
export interface OperatorStats {
  rows: number;
  batches: number;
  ms: number;
}

export interface ExecutionContext {
  /** spark.sql.ansi.enabled */
  readonly ansi: boolean;
  /** spark.sql.session.timeZone (IANA name). */
  readonly timeZone: string;
  /** Statement start, µs since epoch: current_timestamp() is constant within a statement. */
  readonly statementTime: bigint;
  /** Arrow tables registered in the session, by the name MemoryScanNode.table uses. */
  readonly memoryTables: ReadonlyMap<string, arrow.Table>;
  /** Rows of the given files (deletion vectors applied, partition columns filled), projected to `columns`. */
  scanDeltaFiles(req: DeltaScanRequest): AsyncIterable<arrow.RecordBatch>;
  /** Aborting cancels the query between batches with a CANCELLED error. */
  readonly signal?: AbortSignal;
  /** The function library to use; defaults to executor/functions' registry. */
  readonly functions?: FunctionLookup;
  /** When given, every operator run records its output rows, batches and inclusive time here. */
  readonly operatorStats?: Map<PhysicalPlan, OperatorStats>;
}
