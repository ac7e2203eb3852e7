import type { Identifier, Node, ObjectName, Property } from './node.js';
import type { Expr, FunctionCall, SortItem, WindowSpec } from './expressions.js';

/**
 * A complete query: optional WITH, a body, and the clauses that apply to the whole body
 * (ORDER BY / SORT BY, LIMIT, OFFSET). A parenthesised query used as a body is itself a `query`.
 */
export interface Query extends Node {
  readonly kind: 'query';
  readonly with?: WithClause;
  readonly body: QueryBody;
  readonly orderBy: readonly SortItem[];
  /** True when the ordering was written `SORT BY` (per-partition in Spark; a total order here). */
  readonly sortBy?: boolean;
  /** Absent: no LIMIT; `'all'`: `LIMIT ALL`. */
  readonly limit?: Expr | 'all';
  readonly offset?: Expr;
  /** Named windows written after the set operation / ORDER BY (Spark's query-level WINDOW clause). */
  readonly windows?: readonly NamedWindow[];
}

export type QueryBody = Select | SetOperation | Values | Query | TableQuery;

export interface WithClause extends Node {
  readonly kind: 'with';
  readonly recursive: boolean;
  readonly ctes: readonly CommonTableExpression[];
}

export interface CommonTableExpression extends Node {
  readonly kind: 'cte';
  readonly name: Identifier;
  readonly columns?: readonly Identifier[];
  readonly query: Query;
}

/** UNION / INTERSECT / EXCEPT (MINUS is normalized to EXCEPT). `all` false means DISTINCT. */
export interface SetOperation extends Node {
  readonly kind: 'setOperation';
  readonly op: 'UNION' | 'INTERSECT' | 'EXCEPT';
  readonly all: boolean;
  /** `UNION [ALL] BY NAME`. */
  readonly byName?: boolean;
  readonly left: QueryBody;
  readonly right: QueryBody;
}

/** `VALUES (…), (…)` as a query body (rows of expressions; a bare `VALUES 1, 2` gives one-item rows). */
export interface Values extends Node {
  readonly kind: 'values';
  readonly rows: readonly (readonly Expr[])[];
  /** `VALUES (…) t(a, b)` used as a query names its columns. */
  readonly alias?: TableAlias;
}

/** `TABLE t` as a query body. */
export interface TableQuery extends Node {
  readonly kind: 'tableQuery';
  readonly name: ObjectName;
}

export interface SelectItem extends Node {
  readonly kind: 'selectItem';
  readonly expr: Expr;
  readonly alias?: Identifier;
  /** `expr AS (a, b)` for generators returning several columns. */
  readonly aliases?: readonly Identifier[];
}

export interface Select extends Node {
  readonly kind: 'select';
  readonly distinct: boolean;
  readonly items: readonly SelectItem[];
  /** FROM items separated by commas (each may be a join tree); empty without FROM. */
  readonly from: readonly Relation[];
  readonly lateralViews: readonly LateralView[];
  readonly where?: Expr;
  readonly groupBy?: GroupBy;
  readonly having?: Expr;
  readonly qualify?: Expr;
  readonly windows: readonly NamedWindow[];
}

/** `GROUP BY ALL` has `all` true and no items. Ordinals stay number literals for the binder. */
export interface GroupBy extends Node {
  readonly kind: 'groupBy';
  readonly all: boolean;
  readonly items: readonly GroupingItem[];
}

export type GroupingItem = Expr | GroupingSets | Rollup | Cube;

/** `GROUPING SETS ((a, b), (a), ())`. */
export interface GroupingSets extends Node {
  readonly kind: 'groupingSets';
  readonly sets: readonly (readonly Expr[])[];
}

/** `ROLLUP(a, (b, c))` or `… WITH ROLLUP`: each element is a group of expressions. */
export interface Rollup extends Node {
  readonly kind: 'rollup';
  readonly elements: readonly (readonly Expr[])[];
}

export interface Cube extends Node {
  readonly kind: 'cube';
  readonly elements: readonly (readonly Expr[])[];
}

/** `WINDOW w AS (…)`. */
export interface NamedWindow extends Node {
  readonly kind: 'namedWindow';
  readonly name: Identifier;
  readonly spec: WindowSpec;
}

/** `t AS x(a, b)`. */
export interface TableAlias extends Node {
  readonly kind: 'tableAlias';
  readonly name: Identifier;
  readonly columns?: readonly Identifier[];
}

/** Time travel: `VERSION AS OF n` / `t@v5` (by 'version'), `TIMESTAMP AS OF e` / `t@yyyyMMddHHmmssSSS` (by 'timestamp'). */
export interface TimeTravel extends Node {
  readonly kind: 'timeTravel';
  readonly by: 'version' | 'timestamp';
  readonly value: Expr;
}

/** A table or view by name; `delta.\`/path\`` is parts ['delta', '/path']. */
export interface TableRef extends Node {
  readonly kind: 'tableRef';
  readonly name: ObjectName;
  readonly timeTravel?: TimeTravel;
  readonly alias?: TableAlias;
  /** `WITH (key = value, …)` read options. */
  readonly options?: readonly Property[];
}

/** `(SELECT …) [AS] alias` or `LATERAL (SELECT …)`. */
export interface DerivedTable extends Node {
  readonly kind: 'derivedTable';
  readonly query: Query;
  readonly lateral: boolean;
  readonly alias?: TableAlias;
}

/** `VALUES (…), (…) [AS] t(a, b)` in FROM. */
export interface InlineTable extends Node {
  readonly kind: 'inlineTable';
  readonly rows: readonly (readonly Expr[])[];
  readonly alias?: TableAlias;
}

/** `range(10)`, `read_parquet('…')`, `table_changes('t', 1, 3)`, any name: resolved by the binder. */
export interface TableFunction extends Node {
  readonly kind: 'tableFunction';
  readonly name: ObjectName;
  /** Arguments; `TABLE(t)` arguments appear as a `subquery` over `TABLE t`. */
  readonly args: readonly Expr[];
  readonly alias?: TableAlias;
}

export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'cross' | 'semi' | 'anti';

export interface Join extends Node {
  readonly kind: 'join';
  readonly type: JoinType;
  readonly natural: boolean;
  readonly left: Relation;
  readonly right: Relation;
  readonly on?: Expr;
  readonly using?: readonly Identifier[];
  /** `(a JOIN b) AS j(x, y)`: an alias on a parenthesised join. */
  readonly alias?: TableAlias;
}

export type Relation = TableRef | DerivedTable | InlineTable | TableFunction | Join;

/** `LATERAL VIEW [OUTER] explode(x) t AS c1, c2`. */
export interface LateralView extends Node {
  readonly kind: 'lateralView';
  readonly outer: boolean;
  readonly func: FunctionCall;
  readonly tableAlias?: Identifier;
  readonly columnAliases: readonly Identifier[];
}
