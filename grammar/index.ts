/**
 * deltasql's SQL front end: Spark SQL text in, typed AST out.
 * Errors are DeltaSqlError SYNTAX_ERROR (with the offending token's position) or UNSUPPORTED.
 */
import type { DataType } from '../src/common/types/data-type.js';
import type { Expr, Statement, TypeNode } from './ast/index.js';
import { parseWith } from './parse.js';

export type * from './ast/index.js';
export { printExpr, printStatement, printQuery, printDataType } from './print/print.js';

/** Parse a script: statements separated by `;` (empty statements are skipped). */
export function parse(sql: string): Statement[] {
  return parseWith(sql, 'script') as Statement[];
}

/** Parse exactly one statement (a trailing `;` is allowed). */
export function parseStatement(sql: string): Statement {
  return parseWith(sql, 'singleStatement') as Statement;
}

/** Parse a standalone expression (CHECK constraints, generated columns, `:name` filters). */
export function parseExpression(sql: string): Expr {
  return parseWith(sql, 'singleExpression') as Expr;
}

/** Parse a SQL type name (`INT`, `DECIMAL(10,2)`, `ARRAY<STRING>`, …) into the shared DataType. */
export function parseDataType(sql: string): DataType {
  return (parseWith(sql, 'singleDataType') as TypeNode).type;
}
