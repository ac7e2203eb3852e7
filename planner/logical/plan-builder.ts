/** Constructors for logical nodes that compute their output columns. */
import { exprType, type BoundExpr } from '../expr/bound-expr.js';
import { colRef, exprNullable, makeAnd } from '../expr/expr-utils.js';
import type { JoinType } from '../physical/physical-plan.js';
import type { FilterPlan, JoinPlan, LimitPlan, LogicalColumn, LogicalPlan, ProjectPlan, SortPlan } from './logical-plan.js';
import type { SortKey } from '../physical/physical-plan.js';

export function newColumn(id: number, name: string, e: BoundExpr): LogicalColumn {
  return { id, name, type: exprType(e), nullable: exprNullable(e) };
}

/** Project computing `exprs` into fresh columns named `names`. */
export function project(input: LogicalPlan, exprs: readonly BoundExpr[], names: readonly string[], nextId: () => number): ProjectPlan {
  const output = exprs.map((e, i) => newColumn(nextId(), names[i] ?? `col${i + 1}`, e));
  return { kind: 'project', input, exprs, output };
}

/** Project that keeps the given input columns (same ids), in order. */
export function keepColumns(input: LogicalPlan, cols: readonly LogicalColumn[]): ProjectPlan {
  return { kind: 'project', input, exprs: cols.map(colRef), output: cols };
}

export function filter(input: LogicalPlan, predicate: BoundExpr): FilterPlan {
  return { kind: 'filter', input, predicate, output: input.output };
}

export function filterAll(input: LogicalPlan, predicates: readonly BoundExpr[]): LogicalPlan {
  const p = makeAnd(predicates);
  return p === undefined ? input : filter(input, p);
}

/** Output of a join: semi/anti keep the left side; outer joins make the other side nullable. */
export function joinOutput(joinType: JoinType, left: LogicalPlan, right: LogicalPlan): LogicalColumn[] {
  if (joinType === 'left_semi' || joinType === 'left_anti') return [...left.output];
  const nullL = joinType === 'right' || joinType === 'full';
  const nullR = joinType === 'left' || joinType === 'full';
  return [
    ...left.output.map((c) => (nullL ? { ...c, nullable: true } : c)),
    ...right.output.map((c) => (nullR ? { ...c, nullable: true } : c)),
  ];
}

export function join(joinType: JoinType, left: LogicalPlan, right: LogicalPlan, condition: BoundExpr | undefined, nullAware = false): JoinPlan {
  return {
    kind: 'join',
    joinType,
    left,
    right,
    condition,
    equi: undefined,
    nullAware,
    buildSide: undefined,
    output: joinOutput(joinType, left, right),
  };
}

export function sort(input: LogicalPlan, keys: readonly SortKey[]): SortPlan {
  return { kind: 'sort', input, keys, output: input.output };
}

export function limit(input: LogicalPlan, n: number | undefined, offset: number): LimitPlan {
  return { kind: 'limit', input, limit: n, offset, output: input.output };
}
