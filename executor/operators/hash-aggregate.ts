/**
 * Hash aggregate: dense group ids from the key hash (NULLs group together), one grouped
 * accumulator per aggregate call from the function library. GROUPING SETS run every set over each
 * batch with the ungrouped keys NULL and Spark's grouping_id (bit = 1 when the column is not
 * grouped, first column most significant) as an extra key. DISTINCT dedupes (group, args) first;
 * FILTER feeds only matching rows. No GROUP BY and no input rows still yields one row.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import { toArrowType } from '../../src/common/types/arrow-type.js';
import { exprType } from '../../planner/expr/bound-expr.js';
import type { AggregateCall, HashAggregateNode } from '../../planner/physical/physical-plan.js';
import { compileExpr } from '../expr/compile-expr.js';
import { evalContext } from '../expr/compile-env.js';
import { toArray, type Evaluator } from '../expr/eval-batch.js';
import type { GroupedAccumulator } from '../functions/kernel.js';
import { makeArrayData, makeNullData } from '../kernels/array-data.js';
import { selectTrue } from '../kernels/filter.js';
import { GroupTable } from '../kernels/group-table.js';
import { broadcast } from '../kernels/scalar-data.js';
import { take } from '../kernels/take.js';
import { concatBatches } from '../kernels/concat.js';
import { chunked, drain, outputSchema, type BatchStream, type RunEnv } from './run-env.js';
import { compileSortKeys, sortedOrder, type CompiledSortKeys } from './sort.js';

interface AggState {
  readonly call: AggregateCall;
  readonly args: Evaluator[];
  readonly filter: Evaluator | undefined;
  readonly acc: GroupedAccumulator;
  /** For DISTINCT: (group id, args) pairs already fed. */
  readonly seen: GroupTable | undefined;
  /** ORDER BY inside the aggregate: rows are fed in this order. */
  readonly order: CompiledSortKeys | undefined;
}

const INT32 = new arrow.Int32();

export async function* runHashAggregate(node: HashAggregateNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  const keyEvals: Evaluator[] = [];
  for (const g of node.groupBy) keyEvals.push(await compileExpr(g, env));
  const keyTypes = node.groupBy.map((g) => toArrowType(exprType(g)));
  const sets = node.groupingSets;
  const tableKeyTypes = sets ? [...keyTypes, new arrow.Int64()] : keyTypes;
  const table = new GroupTable(tableKeyTypes);
  const aggs: AggState[] = [];
  for (const call of node.aggregates) aggs.push(await makeAggState(call, env));

  // an aggregate with its own ORDER BY sees all rows at once, sorted
  const ordered = aggs.some((a) => a.order);
  const source = ordered ? materialized(node, env) : env.execute(node.input);
  for await (const batch of source) {
    env.checkCancelled();
    const n = batch.numRows;
    if (n === 0) continue;
    const input = { columns: batch.data.children, numRows: n };
    const keys = keyEvals.map((ev) => toArray(ev(input), n));
    const argData = aggs.map((a) => a.args.map((ev) => toArray(ev(input), n)));
    const filterSel = aggs.map((a) => {
      const sel = a.filter ? selectTrue(toArray(a.filter(input), n)) : undefined;
      return a.order ? orderedRows(a.order, batch, sel) : sel;
    });
    const keySets = sets ? sets.map((s) => groupingKeys(s, keys, keyTypes, n)) : [keys];
    for (const ks of keySets) {
      const ids = table.assign(ks, n);
      aggs.forEach((a, i) => feed(a, argData[i]!, ids, filterSel[i], table.numGroups));
    }
  }
  let numGroups = table.numGroups;
  if (node.groupBy.length === 0 && !sets && numGroups === 0) numGroups = 1;
  if (numGroups === 0) return;
  const keyCols = table.numGroups === 0 ? tableKeyTypes.map((t) => makeNullData(t, numGroups)) : table.keyColumns();
  const results = aggs.map((a) => {
    a.acc.update(
      a.call.args.map((e) => makeNullData(toArrowType(exprType(e)), 0)),
      new Uint32Array(0),
      numGroups,
    );
    return checkAggregateOutput(a.acc.finish(), numGroups, a.call.name);
  });
  yield* chunked(schema, [...keyCols, ...results], numGroups);
}

async function* materialized(node: HashAggregateNode, env: RunEnv): BatchStream {
  const batches = await drain(env.execute(node.input), env);
  if (batches.length > 0) yield concatBatches(batches[0]!.schema, batches);
}

/** The rows to feed (those in `sel`, or all), in the aggregate's ORDER BY order. */
function orderedRows(order: CompiledSortKeys, batch: arrow.RecordBatch, sel: Int32Array | undefined): Int32Array {
  const sorted = sortedOrder(order, batch);
  if (!sel) return sorted;
  const keep = new Uint8Array(batch.numRows);
  for (let k = 0; k < sel.length; k++) keep[sel[k]!] = 1;
  const out = new Int32Array(sel.length);
  let p = 0;
  for (let k = 0; k < sorted.length; k++) if (keep[sorted[k]!]) out[p++] = sorted[k]!;
  return out;
}

async function makeAggState(call: AggregateCall, env: RunEnv): Promise<AggState> {
  const order = call.orderBy && call.orderBy.length > 0 ? await compileSortKeys(call.orderBy, env) : undefined;
  const kernel = env.functions.aggregate(call.name);
  if (!kernel) unsupported(`aggregate function ${call.name}`);
  const args: Evaluator[] = [];
  for (const a of call.args) args.push(await compileExpr(a, env));
  const argTypes = call.args.map((a) => exprType(a));
  const acc = kernel.create(argTypes, call.type, evalContext(env, 0));
  const seen = call.distinct ? new GroupTable([INT32, ...argTypes.map((t) => toArrowType(t))]) : undefined;
  const filter = call.filter ? await compileExpr(call.filter, env) : undefined;
  return { call, args, filter, acc, seen, order };
}

/** Keys for one grouping set: ungrouped columns NULL, then the grouping_id. */
function groupingKeys(set: readonly number[], keys: readonly arrow.Data[], types: readonly arrow.DataType[], n: number): arrow.Data[] {
  const grouped = new Set(set);
  let gid = 0n;
  const out = keys.map((k, i) => {
    if (grouped.has(i)) return k;
    gid |= 1n << BigInt(keys.length - 1 - i);
    return makeNullData(types[i]!, n);
  });
  out.push(broadcast({ kind: 'long' }, gid, n));
  return out;
}

function feed(a: AggState, args: arrow.Data[], ids: Uint32Array, filterSel: Int32Array | undefined, numGroups: number): void {
  let sel = filterSel;
  if (a.seen) {
    const rows = sel ?? null;
    const m = rows ? rows.length : ids.length;
    const gidVals = new Int32Array(m);
    for (let k = 0; k < m; k++) gidVals[k] = ids[rows ? rows[k]! : k]!;
    const pairKeys = [makeArrayData(INT32, m, null, 0, gidVals), ...(rows ? args.map((c) => take(c, rows)) : args)];
    const before = a.seen.numGroups;
    const pairIds = a.seen.assign(pairKeys, m);
    const fresh = new Int32Array(m);
    let f = 0;
    const taken = new Uint8Array(a.seen.numGroups - before);
    for (let k = 0; k < m; k++) {
      const p = pairIds[k]!;
      if (p >= before && !taken[p - before]) {
        taken[p - before] = 1;
        fresh[f++] = rows ? rows[k]! : k;
      }
    }
    sel = fresh.subarray(0, f);
  }
  if (!sel) {
    a.acc.update(args, ids, numGroups);
    return;
  }
  if (sel.length === 0) return;
  const subIds = new Uint32Array(sel.length);
  for (let k = 0; k < sel.length; k++) subIds[k] = ids[sel[k]!]!;
  a.acc.update(
    args.map((c) => take(c, sel)),
    subIds,
    numGroups,
  );
}

function checkAggregateOutput(d: arrow.Data, numGroups: number, name: string): arrow.Data {
  if (d.length !== numGroups) throw new DeltaSqlError('INTERNAL', `aggregate ${name} returned ${d.length} rows for ${numGroups} groups`);
  return d;
}
