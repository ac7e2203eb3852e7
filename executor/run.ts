/**
 * Run a physical plan: map each node kind to its operator (executor/operators), pulling Arrow
 * RecordBatches; cancellation is checked between batches, and long queries give the event loop a
 * turn now and then so that a cancel can arrive (responsive-stream.ts).
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../src/common/errors.js';
import { toArrowSchema } from '../src/common/types/arrow-type.js';
import type { PhysicalPlan } from '../planner/physical/physical-plan.js';
import type { ExecutionContext, OperatorStats } from './execution-context.js';
import { defaultFunctions } from './expr/default-functions.js';
import { runDeltaScan } from './operators/delta-scan.js';
import { runFileScan } from './operators/file-scan.js';
import { runFilter } from './operators/filter.js';
import { runHashAggregate } from './operators/hash-aggregate.js';
import { runHashJoin } from './operators/hash-join.js';
import { runNestedLoopJoin } from './operators/nested-loop-join.js';
import { runLimit } from './operators/limit.js';
import { runMemoryScan } from './operators/memory-scan.js';
import { runProject } from './operators/project.js';
import { runRange } from './operators/range.js';
import type { BatchStream, RunEnv } from './operators/run-env.js';
import { runSort } from './operators/sort.js';
import { runTopN } from './operators/top-n.js';
import { runUnion } from './operators/union.js';
import { runValues } from './operators/values.js';
import { runGenerate } from './operators/generate.js';
import { runRecursiveCte, runWorkTable } from './operators/recursive-cte.js';
import { runSetOp } from './operators/set-op.js';
import { runWindow } from './operators/window.js';
import { responsive, type YieldClock } from './responsive-stream.js';

export function executePlan(plan: PhysicalPlan, ctx: ExecutionContext): AsyncIterable<arrow.RecordBatch> {
  return makeEnv(ctx).execute(plan);
}

/** The whole result as a Table; an empty result keeps the plan's schema. */
export async function collectPlan(plan: PhysicalPlan, ctx: ExecutionContext): Promise<arrow.Table> {
  return collectWith(makeEnv(ctx), plan);
}

async function collectWith(env: RunEnv, plan: PhysicalPlan): Promise<arrow.Table> {
  const schema = toArrowSchema(plan.schema);
  const batches: arrow.RecordBatch[] = [];
  for await (const b of env.execute(plan)) {
    env.checkCancelled();
    if (b.numRows > 0) batches.push(b);
  }
  return batches.length === 0 ? new arrow.Table(schema) : new arrow.Table(schema, batches);
}

function makeEnv(ctx: ExecutionContext): RunEnv {
  const clock: YieldClock = { lastYield: performance.now() };
  const run = (plan: PhysicalPlan): BatchStream => responsive(dispatch(plan, env), clock, env.checkCancelled);
  const env: RunEnv = {
    ctx,
    functions: ctx.functions ?? defaultFunctions,
    workTables: new Map(),
    execute: (plan) => (ctx.operatorStats ? measured(plan, run(plan), ctx.operatorStats) : run(plan)),
    runPlan: (plan) => collectWith(env, plan),
    checkCancelled: () => {
      if (ctx.signal?.aborted) throw new DeltaSqlError('CANCELLED', 'the query was cancelled');
    },
  };
  return env;
}

function dispatch(plan: PhysicalPlan, env: RunEnv): BatchStream {
  env.checkCancelled();
  switch (plan.kind) {
    case 'values':
      return runValues(plan);
    case 'range':
      return runRange(plan, env);
    case 'memory_scan':
      return runMemoryScan(plan, env);
    case 'delta_scan':
      return runDeltaScan(plan, env);
    case 'file_scan':
      return runFileScan(plan, env);
    case 'filter':
      return runFilter(plan, env);
    case 'project':
      return runProject(plan, env);
    case 'limit':
      return runLimit(plan, env);
    case 'union':
      return runUnion(plan, env);
    case 'sort':
      return runSort(plan, env);
    case 'top_n':
      return runTopN(plan, env);
    case 'hash_join':
      return runHashJoin(plan, env);
    case 'nested_loop_join':
      return runNestedLoopJoin(plan, env);
    case 'hash_aggregate':
      return runHashAggregate(plan, env);
    case 'window':
      return runWindow(plan, env);
    case 'set_op':
      return runSetOp(plan, env);
    case 'generate':
      return runGenerate(plan, env);
    case 'recursive_cte':
      return runRecursiveCte(plan, env);
    case 'work_table':
      return runWorkTable(plan, env);
    case 'empty':
      return emptyStream();
    default: {
      const unknown: { kind: string } = plan;
      throw new DeltaSqlError('UNSUPPORTED', `physical operator ${unknown.kind} is not supported`);
    }
  }
}

async function* emptyStream(): BatchStream {}

/** Count rows and time spent pulling from `stream` (inclusive of its inputs). */
async function* measured(plan: PhysicalPlan, stream: BatchStream, into: Map<PhysicalPlan, OperatorStats>): BatchStream {
  const stats = into.get(plan) ?? { rows: 0, batches: 0, ms: 0 };
  into.set(plan, stats);
  const it = stream[Symbol.asyncIterator]();
  for (;;) {
    const start = performance.now();
    let r: IteratorResult<arrow.RecordBatch>;
    try {
      r = await it.next();
    } finally {
      stats.ms += performance.now() - start;
    }
    if (r.done) return;
    stats.rows += r.value.numRows;
    stats.batches++;
    yield r.value;
  }
}
