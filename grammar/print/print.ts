/** Canonical SQL text for AST nodes; the output re-parses to the same AST (spans aside). */
import type { DataType } from '../../src/common/types/data-type.js';
import { typeToSql } from '../../src/common/types/data-type.js';
export { printExpr } from './print-expr.js';
export { printQuery } from './print-query.js';
export { printStatement } from './print-statement.js';

/** Spark's spelling of a data type (`decimal(10,2)`, `array<int>`). */
export function printDataType(t: DataType): string {
  return typeToSql(t);
}
