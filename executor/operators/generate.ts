/**
 * Generators: explode / posexplode over arrays (one row per element) and maps (key, value),
 * inline over arrays of structs (one column per field). OUTER keeps rows that generate nothing,
 * with NULLs. Output: the input columns, then the generated ones.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import type { GenerateNode } from '../../planner/physical/physical-plan.js';
import { compileExpr } from '../expr/compile-expr.js';
import { toArray } from '../expr/eval-batch.js';
import { isValidAt, makeArrayData } from '../kernels/array-data.js';
import { take } from '../kernels/take.js';
import { makeBatch, outputSchema, type BatchStream, type RunEnv } from './run-env.js';

const GENERATORS = new Set(['explode', 'posexplode', 'inline', 'explode_outer', 'posexplode_outer', 'inline_outer']);

export async function* runGenerate(node: GenerateNode, env: RunEnv): BatchStream {
  if (!GENERATORS.has(node.generator)) unsupported(`generator ${node.generator}`);
  const name = node.generator.replace(/_outer$/, '');
  const outer = node.outer || node.generator.endsWith('_outer');
  const schema = outputSchema(node);
  if (node.args.length !== 1) throw new DeltaSqlError('ANALYSIS_ERROR', `${name} takes exactly one argument`);
  const arg = await compileExpr(node.args[0]!, env);
  for await (const batch of env.execute(node.input)) {
    env.checkCancelled();
    const n = batch.numRows;
    const cols = batch.data.children;
    const v = toArray(arg({ columns: cols, numRows: n }), n);
    if (v.typeId !== arrow.Type.List && v.typeId !== arrow.Type.Map) throw new DeltaSqlError('TYPE_MISMATCH', `${name} needs an array or a map`);
    const offs = v.valueOffsets as Int32Array;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const len = isValidAt(v, i) ? offs[i + 1]! - offs[i]! : 0;
      total += len === 0 && outer ? 1 : len;
    }
    if (total === 0) continue;
    const parent = new Int32Array(total);
    const child = new Int32Array(total);
    const pos = new Int32Array(total);
    const posValid = new Uint8Array(((total + 63) >> 6) << 3);
    let posNulls = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const len = isValidAt(v, i) ? offs[i + 1]! - offs[i]! : 0;
      if (len === 0) {
        if (outer) {
          parent[k] = i;
          child[k] = -1;
          posNulls++;
          k++;
        }
        continue;
      }
      for (let e = 0; e < len; e++, k++) {
        parent[k] = i;
        child[k] = offs[i]! + e;
        pos[k] = e;
        posValid[k >> 3]! |= 1 << (k & 7);
      }
    }
    const generated: arrow.Data[] = [];
    if (name === 'posexplode') generated.push(makeArrayData(new arrow.Int32(), total, posValid, posNulls, pos));
    const elems = v.children[0]!;
    if (v.typeId === arrow.Type.Map) {
      if (name === 'inline') throw new DeltaSqlError('TYPE_MISMATCH', 'inline needs an array of structs');
      generated.push(take(elems.children[0]!, child), take(elems.children[1]!, child));
    } else if (name === 'inline') {
      if (elems.typeId !== arrow.Type.Struct) throw new DeltaSqlError('TYPE_MISMATCH', 'inline needs an array of structs');
      const fieldIdx = child.map((c) => (c >= 0 && isValidAt(elems, c) ? c : -1));
      for (const fc of elems.children) generated.push(take(fc, fieldIdx));
    } else generated.push(take(elems, child));
    yield makeBatch(schema, [...cols.map((c) => take(c, parent)), ...generated], total);
  }
}
