/**
 * Spark-style auto-generated names for unaliased SELECT expressions (`(a + 1)`, `sum(x)`,
 * `count(1)`, `CAST(x AS INT)`), so result columns read as in Spark.
 */
import type { Expr, Literal } from '../../grammar/ast/index.js';
import { typeToSql } from '../../src/common/types/data-type.js';

function literalName(l: Literal): string {
  switch (l.kind) {
    case 'number':
      return l.text;
    case 'string':
      return l.value;
    case 'boolean':
      return String(l.value);
    case 'null':
      return 'NULL';
    case 'typedLiteral':
      return `${l.type === 'timestamp_ltz' ? 'TIMESTAMP' : l.type.toUpperCase()} '${l.value}'`;
    case 'binaryLiteral':
      return `X'${l.hex.toUpperCase()}'`;
    case 'interval':
      return `INTERVAL '${l.parts.map((p) => p.value).join(' ')}'`;
  }
}

/** `columnName` resolves a column reference to its schema name (case as stored). */
export function outputName(e: Expr, columnName: (parts: readonly string[]) => string | undefined): string {
  const n = (x: Expr): string => outputName(x, columnName);
  switch (e.kind) {
    case 'number':
    case 'string':
    case 'boolean':
    case 'null':
    case 'typedLiteral':
    case 'binaryLiteral':
    case 'interval':
      return literalName(e);
    case 'column':
      return columnName(e.parts) ?? e.parts[e.parts.length - 1] ?? '';
    case 'star':
      return '*';
    case 'unaryOp':
      if (e.op === 'NOT') return `(NOT ${n(e.operand)})`;
      if (e.op === '-' && e.operand.kind === 'number') return `-${e.operand.text}`;
      return `(${e.op} ${n(e.operand)})`;
    case 'binaryOp':
      return `(${n(e.left)} ${e.op === '<>' ? '!=' : e.op} ${n(e.right)})`;
    case 'isTest':
      return `(${n(e.operand)} IS ${e.negated ? 'NOT ' : ''}${e.test.toUpperCase()})`;
    case 'isDistinctFrom':
      return `(${n(e.left)} IS ${e.negated ? 'NOT ' : ''}DISTINCT FROM ${n(e.right)})`;
    case 'between':
      return `(${n(e.operand)} ${e.negated ? 'NOT ' : ''}BETWEEN ${n(e.low)} AND ${n(e.high)})`;
    case 'inList':
      return `(${n(e.operand)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map(n).join(', ')}))`;
    case 'inSubquery':
      return `(${n(e.operand)} ${e.negated ? 'NOT ' : ''}IN (listquery()))`;
    case 'like':
      return `${e.negated ? 'NOT ' : ''}${n(e.operand)} ${e.op} ${n(e.pattern)}`;
    case 'likeQuantified':
      return `${n(e.operand)} ${e.negated ? 'NOT ' : ''}${e.op} ${e.quantifier} (${e.patterns.map(n).join(', ')})`;
    case 'case':
      return `CASE ${e.operand ? n(e.operand) + ' ' : ''}${e.whens.map((w) => `WHEN ${n(w.condition)} THEN ${n(w.result)}`).join(' ')}${
        e.else ? ` ELSE ${n(e.else)}` : ''
      } END`;
    case 'cast':
      return `${e.tryCast ? 'TRY_CAST' : 'CAST'}(${n(e.expr)} AS ${typeToSql(e.type.type).toUpperCase()})`;
    case 'function': {
      const name = e.name.join('.').toLowerCase();
      if (e.args.length === 1 && e.args[0]?.kind === 'star') return `${name}(1)`;
      const body = `${name}(${e.distinct ? 'DISTINCT ' : ''}${e.args.map(n).join(', ')})`;
      return e.over ? `${body} OVER (...)` : body;
    }
    case 'extract':
      return `extract(${e.field} FROM ${n(e.source)})`;
    case 'trim':
      return `trim(${n(e.source)})`;
    case 'subquery':
      return 'scalarsubquery()';
    case 'exists':
      return 'exists()';
    case 'fieldAccess':
      return `${n(e.base)}.${e.field.name}`;
    case 'subscript':
      return `${n(e.base)}[${n(e.index)}]`;
    case 'row':
      return `struct(${e.items.map(n).join(', ')})`;
    case 'positionalParameter':
      return '?';
    case 'namedParameter':
      return `:${e.name}`;
    default:
      return e.kind;
  }
}
