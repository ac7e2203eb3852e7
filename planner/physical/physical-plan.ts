/**
 * Physical plans: plain data (serializable, they cross to workers). The executor maps each
 * `kind` to an operator (executor/operators). Every node states its output `schema`;
 * expressions inside a node refer to its input's columns by position (ColumnExpr.index).
 * For joins, expressions over the joined row see left columns first, then right columns.
 */
import type { DataType, StructField } from '../../src/common/types/data-type.js';
import type { BoundExpr } from '../expr/bound-expr.js';
import type { ScalarValue } from '../expr/scalar-value.js';

interface NodeBase {
  /** Output columns, in order. Names as the user sees them (case preserved). */
  readonly schema: readonly StructField[];
  /** Planner's row-count estimate, when it has one (for join sides, pool use, display). */
  readonly estimatedRows?: number;
}

/** Scan of a Delta table snapshot; `files` are those left after partition pruning and stats skipping. */
export interface DeltaScanNode extends NodeBase {
  readonly kind: 'delta_scan';
  /** Table root URI and the snapshot version the plan was bound to. */
  readonly location: string;
  readonly version: number;
  /** Logical column names to read, in output order (partition columns included by name). */
  readonly columns: readonly string[];
  /** Paths (as in the snapshot's add actions) of the files to read. */
  readonly files: readonly string[];
  readonly totalFiles: number;
  /** Optional predicate over this node's output columns for row-group skipping; rows are still filtered by a Filter above. */
  readonly skippingPredicate?: BoundExpr;
}

/** Scan of an Arrow table registered in the session (`session.register`). */
export interface MemoryScanNode extends NodeBase {
  readonly kind: 'memory_scan';
  readonly table: string;
  /** Column positions in the registered table, in output order. */
  readonly columns: readonly number[];
}

/** Scan of files by path: read_parquet / read_csv / read_json. */
export interface FileScanNode extends NodeBase {
  readonly kind: 'file_scan';
  readonly format: 'parquet' | 'csv' | 'json';
  readonly paths: readonly string[];
  readonly columns: readonly string[];
  readonly options: Readonly<Record<string, string>>;
}

/** Literal rows (VALUES, or the single empty row of `SELECT 1`). */
export interface ValuesNode extends NodeBase {
  readonly kind: 'values';
  readonly rows: readonly (readonly ScalarValue[])[];
}

/** range(start, end, step): one bigint column `id`. */
export interface RangeNode extends NodeBase {
  readonly kind: 'range';
  readonly start: bigint;
  readonly end: bigint;
  readonly step: bigint;
}

export interface FilterNode extends NodeBase {
  readonly kind: 'filter';
  readonly input: PhysicalPlan;
  readonly predicate: BoundExpr;
}

export interface ProjectNode extends NodeBase {
  readonly kind: 'project';
  readonly input: PhysicalPlan;
  readonly exprs: readonly BoundExpr[];
}

export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'left_semi' | 'left_anti' | 'cross';

/**
 * Equi-join on key pairs, plus an optional residual condition over the joined row.
 * `buildSide` is the side loaded into the hash table. `nullAware` (for NOT IN rewritten to anti join):
 * a NULL key on either side makes the anti join return no row for that probe, as SQL's NOT IN does.
 */
export interface HashJoinNode extends NodeBase {
  readonly kind: 'hash_join';
  readonly joinType: JoinType;
  readonly left: PhysicalPlan;
  readonly right: PhysicalPlan;
  readonly leftKeys: readonly BoundExpr[];
  readonly rightKeys: readonly BoundExpr[];
  /** Per key pair: true for `<=>` (NULL matches NULL). */
  readonly nullSafe: readonly boolean[];
  readonly residual?: BoundExpr;
  readonly buildSide: 'left' | 'right';
  readonly nullAware?: boolean;
}

export interface NestedLoopJoinNode extends NodeBase {
  readonly kind: 'nested_loop_join';
  readonly joinType: JoinType;
  readonly left: PhysicalPlan;
  readonly right: PhysicalPlan;
  readonly condition?: BoundExpr;
}

export interface AggregateCall {
  /** Registered aggregate function name (lower case), e.g. sum, count, avg, collect_list. */
  readonly name: string;
  readonly args: readonly BoundExpr[];
  readonly distinct: boolean;
  readonly filter?: BoundExpr;
  /** ORDER BY inside the aggregate (WITHIN GROUP), when the function uses it. */
  readonly orderBy?: readonly SortKey[];
  readonly type: DataType;
}

/**
 * Hash aggregate. Output: the group-by columns (in order), then (when groupingSets is set)
 * a `grouping_id` long column as Spark computes it, then one column per aggregate.
 * `groupingSets`: for GROUPING SETS / ROLLUP / CUBE, each set lists indexes into groupBy that are grouped;
 * the others are NULL for that set.
 */
export interface HashAggregateNode extends NodeBase {
  readonly kind: 'hash_aggregate';
  readonly input: PhysicalPlan;
  readonly groupBy: readonly BoundExpr[];
  readonly groupingSets?: readonly (readonly number[])[];
  readonly aggregates: readonly AggregateCall[];
}

export interface SortKey {
  readonly expr: BoundExpr;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

export interface SortNode extends NodeBase {
  readonly kind: 'sort';
  readonly input: PhysicalPlan;
  readonly keys: readonly SortKey[];
}

/** ORDER BY … LIMIT n [OFFSET m] without a full sort. */
export interface TopNNode extends NodeBase {
  readonly kind: 'top_n';
  readonly input: PhysicalPlan;
  readonly keys: readonly SortKey[];
  readonly limit: number;
  readonly offset: number;
}

export interface LimitNode extends NodeBase {
  readonly kind: 'limit';
  readonly input: PhysicalPlan;
  /** undefined: no limit (OFFSET only). */
  readonly limit: number | undefined;
  readonly offset: number;
}

export interface WindowFrame {
  readonly unit: 'rows' | 'range';
  /** Offsets: negative = PRECEDING, positive = FOLLOWING, 0 = CURRENT ROW; undefined = UNBOUNDED on that side. */
  readonly start: number | undefined;
  readonly end: number | undefined;
  /** For RANGE frames with value offsets: the offsets as literals of the order key's type. */
  readonly startValue?: ScalarValue;
  readonly endValue?: ScalarValue;
}

export interface WindowCall {
  /** Ranking/offset function (row_number, rank, dense_rank, percent_rank, cume_dist, ntile, lag, lead, first_value, last_value, nth_value) or any aggregate name. */
  readonly name: string;
  readonly args: readonly BoundExpr[];
  readonly distinct: boolean;
  readonly ignoreNulls: boolean;
  readonly frame: WindowFrame;
  readonly type: DataType;
}

/**
 * Window operator for one (partitionBy, orderBy) specification: outputs its input columns,
 * then one column per function. Several specifications stack as several nodes.
 */
export interface WindowNode extends NodeBase {
  readonly kind: 'window';
  readonly input: PhysicalPlan;
  readonly partitionBy: readonly BoundExpr[];
  readonly orderBy: readonly SortKey[];
  readonly functions: readonly WindowCall[];
}

/** UNION ALL of inputs with identical schemas (distinct union = this + aggregate). */
export interface UnionNode extends NodeBase {
  readonly kind: 'union';
  readonly inputs: readonly PhysicalPlan[];
}

/** INTERSECT / EXCEPT [ALL]; rows compare with NULL equal to NULL. */
export interface SetOpNode extends NodeBase {
  readonly kind: 'set_op';
  readonly op: 'intersect' | 'except';
  readonly all: boolean;
  readonly left: PhysicalPlan;
  readonly right: PhysicalPlan;
}

/** explode/posexplode/inline and friends (LATERAL VIEW or a generator in SELECT): input columns then generated ones. */
export interface GenerateNode extends NodeBase {
  readonly kind: 'generate';
  readonly input: PhysicalPlan;
  readonly generator: string;
  readonly args: readonly BoundExpr[];
  /** OUTER: keep input rows that generate nothing, with NULLs. */
  readonly outer: boolean;
}

/**
 * WITH RECURSIVE: run `anchor`, then repeatedly run `recursive` with the previous iteration's rows
 * visible as a `work_table` scan with the same `cteId`, until an iteration yields no rows (UNION ALL;
 * `distinct` drops rows seen before). `maxIterations` guards against runaway recursion.
 */
export interface RecursiveCteNode extends NodeBase {
  readonly kind: 'recursive_cte';
  readonly cteId: number;
  readonly anchor: PhysicalPlan;
  readonly recursive: PhysicalPlan;
  readonly distinct: boolean;
  readonly maxIterations: number;
}

export interface WorkTableScanNode extends NodeBase {
  readonly kind: 'work_table';
  readonly cteId: number;
}

/** Rows produced by running something for its effect or a metadata read (DDL results, DESCRIBE, SHOW...). */
export interface EmptyNode extends NodeBase {
  readonly kind: 'empty';
}

export type PhysicalPlan =
  | DeltaScanNode
  | MemoryScanNode
  | FileScanNode
  | ValuesNode
  | RangeNode
  | FilterNode
  | ProjectNode
  | HashJoinNode
  | NestedLoopJoinNode
  | HashAggregateNode
  | SortNode
  | TopNNode
  | LimitNode
  | WindowNode
  | UnionNode
  | SetOpNode
  | GenerateNode
  | RecursiveCteNode
  | WorkTableScanNode
  | EmptyNode;

export type PhysicalKind = PhysicalPlan['kind'];
