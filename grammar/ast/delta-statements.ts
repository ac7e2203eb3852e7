import type { Identifier, Node, ObjectName, Property } from './node.js';
import type { ColumnRef, Expr } from './expressions.js';
import type { Relation, TimeTravel } from './queries.js';
import type { Assignment, ColumnDef } from './statements.js';

export interface MergeUpdate {
  readonly kind: 'mergeUpdate';
  readonly assignments: readonly Assignment[];
}

/** `UPDATE SET *`. */
export interface MergeUpdateAll {
  readonly kind: 'mergeUpdateAll';
}

export interface MergeDelete {
  readonly kind: 'mergeDelete';
}

/** `INSERT [(cols)] VALUES (…)`; columns absent means all target columns in order. */
export interface MergeInsert {
  readonly kind: 'mergeInsert';
  readonly columns?: readonly ColumnRef[];
  readonly values: readonly Expr[];
}

/** `INSERT *`. */
export interface MergeInsertAll {
  readonly kind: 'mergeInsertAll';
}

export interface WhenMatched extends Node {
  readonly kind: 'whenMatched';
  readonly condition?: Expr;
  readonly action: MergeUpdate | MergeUpdateAll | MergeDelete;
}

/** `WHEN NOT MATCHED [BY TARGET] [AND c] THEN INSERT …`. */
export interface WhenNotMatched extends Node {
  readonly kind: 'whenNotMatched';
  readonly condition?: Expr;
  readonly action: MergeInsert | MergeInsertAll;
}

export interface WhenNotMatchedBySource extends Node {
  readonly kind: 'whenNotMatchedBySource';
  readonly condition?: Expr;
  readonly action: MergeUpdate | MergeDelete;
}

export type MergeClause = WhenMatched | WhenNotMatched | WhenNotMatchedBySource;

/** MERGE [WITH SCHEMA EVOLUTION] INTO target [[AS] t] USING source ON cond clauses… */
export interface Merge extends Node {
  readonly kind: 'merge';
  readonly schemaEvolution: boolean;
  readonly target: ObjectName;
  readonly targetAlias?: Identifier;
  /** A table (possibly time-travelled, aliased) or an aliased subquery. */
  readonly source: Relation;
  readonly on: Expr;
  readonly clauses: readonly MergeClause[];
}

/** `RESTORE [TABLE] t [TO] VERSION|TIMESTAMP AS OF …`. */
export interface Restore extends Node {
  readonly kind: 'restore';
  readonly table: ObjectName;
  readonly timeTravel: TimeTravel;
}

/** `DESCRIBE HISTORY t [LIMIT n]`; a string path `'/p'` is the name delta.`/p`. */
export interface DescribeHistory extends Node {
  readonly kind: 'describeHistory';
  readonly table: ObjectName;
  readonly limit?: Expr;
}

export interface DescribeDetail extends Node {
  readonly kind: 'describeDetail';
  readonly table: ObjectName;
}

/** `OPTIMIZE t [WHERE partition predicate] [ZORDER BY (a, b)]`. */
export interface Optimize extends Node {
  readonly kind: 'optimize';
  readonly table: ObjectName;
  readonly where?: Expr;
  readonly zorderBy: readonly ColumnRef[];
}

/** `VACUUM t [RETAIN n HOURS] [DRY RUN]`. */
export interface Vacuum extends Node {
  readonly kind: 'vacuum';
  readonly table: ObjectName;
  readonly retainHours?: Expr;
  readonly dryRun: boolean;
}

/** `CONVERT TO DELTA parquet.\`/path\` [NO STATISTICS] [PARTITIONED BY (a INT, …)]`. */
export interface ConvertToDelta extends Node {
  readonly kind: 'convertToDelta';
  /** The source as written, e.g. ['parquet', '/path'] or a table name. */
  readonly source: ObjectName;
  readonly noStatistics: boolean;
  readonly partitionedBy: readonly ColumnDef[];
}

/** `CREATE [OR REPLACE] TABLE [IF NOT EXISTS] t SHALLOW|DEEP CLONE src [time travel] [TBLPROPERTIES …] [LOCATION …]`. */
export interface CloneTable extends Node {
  readonly kind: 'cloneTable';
  readonly orReplace: boolean;
  readonly replaceOnly?: boolean;
  readonly ifNotExists: boolean;
  readonly name: ObjectName;
  readonly shallow: boolean;
  readonly source: ObjectName;
  readonly timeTravel?: TimeTravel;
  readonly tblProperties: readonly Property[];
  readonly location?: string;
}

export type DeltaStatement =
  | Merge
  | Restore
  | DescribeHistory
  | DescribeDetail
  | Optimize
  | Vacuum
  | ConvertToDelta
  | CloneTable;
