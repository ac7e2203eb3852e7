/**
 * Logical plans: the binder's output and the optimizer's input. Unlike physical plans, columns
 * are named by a statement-unique id (`LogicalColumn.id`), and every ColumnExpr inside a logical
 * node carries that id in `index`; lowering maps ids to positions. Ids make pushdown and pruning
 * simple: a predicate can move below a node when the node's input produces every id it reads.
 */
import type { DataType } from '../../src/common/types/data-type.js';
import type { BoundExpr } from '../expr/bound-expr.js';
import type { AggregateCall, JoinType, SortKey, WindowCall } from '../physical/physical-plan.js';
import type { ScalarValue } from '../expr/scalar-value.js';
import type { DeltaFileInfo } from '../../src/catalog/table-source.js';

export interface LogicalColumn {
  readonly id: number;
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
}

/** What a scan reads. Delta sources carry the statement's snapshot (one per table per statement). */
export type ScanSource =
  | {
      readonly kind: 'delta';
      readonly location: string;
      readonly version: number;
      readonly name: string;
      readonly partitionColumns: readonly string[];
      readonly files: readonly DeltaFileInfo[];
    }
  | { readonly kind: 'memory'; readonly table: string; readonly rowCount: number }
  | {
      readonly kind: 'file';
      readonly format: 'parquet' | 'csv' | 'json';
      readonly paths: readonly string[];
      readonly options: Readonly<Record<string, string>>;
    };

/** A scan column: its id plus where it sits in the source (memory: position; others: name). */
export interface ScanColumn extends LogicalColumn {
  readonly sourceName: string;
  readonly sourceIndex: number;
}

interface Base {
  readonly output: readonly LogicalColumn[];
}

export interface ScanPlan extends Base {
  readonly kind: 'scan';
  readonly source: ScanSource;
  readonly output: readonly ScanColumn[];
  /** Conjuncts known to hold for emitted rows (pushed here for pruning); a Filter above still applies them. */
  readonly pruningFilters: readonly BoundExpr[];
}
export interface ValuesPlan extends Base {
  readonly kind: 'values';
  readonly rows: readonly (readonly ScalarValue[])[];
}
export interface RangePlan extends Base {
  readonly kind: 'range';
  readonly start: bigint;
  readonly end: bigint;
  readonly step: bigint;
}
export interface FilterPlan extends Base {
  readonly kind: 'filter';
  readonly input: LogicalPlan;
  readonly predicate: BoundExpr;
}
export interface ProjectPlan extends Base {
  readonly kind: 'project';
  readonly input: LogicalPlan;
  /** exprs[i] computes output[i]. */
  readonly exprs: readonly BoundExpr[];
}
export interface EquiKeys {
  readonly left: readonly BoundExpr[];
  readonly right: readonly BoundExpr[];
  readonly nullSafe: readonly boolean[];
}
export interface JoinPlan extends Base {
  readonly kind: 'join';
  readonly joinType: JoinType;
  readonly left: LogicalPlan;
  readonly right: LogicalPlan;
  /** The whole ON condition before equi-key extraction; the residual after it. */
  readonly condition: BoundExpr | undefined;
  readonly equi: EquiKeys | undefined;
  readonly nullAware: boolean;
  /** Chosen by the join-side rule; lowering defaults to the right side. */
  readonly buildSide: 'left' | 'right' | undefined;
}
export interface AggregatePlan extends Base {
  readonly kind: 'aggregate';
  readonly input: LogicalPlan;
  readonly groupBy: readonly BoundExpr[];
  readonly groupingSets: readonly (readonly number[])[] | undefined;
  readonly aggregates: readonly AggregateCall[];
}
export interface SortPlan extends Base {
  readonly kind: 'sort';
  readonly input: LogicalPlan;
  readonly keys: readonly SortKey[];
}
export interface LimitPlan extends Base {
  readonly kind: 'limit';
  readonly input: LogicalPlan;
  readonly limit: number | undefined;
  readonly offset: number;
}
export interface TopNPlan extends Base {
  readonly kind: 'top_n';
  readonly input: LogicalPlan;
  readonly keys: readonly SortKey[];
  readonly limit: number;
  readonly offset: number;
}
export interface WindowPlan extends Base {
  readonly kind: 'window';
  readonly input: LogicalPlan;
  readonly partitionBy: readonly BoundExpr[];
  readonly orderBy: readonly SortKey[];
  readonly functions: readonly WindowCall[];
}
/** UNION ALL: inputs' outputs line up by position with identical types. */
export interface UnionPlan extends Base {
  readonly kind: 'union';
  readonly inputs: readonly LogicalPlan[];
}
export interface SetOpPlan extends Base {
  readonly kind: 'set_op';
  readonly op: 'intersect' | 'except';
  readonly all: boolean;
  readonly left: LogicalPlan;
  readonly right: LogicalPlan;
}
export interface GeneratePlan extends Base {
  readonly kind: 'generate';
  readonly input: LogicalPlan;
  readonly generator: string;
  readonly args: readonly BoundExpr[];
  readonly outer: boolean;
}
export interface RecursiveCtePlan extends Base {
  readonly kind: 'recursive_cte';
  readonly cteId: number;
  readonly anchor: LogicalPlan;
  readonly recursive: LogicalPlan;
  readonly distinct: boolean;
  readonly maxIterations: number;
}
export interface WorkTablePlan extends Base {
  readonly kind: 'work_table';
  readonly cteId: number;
}

export type LogicalPlan =
  | ScanPlan
  | ValuesPlan
  | RangePlan
  | FilterPlan
  | ProjectPlan
  | JoinPlan
  | AggregatePlan
  | SortPlan
  | LimitPlan
  | TopNPlan
  | WindowPlan
  | UnionPlan
  | SetOpPlan
  | GeneratePlan
  | RecursiveCtePlan
  | WorkTablePlan;

/** The direct inputs of a node. */
export function childrenOf(plan: LogicalPlan): LogicalPlan[] {
  switch (plan.kind) {
    case 'scan':
    case 'values':
    case 'range':
    case 'work_table':
      return [];
    case 'join':
    case 'set_op':
      return [plan.left, plan.right];
    case 'union':
      return [...plan.inputs];
    case 'recursive_cte':
      return [plan.anchor, plan.recursive];
    default:
      return [plan.input];
  }
}

/** Rebuild a node with new inputs (same arity and order as childrenOf). */
export function withChildren(plan: LogicalPlan, children: readonly LogicalPlan[]): LogicalPlan {
  const c = (i: number): LogicalPlan => {
    const child = children[i];
    if (child === undefined) throw new Error(`withChildren: missing child ${i}`);
    return child;
  };
  switch (plan.kind) {
    case 'scan':
    case 'values':
    case 'range':
    case 'work_table':
      return plan;
    case 'join':
    case 'set_op':
      return { ...plan, left: c(0), right: c(1) };
    case 'union':
      return { ...plan, inputs: children };
    case 'recursive_cte':
      return { ...plan, anchor: c(0), recursive: c(1) };
    default:
      return { ...plan, input: c(0) };
  }
}

/** Bottom-up rewrite: `fn` sees each node after its children were rewritten. */
export function transformUp(plan: LogicalPlan, fn: (p: LogicalPlan) => LogicalPlan): LogicalPlan {
  const kids = childrenOf(plan);
  const next = kids.map((k) => transformUp(k, fn));
  const rebuilt = next.every((k, i) => k === kids[i]) ? plan : withChildren(plan, next);
  return fn(rebuilt);
}
