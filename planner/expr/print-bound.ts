/** Readable text for bound expressions (EXPLAIN and messages). */
import { typeToSql, type DataType } from '../../src/common/types/data-type.js';
import type { BoundExpr } from './bound-expr.js';
import { isMapValue, type ScalarValue } from './scalar-value.js';

const INFIX: Record<string, string> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  mod: '%',
  div: 'div',
  eq: '=',
  ne: '!=',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
  eq_null_safe: '<=>',
  concat: '||',
  bit_and: '&',
  bit_or: '|',
  bit_xor: '^',
  like: 'LIKE',
  ilike: 'ILIKE',
  rlike: 'RLIKE',
};

export function printValue(v: ScalarValue, t: DataType): string {
  if (v === null) return 'NULL';
  switch (t.kind) {
    case 'string':
      return `'${String(v).replace(/'/g, "\\'")}'`;
    case 'decimal': {
      const n = BigInt(v as bigint);
      const neg = n < 0n;
      const digits = (neg ? -n : n).toString().padStart(t.scale + 1, '0');
      const s = t.scale === 0 ? digits : `${digits.slice(0, -t.scale)}.${digits.slice(-t.scale)}`;
      return neg ? `-${s}` : s;
    }
    case 'long':
      return `${String(v)}L`;
    case 'date':
      return `DATE '${new Date(Number(v) * 86_400_000).toISOString().slice(0, 10)}'`;
    case 'timestamp':
    case 'timestamp_ntz': {
      const ms = Number(BigInt(v as bigint) / 1000n);
      return `${t.kind === 'timestamp' ? 'TIMESTAMP' : 'TIMESTAMP_NTZ'} '${new Date(ms).toISOString().replace('T', ' ').replace('Z', '')}'`;
    }
    case 'binary':
      return `X'${Buffer.from(v as Uint8Array).toString('hex').toUpperCase()}'`;
    default:
      if (Array.isArray(v)) return `[${v.map((x) => String(x)).join(', ')}]`;
      if (isMapValue(v)) return 'map(...)';
      return String(v);
  }
}

export function printBound(e: BoundExpr): string {
  switch (e.kind) {
    case 'column':
      return e.name;
    case 'literal':
      return printValue(e.value, e.type);
    case 'call': {
      const op = INFIX[e.name];
      if (op !== undefined && e.args.length === 2) return `(${printBound(e.args[0] as BoundExpr)} ${op} ${printBound(e.args[1] as BoundExpr)})`;
      if (e.name === 'not' && e.args.length === 1) return `(NOT ${printBound(e.args[0] as BoundExpr)})`;
      if (e.name === 'negate' && e.args.length === 1) return `(- ${printBound(e.args[0] as BoundExpr)})`;
      if (e.name === 'is_null') return `(${printBound(e.args[0] as BoundExpr)} IS NULL)`;
      if (e.name === 'is_not_null') return `(${printBound(e.args[0] as BoundExpr)} IS NOT NULL)`;
      if (e.name === 'in') return `(${printBound(e.args[0] as BoundExpr)} IN (${e.args.slice(1).map(printBound).join(', ')}))`;
      return `${e.name}(${e.args.map(printBound).join(', ')})`;
    }
    case 'cast':
      return `${e.mode === 'try' ? 'try_cast' : 'cast'}(${printBound(e.input)} as ${typeToSql(e.type)})`;
    case 'case':
      return `CASE ${e.branches.map((b) => `WHEN ${printBound(b.when)} THEN ${printBound(b.then)}`).join(' ')}${
        e.otherwise ? ` ELSE ${printBound(e.otherwise)}` : ''
      } END`;
    case 'and':
    case 'or':
      return `(${e.args.map(printBound).join(e.kind === 'and' ? ' AND ' : ' OR ')})`;
    case 'coalesce':
      return `coalesce(${e.args.map(printBound).join(', ')})`;
    case 'scalar_subquery':
      return 'scalar-subquery()';
    case 'exists_subquery':
      return `${e.negated ? 'NOT ' : ''}exists(subquery)`;
    case 'in_subquery':
      return `(${e.input ? printBound(e.input) : '?'} ${e.negated ? 'NOT ' : ''}IN (subquery))`;
    case 'lambda':
      return `(${e.params.map((p) => p.name).join(', ')}) -> ${printBound(e.body)}`;
    case 'lambda_var':
      return e.name;
  }
}
