import type { Expr, SortItem, WindowSpec, FrameBound } from '../ast/expressions.js';
import type { Identifier } from '../ast/node.js';
import type { Query } from '../ast/queries.js';
import { RESERVED_KEYWORDS } from '../keywords.js';
import { precedenceOf } from '../to-ast/operators.js';
import { quoteIdent, quoteString } from '../to-ast/strings.js';

const RESERVED = new Set(RESERVED_KEYWORDS);

/** A name as written: backquoted when it was, or when it must be (reserved word, odd characters). */
export const ident = (name: string, quoted = false): string =>
  quoted ? `\`${name.replace(/`/g, '``')}\`` : quoteIdent(name, (u) => RESERVED.has(u));
export const identNode = (i: Identifier): string => ident(i.name, i.quoted);
export const parts = (ps: readonly string[], quoted: readonly boolean[] = []): string => ps.map((p, i) => ident(p, quoted[i] === true)).join('.');

/** Query printing is injected to avoid an import cycle. */
export const hooks: { query: (q: Query) => string } = { query: () => '' };

const isAtomic = (e: Expr): boolean =>
  !(e.kind === 'binaryOp' || e.kind === 'unaryOp' || e.kind === 'between' || e.kind === 'inList' || e.kind === 'inSubquery' ||
    e.kind === 'like' || e.kind === 'likeQuantified' || e.kind === 'isTest' || e.kind === 'isDistinctFrom' || e.kind === 'lambda' ||
    e.kind === 'namedArgument' || (e.kind === 'number' && e.text.startsWith('-')));

/** Operands of operators are parenthesized unless atomic: always re-parses to the same tree. */
const wrap = (e: Expr): string => (isAtomic(e) ? printExpr(e) : `(${printExpr(e)})`);

function printBinary(e: Extract<Expr, { kind: 'binaryOp' }>): string {
  const p = precedenceOf(e.op);
  const left = e.left.kind === 'binaryOp' && precedenceOf(e.left.op) >= p ? printExpr(e.left) : wrap(e.left);
  return `${left} ${e.op} ${wrap(e.right)}`;
}

export function printSortItem(s: SortItem): string {
  let out = printExpr(s.expr);
  if (s.direction) out += ` ${s.direction}`;
  if (s.nulls) out += ` NULLS ${s.nulls}`;
  return out;
}

function printBound(b: FrameBound): string {
  switch (b.type) {
    case 'unboundedPreceding':
      return 'UNBOUNDED PRECEDING';
    case 'unboundedFollowing':
      return 'UNBOUNDED FOLLOWING';
    case 'currentRow':
      return 'CURRENT ROW';
    default:
      return `${b.offset ? wrap(b.offset) : '0'} ${b.type === 'preceding' ? 'PRECEDING' : 'FOLLOWING'}`;
  }
}

export function printWindowSpec(w: WindowSpec): string {
  const out: string[] = [];
  if (w.baseName) out.push(identNode(w.baseName));
  if (w.partitionBy.length) out.push(`PARTITION BY ${w.partitionBy.map(printExpr).join(', ')}`);
  if (w.orderBy.length) out.push(`ORDER BY ${w.orderBy.map(printSortItem).join(', ')}`);
  if (w.frame) {
    const f = w.frame;
    out.push(f.end ? `${f.unit} BETWEEN ${printBound(f.start)} AND ${printBound(f.end)}` : `${f.unit} ${printBound(f.start)}`);
  }
  return `(${out.join(' ')})`;
}

export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return e.text + (e.suffix ?? '');
    case 'string':
      return quoteString(e.value);
    case 'boolean':
      return e.value ? 'TRUE' : 'FALSE';
    case 'null':
      return 'NULL';
    case 'typedLiteral':
      return `${e.type.toUpperCase()} ${quoteString(e.value)}`;
    case 'binaryLiteral':
      return `X'${e.hex}'`;
    case 'interval':
      return `INTERVAL ${e.parts
        .map((p) => `${p.negative ? '-' : ''}${p.quoted ? quoteString(p.value) : p.value}${p.unit ? ` ${p.unit.toUpperCase()}` : ''}${p.toUnit ? ` TO ${p.toUnit.toUpperCase()}` : ''}`)
        .join(' ')}`;
    case 'column':
      return parts(e.parts, e.quoted);
    case 'star':
      return e.qualifier ? `${parts(e.qualifier)}.*` : '*';
    case 'unaryOp':
      return e.op === 'NOT' ? `NOT ${wrap(e.operand)}` : `${e.op}${wrap(e.operand)}`.replace(/^--/, '- -');
    case 'binaryOp':
      return printBinary(e);
    case 'isTest':
      return `${wrap(e.operand)} IS ${e.negated ? 'NOT ' : ''}${e.test.toUpperCase()}`;
    case 'isDistinctFrom':
      return `${wrap(e.left)} IS ${e.negated ? 'NOT ' : ''}DISTINCT FROM ${wrap(e.right)}`;
    case 'between':
      return `${wrap(e.operand)} ${e.negated ? 'NOT ' : ''}BETWEEN ${wrap(e.low)} AND ${wrap(e.high)}`;
    case 'inList':
      return `${wrap(e.operand)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map(printExpr).join(', ')})`;
    case 'inSubquery':
      return `${wrap(e.operand)} ${e.negated ? 'NOT ' : ''}IN (${hooks.query(e.query)})`;
    case 'like':
      return `${wrap(e.operand)} ${e.negated ? 'NOT ' : ''}${e.op} ${wrap(e.pattern)}${e.escape !== undefined ? ` ESCAPE ${quoteString(e.escape)}` : ''}`;
    case 'likeQuantified':
      return `${wrap(e.operand)} ${e.negated ? 'NOT ' : ''}${e.op} ${e.quantifier} (${e.patterns.map(printExpr).join(', ')})`;
    case 'case':
      return `CASE${e.operand ? ` ${printExpr(e.operand)}` : ''} ${e.whens.map((w) => `WHEN ${printExpr(w.condition)} THEN ${printExpr(w.result)}`).join(' ')}${e.else ? ` ELSE ${printExpr(e.else)}` : ''} END`;
    case 'cast':
      return e.syntax === 'colons' && !e.tryCast ? `${wrapPostfix(e.expr)}::${e.type.text}` : `${e.tryCast ? 'TRY_CAST' : 'CAST'}(${printExpr(e.expr)} AS ${e.type.text})`;
    case 'function': {
      if (e.parenless) return e.name.join('.').toUpperCase();
      let out = `${parts(e.name, e.quoted)}(${e.distinct ? 'DISTINCT ' : ''}${e.args.map(printExpr).join(', ')}`;
      if (e.orderBy && !e.withinGroup) out += ` ORDER BY ${e.orderBy.map(printSortItem).join(', ')}`;
      out += ')';
      if (e.orderBy && e.withinGroup) out += ` WITHIN GROUP (ORDER BY ${e.orderBy.map(printSortItem).join(', ')})`;
      if (e.filter) out += ` FILTER (WHERE ${printExpr(e.filter)})`;
      if (e.nullTreatment) out += ` ${e.nullTreatment} NULLS`;
      if (e.over) out += ` OVER ${e.over.kind === 'windowRef' ? identNode(e.over.name) : printWindowSpec(e.over)}`;
      return out;
    }
    case 'namedArgument':
      return `${identNode(e.name)} => ${printExpr(e.value)}`;
    case 'extract':
      return `EXTRACT(${ident(e.field)} FROM ${printExpr(e.source)})`;
    case 'trim':
      return `TRIM(${e.mode} ${e.chars ? `${printExpr(e.chars)} ` : ''}FROM ${printExpr(e.source)})`;
    case 'subquery':
      return `(${hooks.query(e.query)})`;
    case 'exists':
      return `EXISTS (${hooks.query(e.query)})`;
    case 'fieldAccess':
      return `${wrapPostfix(e.base)}.${identNode(e.field)}`;
    case 'subscript':
      return `${wrapPostfix(e.base)}[${printExpr(e.index)}]`;
    case 'lambda':
      return `${e.params.length === 1 ? identNode(e.params[0] as Identifier) : `(${e.params.map(identNode).join(', ')})`} -> ${printExpr(e.body)}`;
    case 'row':
      return `(${e.items.map((x, i) => { const a = e.aliases?.[i]; return a ? `${printExpr(x)} AS ${identNode(a)}` : printExpr(x); }).join(', ')})`;
    case 'positionalParameter':
      return '?';
    case 'namedParameter':
      return `:${e.name}`;
  }
}

/** A column base before `.field` must be parenthesized, or it would re-parse as a longer name. */
function wrapPostfix(e: Expr): string {
  if (e.kind === 'column' || !isAtomic(e) || e.kind === 'star' || e.kind === 'number' || e.kind === 'cast') return `(${printExpr(e)})`;
  return printExpr(e);
}
