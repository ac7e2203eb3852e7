/** Small helpers over BoundExpr trees shared by the binder, the rules and lowering. */
import { BOOLEAN, type DataType } from '../../src/common/types/data-type.js';
import type { BoundExpr, ColumnExpr, LiteralExpr } from './bound-expr.js';
import type { ScalarValue } from './scalar-value.js';
import type { LogicalColumn } from '../logical/logical-plan.js';

export function lit(value: ScalarValue, type: DataType): LiteralExpr {
  return { kind: 'literal', value, type };
}

export const TRUE_LIT: LiteralExpr = { kind: 'literal', value: true, type: BOOLEAN };
export const FALSE_LIT: LiteralExpr = { kind: 'literal', value: false, type: BOOLEAN };

/** A logical column reference (index = column id). */
export function colRef(c: LogicalColumn): ColumnExpr {
  return { kind: 'column', index: c.id, type: c.type, nullable: c.nullable, name: c.name };
}

/** The direct sub-expressions. */
export function exprChildren(e: BoundExpr): BoundExpr[] {
  switch (e.kind) {
    case 'column':
    case 'literal':
    case 'lambda_var':
    case 'scalar_subquery':
      return [];
    case 'call':
    case 'and':
    case 'or':
    case 'coalesce':
      return [...e.args];
    case 'cast':
      return [e.input];
    case 'case':
      return [...e.branches.flatMap((b) => [b.when, b.then]), ...(e.otherwise ? [e.otherwise] : [])];
    case 'exists_subquery':
    case 'in_subquery':
      return e.input ? [e.input] : [];
    case 'lambda':
      return [e.body];
  }
}

/** Rebuild `e` with new children (same order as exprChildren). */
export function withExprChildren(e: BoundExpr, kids: readonly BoundExpr[]): BoundExpr {
  const k = (i: number): BoundExpr => kids[i] as BoundExpr;
  switch (e.kind) {
    case 'column':
    case 'literal':
    case 'lambda_var':
    case 'scalar_subquery':
      return e;
    case 'call':
    case 'and':
    case 'or':
    case 'coalesce':
      return { ...e, args: kids };
    case 'cast':
      return { ...e, input: k(0) };
    case 'case': {
      const branches = e.branches.map((_, i) => ({ when: k(2 * i), then: k(2 * i + 1) }));
      return { ...e, branches, otherwise: e.otherwise ? k(2 * e.branches.length) : undefined };
    }
    case 'exists_subquery':
    case 'in_subquery':
      return e.input ? { ...e, input: k(0) } : e;
    case 'lambda':
      return { ...e, body: k(0) };
  }
}

/** Bottom-up rewrite. */
export function transformExpr(e: BoundExpr, fn: (x: BoundExpr) => BoundExpr): BoundExpr {
  const kids = exprChildren(e);
  if (kids.length === 0) return fn(e);
  const next = kids.map((c) => transformExpr(c, fn));
  return fn(next.every((c, i) => c === kids[i]) ? e : withExprChildren(e, next));
}

/** Replace column references (by id) through `fn`. */
export function mapColumns(e: BoundExpr, fn: (c: ColumnExpr) => BoundExpr): BoundExpr {
  return transformExpr(e, (x) => (x.kind === 'column' ? fn(x) : x));
}

export function columnIds(e: BoundExpr, into: Set<number> = new Set()): Set<number> {
  if (e.kind === 'column') into.add(e.index);
  for (const c of exprChildren(e)) columnIds(c, into);
  return into;
}

export function someExpr(e: BoundExpr, pred: (x: BoundExpr) => boolean): boolean {
  return pred(e) || exprChildren(e).some((c) => someExpr(c, pred));
}

/** A structural key: equal keys mean the same computation (column display names ignored). */
export function exprKey(e: BoundExpr): string {
  return JSON.stringify(e, function (this: unknown, key: string, value: unknown) {
    if (typeof value === 'bigint') return `${value}n`;
    if (value instanceof Uint8Array) return `0x${Buffer.from(value).toString('hex')}`;
    if (key === 'name' && typeof this === 'object' && this !== null) {
      const kind = (this as { kind?: unknown }).kind;
      if (kind === 'column' || kind === 'lambda_var') return undefined;
    }
    return value;
  });
}

export function sameExpr(a: BoundExpr, b: BoundExpr): boolean {
  return exprKey(a) === exprKey(b);
}

export function conjuncts(e: BoundExpr | undefined): BoundExpr[] {
  if (e === undefined) return [];
  if (e.kind === 'and') return e.args.flatMap((a) => conjuncts(a));
  return [e];
}

export function disjuncts(e: BoundExpr): BoundExpr[] {
  if (e.kind === 'or') return e.args.flatMap((a) => disjuncts(a));
  return [e];
}

export function makeAnd(list: readonly BoundExpr[]): BoundExpr | undefined {
  if (list.length === 0) return undefined;
  if (list.length === 1) return list[0];
  return { kind: 'and', args: list };
}

export function makeOr(list: readonly BoundExpr[]): BoundExpr | undefined {
  if (list.length === 0) return undefined;
  if (list.length === 1) return list[0];
  return { kind: 'or', args: list };
}

/** Whether an expression can be NULL (conservative: true when unsure). */
export function exprNullable(e: BoundExpr): boolean {
  switch (e.kind) {
    case 'column':
    case 'call':
      return e.nullable;
    case 'literal':
      return e.value === null;
    case 'cast':
      return e.mode !== 'ansi' || exprNullable(e.input);
    case 'and':
    case 'or':
      return e.args.some(exprNullable);
    case 'coalesce':
      return e.args.every(exprNullable);
    case 'case':
      return e.otherwise === undefined || exprNullable(e.otherwise) || e.branches.some((b) => exprNullable(b.then));
    case 'exists_subquery':
      return false;
    default:
      return true;
  }
}
