import type { Identifier, Node } from './node.js';
import type { Literal } from './literals.js';
import type { TypeNode } from './types.js';
import type { Query } from './queries.js';

/** Binary operators. `==` is normalized to `=`, `!=` to `<>`. */
export type BinaryOperator =
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | 'DIV'
  | '||'
  | '&'
  | '|'
  | '^'
  | '<<'
  | '>>'
  | '>>>'
  | '='
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | '<=>'
  | 'AND'
  | 'OR';

export type UnaryOperator = '-' | '+' | '~' | 'NOT';

/**
 * A (possibly qualified) column reference: `a`, `t.a`, `db.t.a`, or struct access `a.b.c`.
 * The binder decides which leading parts name a table and which are struct fields.
 */
export interface ColumnRef extends Node {
  readonly kind: 'column';
  readonly parts: readonly string[];
  readonly quoted: readonly boolean[];
}

/** `*` or `t.*` (qualifier parts as written). */
export interface Star extends Node {
  readonly kind: 'star';
  readonly qualifier?: readonly string[];
}

export interface UnaryOp extends Node {
  readonly kind: 'unaryOp';
  readonly op: UnaryOperator;
  readonly operand: Expr;
}

export interface BinaryOp extends Node {
  readonly kind: 'binaryOp';
  readonly op: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
}

/** `x IS [NOT] NULL | TRUE | FALSE | UNKNOWN`. */
export interface IsTest extends Node {
  readonly kind: 'isTest';
  readonly operand: Expr;
  readonly test: 'null' | 'true' | 'false' | 'unknown';
  readonly negated: boolean;
}

/** `a IS [NOT] DISTINCT FROM b`. */
export interface IsDistinctFrom extends Node {
  readonly kind: 'isDistinctFrom';
  readonly left: Expr;
  readonly right: Expr;
  readonly negated: boolean;
}

export interface Between extends Node {
  readonly kind: 'between';
  readonly operand: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly negated: boolean;
}

export interface InList extends Node {
  readonly kind: 'inList';
  readonly operand: Expr;
  readonly list: readonly Expr[];
  readonly negated: boolean;
}

/** `x [NOT] IN (SELECT …)`; a multi-column probe `(a, b) IN (…)` has a `row` operand. */
export interface InSubquery extends Node {
  readonly kind: 'inSubquery';
  readonly operand: Expr;
  readonly query: Query;
  readonly negated: boolean;
}

/** `x [NOT] LIKE|ILIKE p [ESCAPE 'c']`, `x [NOT] RLIKE|REGEXP p` (op 'RLIKE'). */
export interface Like extends Node {
  readonly kind: 'like';
  readonly op: 'LIKE' | 'ILIKE' | 'RLIKE';
  readonly operand: Expr;
  readonly pattern: Expr;
  readonly escape?: string;
  readonly negated: boolean;
}

/** `x [NOT] LIKE|ILIKE ANY|SOME|ALL (p1, p2, …)` (SOME is normalized to ANY). */
export interface LikeQuantified extends Node {
  readonly kind: 'likeQuantified';
  readonly op: 'LIKE' | 'ILIKE';
  readonly quantifier: 'ANY' | 'ALL';
  readonly operand: Expr;
  readonly patterns: readonly Expr[];
  readonly negated: boolean;
}

export interface WhenClause extends Node {
  readonly kind: 'when';
  readonly condition: Expr;
  readonly result: Expr;
}

/** Simple CASE when `operand` is present, searched CASE otherwise. */
export interface Case extends Node {
  readonly kind: 'case';
  readonly operand?: Expr;
  readonly whens: readonly WhenClause[];
  readonly else?: Expr;
}

/** `CAST(x AS t)`, `TRY_CAST(x AS t)` (tryCast true), `x::t` (syntax 'colons'). */
export interface Cast extends Node {
  readonly kind: 'cast';
  readonly expr: Expr;
  readonly type: TypeNode;
  readonly tryCast: boolean;
  readonly syntax: 'function' | 'colons';
}

export interface SortItem extends Node {
  readonly kind: 'sortItem';
  readonly expr: Expr;
  /** Absent when not written (ascending). */
  readonly direction?: 'ASC' | 'DESC';
  /** Absent when not written (Spark: NULLS FIRST for ASC, NULLS LAST for DESC). */
  readonly nulls?: 'FIRST' | 'LAST';
}

export type FrameBoundType = 'unboundedPreceding' | 'preceding' | 'currentRow' | 'following' | 'unboundedFollowing';

export interface FrameBound extends Node {
  readonly kind: 'frameBound';
  readonly type: FrameBoundType;
  /** The offset expression for `n PRECEDING` / `n FOLLOWING`. */
  readonly offset?: Expr;
}

/** `ROWS|RANGE start` or `ROWS|RANGE BETWEEN start AND end` (end absent for the short form). */
export interface WindowFrame extends Node {
  readonly kind: 'windowFrame';
  readonly unit: 'ROWS' | 'RANGE';
  readonly start: FrameBound;
  readonly end?: FrameBound;
}

/** `(base PARTITION BY … ORDER BY … frame)`; `DISTRIBUTE BY`/`SORT BY` map to partition/order. */
export interface WindowSpec extends Node {
  readonly kind: 'windowSpec';
  /** A named window this spec extends: `OVER (w ORDER BY x)`. */
  readonly baseName?: Identifier;
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly SortItem[];
  readonly frame?: WindowFrame;
}

/** `OVER w`: a reference to a window named in the WINDOW clause. */
export interface WindowRef extends Node {
  readonly kind: 'windowRef';
  readonly name: Identifier;
}

/**
 * A function call `name(args)`. `count(*)` has a single `star` argument.
 * `orderBy` is `WITHIN GROUP (ORDER BY …)` (withinGroup true) or an ORDER BY inside the argument list.
 * `parenless` marks `CURRENT_DATE` / `CURRENT_TIMESTAMP` / `CURRENT_USER` written without parentheses.
 */
export interface FunctionCall extends Node {
  readonly kind: 'function';
  readonly name: readonly string[];
  readonly quoted: readonly boolean[];
  readonly args: readonly Expr[];
  readonly distinct: boolean;
  readonly filter?: Expr;
  readonly orderBy?: readonly SortItem[];
  readonly withinGroup?: boolean;
  /** `IGNORE NULLS` / `RESPECT NULLS`, written inside or after the argument list. */
  readonly nullTreatment?: 'IGNORE' | 'RESPECT';
  readonly over?: WindowSpec | WindowRef;
  readonly parenless?: boolean;
}

/** `name => value` inside a function's argument list. */
export interface NamedArgument extends Node {
  readonly kind: 'namedArgument';
  readonly name: Identifier;
  readonly value: Expr;
}

/** `EXTRACT(field FROM source)`; field as written (YEAR, DOY, …), upper-cased. */
export interface Extract extends Node {
  readonly kind: 'extract';
  readonly field: string;
  readonly source: Expr;
}

/** `TRIM([BOTH|LEADING|TRAILING] [chars] FROM source)`; plain `trim(x)` is a function call. */
export interface Trim extends Node {
  readonly kind: 'trim';
  readonly mode: 'BOTH' | 'LEADING' | 'TRAILING';
  readonly chars?: Expr;
  readonly source: Expr;
}

/** A scalar subquery `(SELECT …)`. */
export interface ScalarSubquery extends Node {
  readonly kind: 'subquery';
  readonly query: Query;
}

export interface Exists extends Node {
  readonly kind: 'exists';
  readonly query: Query;
}

/** Field access on a non-column base: `f(x).a`, `(s).a`, `arr[0].a`. */
export interface FieldAccess extends Node {
  readonly kind: 'fieldAccess';
  readonly base: Expr;
  readonly field: Identifier;
}

/** `base[index]`: array element (0-based in Spark) or map value. */
export interface Subscript extends Node {
  readonly kind: 'subscript';
  readonly base: Expr;
  readonly index: Expr;
}

/** `x -> body` or `(x, y) -> body`. */
export interface Lambda extends Node {
  readonly kind: 'lambda';
  readonly params: readonly Identifier[];
  readonly body: Expr;
}

/** A `(a, b, …)` row constructor (two or more items); Spark treats it as a struct. */
export interface Row extends Node {
  readonly kind: 'row';
  readonly items: readonly Expr[];
  /** `(1 AS a, 2 AS b)`: per-item names (null where none was given); absent when no item is named. */
  readonly aliases?: readonly (Identifier | null)[];
}

/** `?`: ordinal counts the `?` markers in the statement text from 1. */
export interface PositionalParameter extends Node {
  readonly kind: 'positionalParameter';
  readonly ordinal: number;
}

/** `:name`. */
export interface NamedParameter extends Node {
  readonly kind: 'namedParameter';
  readonly name: string;
}

export type Expr =
  | Literal
  | ColumnRef
  | Star
  | UnaryOp
  | BinaryOp
  | IsTest
  | IsDistinctFrom
  | Between
  | InList
  | InSubquery
  | Like
  | LikeQuantified
  | Case
  | Cast
  | FunctionCall
  | NamedArgument
  | Extract
  | Trim
  | ScalarSubquery
  | Exists
  | FieldAccess
  | Subscript
  | Lambda
  | Row
  | PositionalParameter
  | NamedParameter;
