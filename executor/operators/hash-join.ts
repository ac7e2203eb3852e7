/**
 * Equi-join: the build side (as the plan says) is materialised and indexed by key hash; each probe
 * batch finds its candidate rows, checks key equality (NULL never matches unless the pair is
 * null-safe), and JoinEmitter applies the residual and the join type.
 */
import type * as arrow from 'apache-arrow';
import { unsupported } from '../../src/common/errors.js';
import type { BoundExpr } from '../../planner/expr/bound-expr.js';
import type { HashJoinNode, PhysicalPlan } from '../../planner/physical/physical-plan.js';
import { compileExpr } from '../expr/compile-expr.js';
import { toArray, type Evaluator } from '../expr/eval-batch.js';
import { exprRefs } from '../expr/expr-refs.js';
import { isValidAt } from '../kernels/array-data.js';
import { concatData } from '../kernels/concat.js';
import { HashIndex } from '../kernels/hash-index.js';
import { makeRowEquals } from '../kernels/row-compare.js';
import { hashRows } from '../kernels/row-hash.js';
import { intKeyEquals } from '../kernels/int-key-equals.js';
import { take } from '../kernels/take.js';
import { JoinEmitter, type JoinSide } from './join-emitter.js';
import { runNestedLoopJoin } from './nested-loop-join.js';
import { drain, outputSchema, type BatchStream, type RunEnv } from './run-env.js';

export async function materialize(plan: PhysicalPlan, env: RunEnv): Promise<JoinSide> {
  const schema = outputSchema(plan);
  const batches = await drain(env.execute(plan), env);
  const numRows = batches.reduce((s, b) => s + b.numRows, 0);
  const columns = schema.fields.map((f, c) => concatData(batches.map((b) => b.data.children[c]!), f.type));
  return { columns, numRows };
}

async function compileAll(es: readonly BoundExpr[], env: RunEnv): Promise<Evaluator[]> {
  const out: Evaluator[] = [];
  for (const e of es) out.push(await compileExpr(e, env));
  return out;
}

/** Rows whose non-null-safe keys are all non-NULL (1) or not (0). */
function keyUsable(keys: readonly arrow.Data[], nullSafe: readonly boolean[], n: number): Uint8Array {
  const ok = new Uint8Array(n).fill(1);
  keys.forEach((k, i) => {
    if (nullSafe[i] || k.nullCount === 0) return;
    for (let r = 0; r < n; r++) if (!isValidAt(k, r)) ok[r] = 0;
  });
  return ok;
}

class PairBuffer {
  p = new Int32Array(1024);
  b = new Int32Array(1024);
  n = 0;
  push(p: number, b: number): void {
    if (this.n === this.p.length) {
      const np = new Int32Array(this.n * 2);
      np.set(this.p);
      this.p = np;
      const nb = new Int32Array(this.n * 2);
      nb.set(this.b);
      this.b = nb;
    }
    this.p[this.n] = p;
    this.b[this.n++] = b;
  }
}

export async function* runHashJoin(node: HashJoinNode, env: RunEnv): BatchStream {
  if (node.joinType === 'cross' || node.leftKeys.length === 0) {
    yield* runNestedLoopJoin(
      { kind: 'nested_loop_join', schema: node.schema, joinType: node.joinType, left: node.left, right: node.right, ...(node.residual ? { condition: node.residual } : {}) },
      env,
    );
    return;
  }
  const schema = outputSchema(node);
  const buildIsLeft = node.buildSide === 'left';
  if (node.nullAware && (buildIsLeft || node.joinType !== 'left_anti' || node.residual))
    unsupported('null-aware anti join with the left side as build side or with a residual condition');
  const buildPlan = buildIsLeft ? node.left : node.right;
  const probePlan = buildIsLeft ? node.right : node.left;
  const buildKeyEval = await compileAll(buildIsLeft ? node.leftKeys : node.rightKeys, env);
  const probeKeyEval = await compileAll(buildIsLeft ? node.rightKeys : node.leftKeys, env);
  const residual = node.residual ? { eval: await compileExpr(node.residual, env), refs: exprRefs(node.residual).columns } : undefined;
  const build = await materialize(buildPlan, env);
  const bInput = { columns: build.columns, numRows: build.numRows };
  const buildKeys = buildKeyEval.map((ev) => toArray(ev(bInput), build.numRows));
  const usable = keyUsable(buildKeys, node.nullSafe, build.numRows);
  if (node.nullAware && build.numRows > 0 && usable.includes(0)) return;
  const hashes = hashRows(buildKeys, build.numRows);
  const index = HashIndex.build(hashes, usable);
  const emitter = new JoinEmitter(node.joinType, !buildIsLeft, build, schema, residual);
  const probeSchema = outputSchema(probePlan);
  for await (const batch of env.execute(probePlan)) {
    env.checkCancelled();
    let probe: JoinSide = { columns: batch.data.children, numRows: batch.numRows };
    let keys = probeKeyEval.map((ev) => toArray(ev({ columns: probe.columns, numRows: probe.numRows }), probe.numRows));
    let pUsable = keyUsable(keys, node.nullSafe, probe.numRows);
    if (node.nullAware && build.numRows > 0 && pUsable.includes(0)) {
      const keep = new Int32Array(probe.numRows);
      let k = 0;
      for (let i = 0; i < probe.numRows; i++) if (pUsable[i]) keep[k++] = i;
      const sel = keep.subarray(0, k);
      probe = { columns: probe.columns.map((c) => take(c, sel)), numRows: k };
      keys = keys.map((c) => take(c, sel));
      pUsable = new Uint8Array(k).fill(1);
    }
    const ph = hashRows(keys, probe.numRows);
    const eq = node.nullSafe.some((x) => x) ? makeRowEquals(keys, buildKeys) : (intKeyEquals(keys, buildKeys, true) ?? makeRowEquals(keys, buildKeys));
    const pairs = new PairBuffer();
    const { heads, next, mask } = index;
    for (let i = 0; i < probe.numRows; i++) {
      if (!pUsable[i]) continue;
      const h = ph[i]!;
      for (let r = heads[h & mask]!; r >= 0; r = next[r]!) if (hashes[r] === h && eq(i, r)) pairs.push(i, r);
    }
    for (const out of emitter.probe(probe, pairs.p.subarray(0, pairs.n), pairs.b.subarray(0, pairs.n))) yield out;
  }
  const emptyProbe: JoinSide = { columns: probeSchema.fields.map((f) => concatData([], f.type)), numRows: 0 };
  for (const out of emitter.finish(emptyProbe)) yield out;
}
