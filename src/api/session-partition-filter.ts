/**
 * OPTIMIZE's WHERE over partition columns, compiled by the query path: the distinct partition
 * value tuples that satisfy the predicate come from `SELECT DISTINCT <partition cols> FROM t
 * WHERE <predicate>`, and a file is selected when its partition values are one of them.
 */
import { DeltaSqlError } from '../common/errors.js';
import type { DataType } from '../common/types/data-type.js';
import type { ColumnRef, Expr, ObjectName, Query } from '../../grammar/ast/index.js';
import { printExpr } from '../../grammar/index.js';
import type { PartitionScalar } from '../delta/partition-value.js';
import { columnToJs } from './session-rows.js';
import { runQuery, type StatementEnv } from './session-statements.js';
import type { OpenTable } from './session-delta-ops.js';

export interface PartitionFilter {
  readonly matches: (values: Readonly<Record<string, PartitionScalar>>) => boolean;
  readonly text: string;
}

/** Every column reference inside an expression tree. */
function columnRefs(node: unknown, out: ColumnRef[]): ColumnRef[] {
  if (Array.isArray(node)) {
    for (const x of node) columnRefs(x, out);
  } else if (typeof node === 'object' && node !== null) {
    const rec = node as Record<string, unknown>;
    if (rec['kind'] === 'column') out.push(node as ColumnRef);
    else for (const [k, v] of Object.entries(rec)) if (k !== 'span') columnRefs(v, out);
  }
  return out;
}

/** One canonical text per value, equal for a query result cell and the same partition value. */
function cellKey(v: unknown): string {
  if (v === null || v === undefined) return 'N';
  if (v instanceof Date) return `D${v.getTime()}`;
  if (typeof v === 'number' || typeof v === 'bigint') return `n${String(v)}`;
  if (typeof v === 'boolean') return `b${String(v)}`;
  if (v instanceof Uint8Array) return `x${Buffer.from(v).toString('hex')}`;
  return `s${String(v)}`;
}

function decimalText(unscaled: bigint, scale: number): string {
  const neg = unscaled < 0n;
  const digits = (neg ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const s = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return neg ? `-${s}` : s;
}

function partitionKey(v: PartitionScalar, t: DataType): string {
  if (v === null) return 'N';
  if (t.kind === 'date' && typeof v === 'number') return `D${v * 86_400_000}`;
  if ((t.kind === 'timestamp' || t.kind === 'timestamp_ntz') && typeof v === 'bigint') return `D${Math.floor(Number(v) / 1000)}`;
  if (t.kind === 'decimal' && typeof v === 'bigint') {
    const text = decimalText(v, t.scale);
    return t.precision <= 15 ? `n${String(Number(text))}` : `s${text}`;
  }
  if (typeof v === 'bigint' && v >= -9007199254740991n && v <= 9007199254740991n) return `n${String(Number(v))}`;
  return cellKey(v);
}

export async function partitionFilterOf(env: StatementEnv, t: OpenTable, name: ObjectName, where: Expr): Promise<PartitionFilter> {
  const partitions = t.snapshot.partitionColumns;
  for (const ref of columnRefs(where, [])) {
    const col = ref.parts[ref.parts.length - 1] ?? '';
    if (!partitions.some((p) => p.toLowerCase() === col.toLowerCase())) {
      throw new DeltaSqlError(
        'ANALYSIS_ERROR',
        `Predicate references non-partition column '${col}'. Only the partition columns may be referenced: [${partitions.join(', ')}]`,
        { position: ref.span.start },
      );
    }
  }
  const span = where.span;
  const fields = partitions.map((p) => {
    const f = t.snapshot.schema.find((x) => x.name === p) ?? t.snapshot.schema.find((x) => x.name.toLowerCase() === p.toLowerCase());
    if (f === undefined) throw new DeltaSqlError('CORRUPT_LOG', `partition column \`${p}\` is not in the schema of \`${t.display}\``);
    return f;
  });
  const text = printExpr(where);
  if (fields.length === 0) {
    // An unpartitioned table: a constant predicate selects all files or none.
    const q: Query = {
      kind: 'query',
      span,
      orderBy: [],
      body: { kind: 'select', span, distinct: false, items: [{ kind: 'selectItem', expr: where, span }], from: [], lateralViews: [], windows: [] },
    };
    const data = (await runQuery(env, q)).getChildAt(0)?.data[0];
    const keep = data !== undefined && columnToJs(data)[0] === true;
    return { matches: () => keep, text };
  }
  const query: Query = {
    kind: 'query',
    span,
    orderBy: [],
    body: {
      kind: 'select',
      span,
      distinct: true,
      items: fields.map((f) => ({ kind: 'selectItem', span, expr: { kind: 'column', parts: [f.name], quoted: [true], span } })),
      from: [{ kind: 'tableRef', name, span }],
      lateralViews: [],
      where,
      windows: [],
    },
  };
  const table = await runQuery(env, query);
  const columns = fields.map((_, i) => {
    const vector = table.getChildAt(i);
    return vector === null ? [] : vector.data.flatMap((d) => columnToJs(d));
  });
  const wanted = new Set<string>();
  for (let r = 0; r < table.numRows; r++) wanted.add(columns.map((c) => cellKey(c[r])).join('\u0000'));
  const matches = (values: Readonly<Record<string, PartitionScalar>>): boolean =>
    wanted.has(fields.map((f) => partitionKey(values[f.name] ?? null, f.type)).join('\u0000'));
  return { matches, text };
}
