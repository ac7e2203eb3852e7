import type { Identifier, Node, ObjectName, Property } from './node.js';
import type { ColumnRef, Expr } from './expressions.js';
import type { TypeNode } from './types.js';
import type { ColumnDef, ColumnPosition } from './statements.js';

/** `ALTER TABLE t ADD CONSTRAINT name CHECK (expr)`. */
export interface AddConstraint {
  readonly kind: 'addConstraint';
  readonly name: Identifier;
  readonly check: Expr;
}

export interface DropConstraint {
  readonly kind: 'dropConstraint';
  readonly name: Identifier;
  readonly ifExists: boolean;
}

/** `ADD COLUMN[S] (c1 t1, …)` or `ADD COLUMN c t`. */
export interface AddColumns {
  readonly kind: 'addColumns';
  readonly columns: readonly ColumnDef[];
}

/** One change made by `ALTER|CHANGE [COLUMN] col …`. */
export type ColumnChange =
  | { readonly kind: 'setNotNull' }
  | { readonly kind: 'dropNotNull' }
  | { readonly kind: 'comment'; readonly comment: string }
  | { readonly kind: 'type'; readonly type: TypeNode }
  | { readonly kind: 'position'; readonly position: ColumnPosition }
  | { readonly kind: 'setDefault'; readonly default: Expr }
  | { readonly kind: 'dropDefault' };

/** `ALTER|CHANGE [COLUMN] a.b …`; the Hive form `CHANGE COLUMN a a INT COMMENT 'x'` gives several changes. */
export interface AlterColumn {
  readonly kind: 'alterColumn';
  readonly column: ColumnRef;
  readonly changes: readonly ColumnChange[];
}

export interface RenameColumn {
  readonly kind: 'renameColumn';
  readonly column: ColumnRef;
  readonly newName: Identifier;
}

/** `DROP COLUMN[S] [IF EXISTS] a, b` or `DROP COLUMNS (a, b)`. */
export interface DropColumns {
  readonly kind: 'dropColumns';
  readonly columns: readonly ColumnRef[];
  readonly ifExists: boolean;
}

export interface SetTblProperties {
  readonly kind: 'setTblProperties';
  readonly properties: readonly Property[];
}

export interface UnsetTblProperties {
  readonly kind: 'unsetTblProperties';
  readonly keys: readonly string[];
  readonly ifExists: boolean;
}

export interface RenameTable {
  readonly kind: 'renameTable';
  readonly newName: ObjectName;
}

/** `ALTER TABLE t CLUSTER BY (a, b)` / `CLUSTER BY NONE` (columns empty). */
export interface ClusterBy {
  readonly kind: 'clusterBy';
  readonly columns: readonly ColumnRef[];
}

export type AlterTableAction =
  | AddConstraint
  | DropConstraint
  | AddColumns
  | AlterColumn
  | RenameColumn
  | DropColumns
  | SetTblProperties
  | UnsetTblProperties
  | RenameTable
  | ClusterBy;

/** `ALTER TABLE t <action>` (also `ALTER VIEW v RENAME TO …` / `SET TBLPROPERTIES` with `view` true). */
export interface AlterTable extends Node {
  readonly kind: 'alterTable';
  readonly table: ObjectName;
  readonly view?: boolean;
  readonly action: AlterTableAction;
}
