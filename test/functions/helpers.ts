/** Test helpers: build columns, run kernels, read results. */
import type { DataType } from '../../src/common/types/data-type.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import type { ColumnarValue, EvalContext } from '../../executor/functions/kernel.js';
import { getScalarKernel } from '../../executor/functions/registry.js';
import { arrayFromValues } from '../../executor/kernels/make-data-values.js';
import { readValues } from '../../executor/kernels/make-data-read.js';
import { lookupFunction } from '../../planner/functions/registry.js';

export function ctxOf(rowCount: number, ansi = true, timeZone = 'UTC'): EvalContext {
  return { rowCount, ansi, timeZone, statementTime: 1_700_000_000_000_000n };
}

export function col(type: DataType, values: readonly ScalarValue[]): ColumnarValue {
  return { kind: 'array', data: arrayFromValues(type, values) };
}

export function lit(value: ScalarValue, type: DataType): ColumnarValue {
  return { kind: 'scalar', value, type };
}

export function values(v: ColumnarValue, n: number): ScalarValue[] {
  return v.kind === 'array' ? readValues(v.data) : new Array<ScalarValue>(n).fill(v.value);
}

/** Resolve `name` for the argument types and run its kernel on columns of those types. */
export function call(name: string, args: readonly { type: DataType; values: readonly ScalarValue[] }[], ansi = true, timeZone = 'UTC'): ScalarValue[] {
  const sig = lookupFunction(name);
  if (!sig) throw new Error(`no signature ${name}`);
  const r = sig.resolve(
    args.map((a) => a.type),
    { ansi, literalArgs: args.map(() => undefined) },
  );
  const kernel = getScalarKernel(r.name);
  if (!kernel) throw new Error(`no kernel ${r.name}`);
  const n = args[0]?.values.length ?? 1;
  const cols = args.map((a, i) => {
    if (JSON.stringify(a.type) !== JSON.stringify(r.argTypes[i])) throw new Error(`arg ${i} needs cast to ${JSON.stringify(r.argTypes[i])}`);
    return col(a.type, a.values);
  });
  return values(kernel(cols, r.returnType, ctxOf(n, ansi, timeZone)), n);
}
