/**
 * Window operator for one (PARTITION BY, ORDER BY) specification: materialise, sort by partition
 * then order keys (stable), compute every function over the sorted rows, and output the input
 * columns followed by one column per function (rows in window order).
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import { exprType } from '../../planner/expr/bound-expr.js';
import type { WindowCall, WindowNode } from '../../planner/physical/physical-plan.js';
import { compileExpr } from '../expr/compile-expr.js';
import { evalContext } from '../expr/compile-env.js';
import { toArray, type Evaluator } from '../expr/eval-batch.js';
import { concatBatches } from '../kernels/concat.js';
import { makeRowEquals } from '../kernels/row-compare.js';
import { rowComparator, sortIndices, type SortSpec } from '../kernels/sort-indices.js';
import { take } from '../kernels/take.js';
import { frameAggregate } from './window-aggregate.js';
import { frameBounds, windowLayout, type WindowLayout } from './window-frames.js';
import { offsetFunction, OFFSET, rankingFunction, RANKING, valueFunction, VALUE } from './window-functions.js';
import { chunked, drain, outputSchema, type BatchStream, type RunEnv } from './run-env.js';

export async function* runWindow(node: WindowNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  const partEvals: Evaluator[] = [];
  for (const p of node.partitionBy) partEvals.push(await compileExpr(p, env));
  const orderEvals: Evaluator[] = [];
  for (const k of node.orderBy) orderEvals.push(await compileExpr(k.expr, env));
  const argEvals: Evaluator[][] = [];
  for (const fn of node.functions) {
    const evs: Evaluator[] = [];
    for (const a of fn.args) evs.push(await compileExpr(a, env));
    argEvals.push(evs);
  }
  const batches = await drain(env.execute(node.input), env);
  if (batches.length === 0) return;
  const all = concatBatches(batches[0]!.schema, batches);
  const n = all.numRows;
  const input = { columns: all.data.children, numRows: n };
  const partKeys = partEvals.map((ev) => toArray(ev(input), n));
  const orderKeys = orderEvals.map((ev) => toArray(ev(input), n));
  const specs: SortSpec[] = [...partKeys.map(() => ({ ascending: true, nullsFirst: true })), ...node.orderBy];
  const order = sortIndices([...partKeys, ...orderKeys], specs, n);
  const sortedCols = all.data.children.map((c) => take(c, order));
  const sPart = partKeys.map((k) => take(k, order));
  const sOrder = orderKeys.map((k) => take(k, order));
  const samePart = sPart.length ? makeRowEquals(sPart, sPart) : () => true;
  const layout = windowLayout(n, samePart, sOrder.length ? rowComparator(sOrder, node.orderBy) : undefined);
  const sortedInput = { columns: sortedCols, numRows: n };
  const results: arrow.Data[] = [];
  node.functions.forEach((fn, i) => {
    env.checkCancelled();
    const args = argEvals[i]!.map((ev) => toArray(ev(sortedInput), n));
    results.push(computeFunction(fn, args, layout, sOrder, node, env));
  });
  yield* chunked(schema, [...sortedCols, ...results], n);
}

function literalInt(fn: WindowCall, i: number, fallback: number): number {
  const a = fn.args[i];
  if (!a) return fallback;
  if (a.kind !== 'literal' || a.value === null) throw new DeltaSqlError('ANALYSIS_ERROR', `argument ${i + 1} of ${fn.name} must be a constant`);
  return Number(a.value);
}

function computeFunction(fn: WindowCall, args: arrow.Data[], layout: WindowLayout, sOrder: arrow.Data[], node: WindowNode, env: RunEnv): arrow.Data {
  if (RANKING.has(fn.name)) {
    const buckets = fn.name === 'ntile' ? literalInt(fn, 0, 1) : 1;
    if (fn.name === 'ntile' && buckets <= 0) throw new DeltaSqlError('INVALID_ARGUMENT', 'The argument of ntile must be positive');
    return rankingFunction(fn.name, fn.type, layout, buckets);
  }
  if (OFFSET.has(fn.name)) {
    const offset = literalInt(fn, 1, 1);
    return offsetFunction(fn.name, args[0]!, offset, args[2], fn.ignoreNulls, layout);
  }
  const orderKey = sOrder.length === 1 ? sOrder[0] : undefined;
  const ascending = node.orderBy[0]?.ascending ?? true;
  const frame = frameBounds(fn.frame, layout, orderKey, ascending);
  if (VALUE.has(fn.name)) {
    const nth = fn.name === 'nth_value' ? literalInt(fn, 1, 1) : 1;
    if (nth <= 0) throw new DeltaSqlError('INVALID_ARGUMENT', 'The offset of nth_value must be positive');
    return valueFunction(fn.name, args[0]!, nth, fn.ignoreNulls, frame);
  }
  if (fn.distinct) unsupported(`DISTINCT in window aggregate ${fn.name}`);
  const kernel = env.functions.aggregate(fn.name);
  if (!kernel) unsupported(`window function ${fn.name}`);
  return frameAggregate(kernel, fn.args.map((a) => exprType(a)), fn.type, args, frame, layout, evalContext(env, layout.n));
}

