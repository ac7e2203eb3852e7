/** VALUES rows (as a query body or an inline table): columns col1..n of each column's common type. */
import { DeltaSqlError } from '../../src/common/errors.js';
import { sameType } from '../../src/common/types/data-type.js';
import type { Expr, Span } from '../../grammar/ast/index.js';
import { exprType, type BoundExpr } from '../expr/bound-expr.js';
import type { ScalarValue } from '../expr/scalar-value.js';
import { exprNullable } from '../expr/expr-utils.js';
import { project } from '../logical/plan-builder.js';
import type { LogicalPlan, UnionPlan } from '../logical/logical-plan.js';
import { ExprBinder } from './expr-binder.js';
import { isDeterministic } from '../rules/deterministic.js';
import { coerceToCommon } from './functions-adapter.js';
import { convertLiteral } from './literal-convert.js';
import type { QueryEnv } from './query-env.js';
import { Scope } from './scope.js';

export function bindValuesRows(env: QueryEnv, rows: readonly (readonly Expr[])[], span: Span, names?: readonly string[]): LogicalPlan {
  const width = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== width)) {
    throw new DeltaSqlError('ANALYSIS_ERROR', 'all rows of VALUES must have the same number of columns', { position: span.start });
  }
  const scope = new Scope([], env.ctx.settings.caseSensitive, env.outer);
  const b = new ExprBinder(env.ctx, { scope, clause: 'VALUES' });
  const bound = rows.map((r) => r.map((e) => b.bind(e)));
  for (const [i, r] of bound.entries()) {
    r.forEach((e, j) => {
      if (!isDeterministic(e)) {
        throw new DeltaSqlError(
          'ANALYSIS_ERROR',
          '[INVALID_INLINE_TABLE.CANNOT_EVALUATE_EXPRESSION_IN_INLINE_TABLE] VALUES cannot hold a nondeterministic expression',
          { position: rows[i]?.[j]?.span.start },
        );
      }
    });
  }
  const colNames = names ?? Array.from({ length: width }, (_, i) => `col${i + 1}`);
  const columns: BoundExpr[][] = [];
  for (let c = 0; c < width; c++) {
    const { exprs } = coerceToCommon(bound.map((r) => r[c] as BoundExpr), env.ctx.settings, span, 'VALUES');
    columns.push(exprs);
  }
  const cell = (r: number, c: number): BoundExpr => columns[c]?.[r] as BoundExpr;
  const literalRows: ScalarValue[][] = [];
  let allLiteral = true;
  for (let r = 0; r < rows.length && allLiteral; r++) {
    const out: ScalarValue[] = [];
    for (let c = 0; c < width; c++) {
      const e = cell(r, c);
      const v = literalValue(e);
      if (v === undefined) {
        allLiteral = false;
        break;
      }
      out.push(v);
    }
    literalRows.push(out);
  }
  const first = (c: number): BoundExpr => cell(0, c);
  if (allLiteral) {
    const output = Array.from({ length: width }, (_, c) => ({
      id: env.ctx.nextId(),
      name: colNames[c] ?? `col${c + 1}`,
      type: exprType(first(c)),
      nullable: literalRows.some((row) => row[c] === null),
    }));
    return { kind: 'values', rows: literalRows, output };
  }
  // Rows with computed cells: one projected row each, unioned.
  const inputs = rows.map((_, r) =>
    project(oneRow(env), Array.from({ length: width }, (_, c) => cell(r, c)), colNames, () => env.ctx.nextId()),
  );
  if (inputs.length === 1) return inputs[0] as LogicalPlan;
  const output = Array.from({ length: width }, (_, c) => ({
    id: env.ctx.nextId(),
    name: colNames[c] ?? `col${c + 1}`,
    type: exprType(first(c)),
    nullable: rows.some((_, r) => exprNullable(cell(r, c))),
  }));
  const u: UnionPlan = { kind: 'union', inputs, output };
  return u;
}

function literalValue(e: BoundExpr): ScalarValue | undefined {
  if (e.kind === 'literal') return e.value;
  if (e.kind === 'cast' && e.input.kind === 'literal') {
    if (sameType(e.input.type, e.type)) return e.input.value;
    return convertLiteral(e.input.value, e.input.type, e.type);
  }
  return undefined;
}

/** The single empty row a FROM-less SELECT reads. */
export function oneRow(env: QueryEnv): LogicalPlan {
  void env;
  return { kind: 'values', rows: [[]], output: [] };
}
