/** Test helpers: hand-built physical plans and a context without Delta tables. */
import * as arrow from 'apache-arrow';
import type { DataType, StructField } from '../../src/common/types/data-type.js';
import type { BoundExpr } from '../../planner/expr/bound-expr.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import type { PhysicalPlan, ValuesNode } from '../../planner/physical/physical-plan.js';
import type { ExecutionContext } from '../../executor/execution-context.js';
import type { FunctionLookup } from '../../executor/expr/function-lookup.js';
import { collectPlan } from '../../executor/run.js';

export const T = {
  int: { kind: 'int' } as DataType,
  long: { kind: 'long' } as DataType,
  double: { kind: 'double' } as DataType,
  string: { kind: 'string' } as DataType,
  boolean: { kind: 'boolean' } as DataType,
};

export function f(name: string, type: DataType, nullable = true): StructField {
  return { name, type, nullable, metadata: {} };
}

export function values(fields: readonly StructField[], rows: ScalarValue[][]): ValuesNode {
  return { kind: 'values', schema: fields, rows };
}

export function col(index: number, type: DataType, name = `c${index}`): BoundExpr {
  return { kind: 'column', index, type, nullable: true, name };
}

export function lit(value: ScalarValue, type: DataType): BoundExpr {
  return { kind: 'literal', value, type };
}

export function ctx(extra: Partial<ExecutionContext> & { functions?: FunctionLookup } = {}): ExecutionContext {
  return {
    ansi: true,
    timeZone: 'UTC',
    statementTime: 0n,
    memoryTables: new Map(),
    scanDeltaFiles: () => {
      throw new Error('no delta tables in this test');
    },
    ...extra,
  };
}

/** Result rows as plain JS arrays (test-only: uses Arrow's row accessors). */
export async function rows(plan: PhysicalPlan, c: ExecutionContext = ctx()): Promise<unknown[][]> {
  const t = await collectPlan(plan, c);
  return tableRows(t);
}

export function tableRows(t: arrow.Table): unknown[][] {
  const out: unknown[][] = [];
  for (let i = 0; i < t.numRows; i++) {
    const r: unknown[] = [];
    for (let c = 0; c < t.numCols; c++) r.push(plain(t.getChildAt(c)!.get(i)));
    out.push(r);
  }
  return out;
}

function plain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof arrow.Vector) return Array.from(v as Iterable<unknown>, plain);
  if (typeof v === 'object' && 'toJSON' in (v as object)) return (v as { toJSON(): unknown }).toJSON();
  return v;
}
