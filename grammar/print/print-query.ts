import type { GroupingItem, Query, QueryBody, Relation, TableAlias, TimeTravel } from '../ast/queries.js';
import type { Expr } from '../ast/expressions.js';
import type { ObjectName } from '../ast/node.js';
import { hooks, identNode, parts, printExpr, printSortItem, printWindowSpec } from './print-expr.js';

export const objectName = (n: ObjectName): string => parts(n.parts, n.quoted);

const alias = (a: TableAlias | undefined): string =>
  a ? ` AS ${identNode(a.name)}${a.columns ? `(${a.columns.map(identNode).join(', ')})` : ''}` : '';

export function printTimeTravel(t: TimeTravel): string {
  return `${t.by === 'version' ? 'VERSION' : 'TIMESTAMP'} AS OF ${printExpr(t.value)}`;
}

const rows = (rs: readonly (readonly Expr[])[]): string => rs.map((r) => `(${r.map(printExpr).join(', ')})`).join(', ');

/** A one-item row prints as `(x)`, which re-parses as x: one-column VALUES rows round-trip. */
export function printRelation(r: Relation): string {
  switch (r.kind) {
    case 'tableRef':
      return `${objectName(r.name)}${r.timeTravel ? ` ${printTimeTravel(r.timeTravel)}` : ''}${alias(r.alias)}`;
    case 'derivedTable':
      return `${r.lateral ? 'LATERAL ' : ''}(${printQuery(r.query)})${alias(r.alias)}`;
    case 'inlineTable':
      return `VALUES ${rows(r.rows)}${alias(r.alias)}`;
    case 'tableFunction':
      return `${objectName(r.name)}(${r.args.map(printExpr).join(', ')})${alias(r.alias)}`;
    case 'join': {
      const right = r.right.kind === 'join' ? `(${printRelation(r.right)})` : printRelation(r.right);
      const type = { inner: 'JOIN', left: 'LEFT JOIN', right: 'RIGHT JOIN', full: 'FULL JOIN', cross: 'CROSS JOIN', semi: 'LEFT SEMI JOIN', anti: 'LEFT ANTI JOIN' }[r.type];
      let out = `${printRelation(r.left)} ${r.natural ? 'NATURAL ' : ''}${type} ${right}`;
      if (r.on) out += ` ON ${printExpr(r.on)}`;
      if (r.using) out += ` USING (${r.using.map(identNode).join(', ')})`;
      return r.alias ? `(${out})${alias(r.alias)}` : out;
    }
  }
}

const groupSet = (s: readonly Expr[]): string => `(${s.map(printExpr).join(', ')})`;

function printGroupingItem(g: GroupingItem): string {
  switch (g.kind) {
    case 'groupingSets':
      return `GROUPING SETS (${g.sets.map(groupSet).join(', ')})`;
    case 'rollup':
      return `ROLLUP (${g.elements.map(groupSet).join(', ')})`;
    case 'cube':
      return `CUBE (${g.elements.map(groupSet).join(', ')})`;
    default:
      return printExpr(g);
  }
}

function printBody(b: QueryBody): string {
  switch (b.kind) {
    case 'select': {
      let out = `SELECT ${b.distinct ? 'DISTINCT ' : ''}${b.items
        .map((i) => `${printExpr(i.expr)}${i.alias ? ` AS ${identNode(i.alias)}` : ''}${i.aliases ? ` AS (${i.aliases.map(identNode).join(', ')})` : ''}`)
        .join(', ')}`;
      if (b.from.length) out += ` FROM ${b.from.map(printRelation).join(', ')}`;
      for (const lv of b.lateralViews) {
        out += ` LATERAL VIEW ${lv.outer ? 'OUTER ' : ''}${printExpr(lv.func)}${lv.tableAlias ? ` ${identNode(lv.tableAlias)}` : ''}${lv.columnAliases.length ? ` AS ${lv.columnAliases.map(identNode).join(', ')}` : ''}`;
      }
      if (b.where) out += ` WHERE ${printExpr(b.where)}`;
      if (b.groupBy) out += ` GROUP BY ${b.groupBy.all ? 'ALL' : b.groupBy.items.map(printGroupingItem).join(', ')}`;
      if (b.having) out += ` HAVING ${printExpr(b.having)}`;
      if (b.windows.length) out += ` WINDOW ${b.windows.map((w) => `${identNode(w.name)} AS ${printWindowSpec(w.spec)}`).join(', ')}`;
      if (b.qualify) out += ` QUALIFY ${printExpr(b.qualify)}`;
      return out;
    }
    case 'values':
      return `VALUES ${rows(b.rows)}${alias(b.alias)}`;
    case 'tableQuery':
      return `TABLE ${objectName(b.name)}`;
    case 'query':
      return `(${printQuery(b)})`;
    case 'setOperation': {
      // The parser only builds a set operation as a direct operand by associativity or INTERSECT precedence,
      // so printing operands bare re-creates the same tree (a parenthesised operand is a `query` node).
      const left = printBody(b.left);
      const right = printBody(b.right);
      return `${left} ${b.op}${b.all ? ' ALL' : ''}${b.byName ? ' BY NAME' : ''} ${right}`;
    }
  }
}


export function printQuery(q: Query): string {
  let out = '';
  if (q.with) {
    out += `WITH ${q.with.recursive ? 'RECURSIVE ' : ''}${q.with.ctes
      .map((c) => `${identNode(c.name)}${c.columns ? `(${c.columns.map(identNode).join(', ')})` : ''} AS (${printQuery(c.query)})`)
      .join(', ')} `;
  }
  out += printBody(q.body);
  if (q.orderBy.length) out += ` ${q.sortBy ? 'SORT' : 'ORDER'} BY ${q.orderBy.map(printSortItem).join(', ')}`;
  if (q.windows?.length) out += ` WINDOW ${q.windows.map((w) => `${identNode(w.name)} AS ${printWindowSpec(w.spec)}`).join(', ')}`;
  if (q.limit !== undefined) out += ` LIMIT ${q.limit === 'all' ? 'ALL' : printExpr(q.limit)}`;
  if (q.offset) out += ` OFFSET ${printExpr(q.offset)}`;
  return out;
}

hooks.query = printQuery;
