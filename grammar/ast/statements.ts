import type { Identifier, Node, ObjectName, Property } from './node.js';
import type { ColumnRef, Expr } from './expressions.js';
import type { Query } from './queries.js';
import type { TypeNode } from './types.js';
import type { AlterTable } from './alter-table.js';
import type { DeltaStatement } from './delta-statements.js';

/** `GENERATED ALWAYS|BY DEFAULT AS IDENTITY [(START WITH n INCREMENT BY m)]`. */
export interface IdentitySpec {
  readonly always: boolean;
  readonly start?: Expr;
  readonly step?: Expr;
}

/** A column in CREATE TABLE / ADD COLUMNS / view column lists. */
export interface ColumnDef extends Node {
  readonly kind: 'columnDef';
  readonly name: Identifier;
  /** Absent only in view column lists and `PARTITIONED BY (a, b)` name lists. */
  readonly type?: TypeNode;
  readonly notNull: boolean;
  readonly comment?: string;
  /** `GENERATED ALWAYS AS (expr)`. */
  readonly generatedAs?: Expr;
  readonly identity?: IdentitySpec;
  readonly default?: Expr;
  /** Informational `PRIMARY KEY` / `UNIQUE` column constraints (SQLite-style DDL); not enforced by Spark. */
  readonly primaryKey?: boolean;
  readonly unique?: boolean;
  /** Placement for ALTER TABLE ADD COLUMNS: `FIRST` or `AFTER col`. */
  readonly position?: ColumnPosition;
}

export type ColumnPosition = { readonly kind: 'first' } | { readonly kind: 'after'; readonly column: Identifier };

/** A table-level constraint in CREATE TABLE: `[CONSTRAINT name] CHECK (…)`, `PRIMARY KEY (…)`, `UNIQUE (…)`. */
export interface TableConstraint extends Node {
  readonly kind: 'tableConstraint';
  readonly name?: Identifier;
  readonly constraint: 'check' | 'primaryKey' | 'unique';
  readonly check?: Expr;
  readonly columns?: readonly Identifier[];
}

/** CREATE [OR REPLACE] [EXTERNAL] TABLE [IF NOT EXISTS] … [AS query]; also `REPLACE TABLE`. */
export interface CreateTable extends Node {
  readonly kind: 'createTable';
  readonly orReplace: boolean;
  /** `REPLACE TABLE t …` without CREATE. */
  readonly replaceOnly?: boolean;
  readonly ifNotExists: boolean;
  readonly temporary?: boolean;
  readonly external?: boolean;
  readonly name: ObjectName;
  readonly columns: readonly ColumnDef[];
  readonly constraints: readonly TableConstraint[];
  /** `USING fmt` lower-cased (absent when not written: Delta is the default). */
  readonly using?: string;
  /** `PARTITIONED BY (a, b)`; Hive-style typed partition columns carry their type. */
  readonly partitionedBy: readonly ColumnDef[];
  /** `CLUSTER BY (a, b.c)`. */
  readonly clusterBy?: readonly ColumnRef[];
  readonly location?: string;
  readonly comment?: string;
  readonly tblProperties: readonly Property[];
  readonly options: readonly Property[];
  readonly asQuery?: Query;
}

export interface CreateView extends Node {
  readonly kind: 'createView';
  readonly orReplace: boolean;
  /** TEMP / TEMPORARY (session-scoped) or GLOBAL TEMPORARY. */
  readonly temporary: boolean;
  readonly global?: boolean;
  readonly ifNotExists: boolean;
  readonly name: ObjectName;
  /** Column names with optional comments (types absent). */
  readonly columns?: readonly ColumnDef[];
  readonly comment?: string;
  readonly tblProperties: readonly Property[];
  readonly query: Query;
}

export interface DropTable extends Node {
  readonly kind: 'dropTable';
  readonly ifExists: boolean;
  readonly name: ObjectName;
  readonly purge: boolean;
}

export interface DropView extends Node {
  readonly kind: 'dropView';
  readonly ifExists: boolean;
  readonly name: ObjectName;
}

/** `PARTITION (a = 1, b)` in INSERT; a key without value is a dynamic partition column. */
export interface PartitionSpecItem {
  readonly column: Identifier;
  readonly value?: Expr;
}

/**
 * INSERT INTO|OVERWRITE [TABLE] t [PARTITION (…)] [(cols) | BY NAME] [REPLACE WHERE e] query.
 * `VALUES …` sources are a query whose body is `values`.
 */
export interface Insert extends Node {
  readonly kind: 'insert';
  readonly overwrite: boolean;
  readonly table: ObjectName;
  readonly partition?: readonly PartitionSpecItem[];
  readonly columns?: readonly Identifier[];
  readonly byName?: boolean;
  readonly replaceWhere?: Expr;
  readonly source: Query;
}

/** `col = expr` in UPDATE SET and MERGE UPDATE SET (target may be `t.col` or a nested field path). */
export interface Assignment extends Node {
  readonly kind: 'assignment';
  readonly target: ColumnRef;
  readonly value: Expr;
}

export interface Update extends Node {
  readonly kind: 'update';
  readonly table: ObjectName;
  readonly alias?: Identifier;
  readonly assignments: readonly Assignment[];
  readonly where?: Expr;
}

export interface Delete extends Node {
  readonly kind: 'delete';
  readonly table: ObjectName;
  readonly alias?: Identifier;
  readonly where?: Expr;
}

/** `DESCRIBE [TABLE] [EXTENDED|FORMATTED] t [col]`. */
export interface DescribeTable extends Node {
  readonly kind: 'describeTable';
  readonly table: ObjectName;
  readonly extended: boolean;
  readonly column?: readonly string[];
}

/** `DESCRIBE QUERY q` / `DESCRIBE SELECT …`: the output schema of a query. */
export interface DescribeQuery extends Node {
  readonly kind: 'describeQuery';
  readonly query: Query;
}

/** `SHOW TABLES [FROM|IN db] [[LIKE] 'pattern']`. */
export interface ShowTables extends Node {
  readonly kind: 'showTables';
  readonly namespace?: ObjectName;
  readonly pattern?: string;
}

/** `SHOW COLUMNS FROM|IN t [FROM|IN db]`. */
export interface ShowColumns extends Node {
  readonly kind: 'showColumns';
  readonly table: ObjectName;
  readonly namespace?: ObjectName;
}

/** `SHOW TBLPROPERTIES t [(key)]`. */
export interface ShowTblProperties extends Node {
  readonly kind: 'showTblProperties';
  readonly table: ObjectName;
  readonly key?: string;
}

/** `SHOW CREATE TABLE t`, `SHOW VIEWS`, `SHOW DATABASES`, `SHOW FUNCTIONS`, `SHOW PARTITIONS t`. */
export interface ShowOther extends Node {
  readonly kind: 'showOther';
  readonly what: 'createTable' | 'views' | 'databases' | 'functions' | 'partitions';
  readonly target?: ObjectName;
  readonly pattern?: string;
}

/** `EXPLAIN [EXTENDED|FORMATTED|CODEGEN|COST|ANALYZE] statement`. */
export interface Explain extends Node {
  readonly kind: 'explain';
  readonly mode: 'simple' | 'extended' | 'formatted' | 'codegen' | 'cost' | 'analyze';
  readonly statement: Statement;
}

/** `SET` (list), `SET key` (show one), `SET key = value` (key and value as raw trimmed text). */
export interface SetConfig extends Node {
  readonly kind: 'set';
  readonly key?: string;
  readonly value?: string;
}

/** `RESET` or `RESET key`. */
export interface ResetConfig extends Node {
  readonly kind: 'reset';
  readonly key?: string;
}

/** `USE [DATABASE|SCHEMA|NAMESPACE|CATALOG] name`. */
export interface Use extends Node {
  readonly kind: 'use';
  readonly target: 'namespace' | 'catalog';
  readonly name: ObjectName;
}

/** `CREATE DATABASE|SCHEMA [IF NOT EXISTS] name [COMMENT …] [LOCATION …]`. */
export interface CreateSchema extends Node {
  readonly kind: 'createSchema';
  readonly ifNotExists: boolean;
  readonly name: ObjectName;
  readonly comment?: string;
  readonly location?: string;
}

/** `DROP DATABASE|SCHEMA [IF EXISTS] name [RESTRICT|CASCADE]`. */
export interface DropSchema extends Node {
  readonly kind: 'dropSchema';
  readonly ifExists: boolean;
  readonly name: ObjectName;
  readonly cascade: boolean;
}

/** `CACHE [LAZY] TABLE t [OPTIONS (…)] [[AS] query]`. */
export interface CacheTable extends Node {
  readonly kind: 'cacheTable';
  readonly lazy: boolean;
  readonly table: ObjectName;
  readonly query?: Query;
}

export interface UncacheTable extends Node {
  readonly kind: 'uncacheTable';
  readonly ifExists: boolean;
  readonly table: ObjectName;
}

export type Statement =
  | Query
  | CreateTable
  | CreateView
  | DropTable
  | DropView
  | Insert
  | Update
  | Delete
  | DescribeTable
  | DescribeQuery
  | ShowTables
  | ShowColumns
  | ShowTblProperties
  | ShowOther
  | Explain
  | SetConfig
  | ResetConfig
  | Use
  | CreateSchema
  | DropSchema
  | CacheTable
  | UncacheTable
  | AlterTable
  | DeltaStatement;
