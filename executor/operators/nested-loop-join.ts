/**
 * Join on an arbitrary condition (or none: cross join): the right side is materialised, each left
 * batch is paired with every right row in chunks of bounded size, and JoinEmitter does the rest.
 */
import type { NestedLoopJoinNode } from '../../planner/physical/physical-plan.js';
import { compileExpr } from '../expr/compile-expr.js';
import { exprRefs } from '../expr/expr-refs.js';
import { concatData } from '../kernels/concat.js';
import { JoinEmitter, type JoinSide } from './join-emitter.js';
import { extractEquiKeys } from './equi-keys.js';
import { materialize, runHashJoin } from './hash-join.js';
import { outputSchema, type BatchStream, type RunEnv } from './run-env.js';

const MAX_PAIRS = 65536;

export async function* runNestedLoopJoin(node: NestedLoopJoinNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  const keys = node.condition ? extractEquiKeys(node.condition, node.left.schema.length) : undefined;
  if (keys && node.condition) {
    yield* runHashJoin(
      {
        kind: 'hash_join', schema: node.schema, joinType: node.joinType === 'cross' ? 'inner' : node.joinType, left: node.left, right: node.right,
        leftKeys: keys.leftKeys, rightKeys: keys.rightKeys, nullSafe: keys.leftKeys.map(() => false), residual: node.condition, buildSide: 'right',
      },
      env,
    );
    return;
  }
  const condition = node.condition ? { eval: await compileExpr(node.condition, env), refs: exprRefs(node.condition).columns } : undefined;
  const build = await materialize(node.right, env);
  const joinType = node.joinType === 'cross' ? 'inner' : node.joinType;
  const emitter = new JoinEmitter(joinType, true, build, schema, condition);
  const m = build.numRows;
  for await (const batch of env.execute(node.left)) {
    env.checkCancelled();
    const n = batch.numRows;
    const cols = batch.data.children;
    const rowsPerChunk = Math.max(1, Math.floor(MAX_PAIRS / Math.max(m, 1)));
    for (let start = 0; start < n; start += rowsPerChunk) {
      const len = Math.min(rowsPerChunk, n - start);
      const probe: JoinSide = start === 0 && len === n ? { columns: cols, numRows: n } : { columns: cols.map((c) => c.slice(start, len)), numRows: len };
      const p = new Int32Array(len * m);
      const b = new Int32Array(len * m);
      let k = 0;
      for (let i = 0; i < len; i++)
        for (let j = 0; j < m; j++) {
          p[k] = i;
          b[k++] = j;
        }
      for (const out of emitter.probe(probe, p, b)) yield out;
      env.checkCancelled();
    }
  }
  const leftSchema = outputSchema(node.left);
  const emptyProbe: JoinSide = { columns: leftSchema.fields.map((f) => concatData([], f.type)), numRows: 0 };
  for (const out of emitter.finish(emptyProbe)) yield out;
}
