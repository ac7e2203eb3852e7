/**
 * Uncorrelated subqueries inside expressions: run once when the expression is compiled
 * (Spark also evaluates them before the main plan runs), then served from the cached result.
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../src/common/errors.js';
import { toArrowType } from '../../src/common/types/arrow-type.js';
import type { ScalarSubqueryExpr, SubqueryPredicateExpr } from '../../planner/expr/bound-expr.js';
import type { ColumnarValue } from '../functions/kernel.js';
import { makeArrayData, validityBytes } from '../kernels/array-data.js';
import { concatData } from '../kernels/concat.js';
import { HashIndex } from '../kernels/hash-index.js';
import { makeRowEquals } from '../kernels/row-compare.js';
import { hashRows } from '../kernels/row-hash.js';
import { scalarAt } from '../kernels/scalar-data.js';
import type { CompileEnv } from './compile-env.js';
import { toArray, type EvalBatch, type Evaluator } from './eval-batch.js';

export async function compileScalarSubquery(e: ScalarSubqueryExpr, env: CompileEnv): Promise<Evaluator> {
  const table = await env.runPlan(e.plan);
  if (table.numRows > 1)
    throw new DeltaSqlError('SCALAR_SUBQUERY_TOO_MANY_ROWS', 'more than one row returned by a subquery used as an expression');
  const column = firstColumn(table);
  const value = table.numRows === 0 || !column ? null : scalarAt(column, e.type, 0);
  const result: ColumnarValue = { kind: 'scalar', value, type: e.type };
  return () => result;
}

function firstColumn(table: arrow.Table): arrow.Data | undefined {
  const field = table.schema.fields[0];
  if (!field) return undefined;
  const parts = table.batches.map((b) => b.data.children[0]!);
  return concatData(parts, field.type);
}

export async function compileExistsSubquery(e: SubqueryPredicateExpr, env: CompileEnv): Promise<Evaluator> {
  const table = await env.runPlan(e.plan);
  const result: ColumnarValue = { kind: 'scalar', value: (table.numRows > 0) !== e.negated, type: { kind: 'boolean' } };
  return () => result;
}

/** `x [NOT] IN (subquery)`: TRUE if found; else NULL if x is NULL or the list holds a NULL; else FALSE. Empty list: FALSE. */
export async function compileInSubquery(e: SubqueryPredicateExpr, input: Evaluator, env: CompileEnv): Promise<Evaluator> {
  const table = await env.runPlan(e.plan);
  const field = table.schema.fields[0];
  if (!field) throw new DeltaSqlError('INTERNAL', 'IN subquery without a column');
  const values = firstColumn(table)!;
  const m = values.length;
  const listHasNull = values.nullCount > 0;
  const include = new Uint8Array(m).fill(1);
  const hashes = hashRows([values], m);
  const index = HashIndex.build(hashes, include);
  const boolType = toArrowType({ kind: 'boolean' });
  return (batch: EvalBatch) => {
    const n = batch.numRows;
    const x = toArray(input(batch), n);
    const xh = hashRows([x], n);
    const eq = makeRowEquals([x], [values]);
    const bits = new Uint8Array(validityBytes(n));
    const valid = new Uint8Array(validityBytes(n));
    let nulls = 0;
    const xb = x.nullBitmap;
    const xHasNulls = !!xb && xb.length > 0 && x.nullCount > 0;
    for (let i = 0; i < n; i++) {
      let state: number;
      if (m === 0) state = 0;
      else if (xHasNulls && !((xb[(x.offset + i) >> 3]! >> ((x.offset + i) & 7)) & 1)) state = 2;
      else {
        state = listHasNull ? 2 : 0;
        const h = xh[i]!;
        for (let r = index.first(h); r >= 0; r = index.next[r]!) {
          if (hashes[r] === h && eq(i, r)) {
            state = 1;
            break;
          }
        }
      }
      if (state === 2) nulls++;
      else {
        valid[i >> 3]! |= 1 << (i & 7);
        if ((state === 1) !== e.negated) bits[i >> 3]! |= 1 << (i & 7);
      }
    }
    return { kind: 'array', data: makeArrayData(boolType, n, valid, nulls, bits) };
  };
}
