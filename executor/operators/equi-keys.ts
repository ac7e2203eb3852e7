/**
 * Equality conjuncts hidden in a nested-loop join condition: `l = r` pairs (one side's columns
 * each) that every matching row must satisfy — top-level AND conjuncts, or conjuncts common to
 * every branch of an OR (as in TPC-H Q19). The join can then hash on them and keep the whole
 * condition as its residual: the answer is the same, the work is not quadratic.
 */
import type { BoundExpr } from '../../planner/expr/bound-expr.js';
import { exprRefs } from '../expr/expr-refs.js';

function conjuncts(e: BoundExpr): BoundExpr[] {
  return e.kind === 'and' ? e.args.flatMap(conjuncts) : [e];
}

const key = (e: BoundExpr): string => JSON.stringify(e, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v instanceof Uint8Array ? Array.from(v) : v));

function pureRefs(e: BoundExpr): { cols: Set<number>; ok: boolean } {
  let ok = true;
  const walk = (x: BoundExpr): void => {
    if (x.kind === 'scalar_subquery' || x.kind === 'exists_subquery' || x.kind === 'in_subquery' || x.kind === 'lambda' || x.kind === 'lambda_var') ok = false;
    if (x.kind === 'call' || x.kind === 'and' || x.kind === 'or' || x.kind === 'coalesce') x.args.forEach(walk);
    if (x.kind === 'cast') walk(x.input);
    if (x.kind === 'case') {
      x.branches.forEach((b) => (walk(b.when), walk(b.then)));
      if (x.otherwise) walk(x.otherwise);
    }
  };
  walk(e);
  return { cols: exprRefs(e).columns, ok };
}

function shift(e: BoundExpr, by: number): BoundExpr {
  switch (e.kind) {
    case 'column':
      return { ...e, index: e.index - by };
    case 'call':
      return { ...e, args: e.args.map((a) => shift(a, by)) };
    case 'and':
    case 'or':
      return { ...e, args: e.args.map((a) => shift(a, by)) };
    case 'coalesce':
      return { ...e, args: e.args.map((a) => shift(a, by)) };
    case 'cast':
      return { ...e, input: shift(e.input, by) };
    case 'case':
      return { ...e, branches: e.branches.map((b) => ({ when: shift(b.when, by), then: shift(b.then, by) })), otherwise: e.otherwise ? shift(e.otherwise, by) : undefined };
    default:
      return e;
  }
}

export function extractEquiKeys(condition: BoundExpr, nLeft: number): { leftKeys: BoundExpr[]; rightKeys: BoundExpr[] } | undefined {
  let candidates: BoundExpr[];
  if (condition.kind === 'or') {
    const branches = condition.args.map((b) => conjuncts(b));
    const common = new Set(branches[0]!.map(key));
    for (const b of branches.slice(1)) {
      const ks = new Set(b.map(key));
      for (const k of [...common]) if (!ks.has(k)) common.delete(k);
    }
    candidates = branches[0]!.filter((c) => common.has(key(c)));
  } else candidates = conjuncts(condition);
  const leftKeys: BoundExpr[] = [];
  const rightKeys: BoundExpr[] = [];
  for (const c of candidates) {
    if (c.kind !== 'call' || c.name !== 'eq' || c.args.length !== 2) continue;
    const [a, b] = [c.args[0]!, c.args[1]!];
    const ra = pureRefs(a);
    const rb = pureRefs(b);
    if (!ra.ok || !rb.ok || ra.cols.size === 0 || rb.cols.size === 0) continue;
    const aLeft = [...ra.cols].every((i) => i < nLeft);
    const aRight = [...ra.cols].every((i) => i >= nLeft);
    const bLeft = [...rb.cols].every((i) => i < nLeft);
    const bRight = [...rb.cols].every((i) => i >= nLeft);
    if (aLeft && bRight) {
      leftKeys.push(a);
      rightKeys.push(shift(b, nLeft));
    } else if (aRight && bLeft) {
      leftKeys.push(b);
      rightKeys.push(shift(a, nLeft));
    }
  }
  return leftKeys.length > 0 ? { leftKeys, rightKeys } : undefined;
}
