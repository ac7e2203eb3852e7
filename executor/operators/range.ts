/** range(start, end, step) as Spark: one bigint column `id`; empty when the step points away from end. */
import { DeltaSqlError } from '../../src/common/errors.js';
import type { RangeNode } from '../../planner/physical/physical-plan.js';
import { makeArrayData } from '../kernels/array-data.js';
import { BATCH_ROWS, makeBatch, outputSchema, type BatchStream, type RunEnv } from './run-env.js';

export function rangeCount(start: bigint, end: bigint, step: bigint): bigint {
  if (step === 0n) throw new DeltaSqlError('INVALID_ARGUMENT', 'The step of range() must not be 0');
  if (step > 0n ? end <= start : end >= start) return 0n;
  const span = step > 0n ? end - start : start - end;
  const s = step > 0n ? step : -step;
  return (span + s - 1n) / s;
}

export async function* runRange(node: RangeNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  const total = rangeCount(node.start, node.end, node.step);
  const type = schema.fields[0]!.type;
  let next = node.start;
  for (let done = 0n; done < total; ) {
    env.checkCancelled();
    const len = Number(total - done < BigInt(BATCH_ROWS) ? total - done : BigInt(BATCH_ROWS));
    const out = new BigInt64Array(len);
    const first = next;
    const step = node.step;
    const safe = (x: bigint): boolean => x >= -(2n ** 53n) && x <= 2n ** 53n;
    if (safe(first) && safe(first + step * BigInt(len))) {
      const f = Number(first);
      const s = Number(step);
      for (let i = 0; i < len; i++) out[i] = BigInt(f + s * i);
    } else {
      let v = first;
      for (let i = 0; i < len; i++, v += step) out[i] = BigInt.asIntN(64, v);
    }
    next = first + step * BigInt(len);
    done += BigInt(len);
    yield makeBatch(schema, [makeArrayData(type, len, null, 0, out)], len);
  }
}
