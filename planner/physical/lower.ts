/**
 * Logical → physical: column ids become positions in each node's input, Delta scans keep only
 * the files pruning cannot rule out, joins with equi keys become hash joins.
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import type { StructField } from '../../src/common/types/data-type.js';
import type { BoundExpr } from '../expr/bound-expr.js';
import { makeAnd, mapColumns } from '../expr/expr-utils.js';
import type { LogicalColumn, LogicalPlan, ScanPlan } from '../logical/logical-plan.js';
import type { AggregateCall, PhysicalPlan, SortKey } from './physical-plan.js';
import { pruneFiles } from './pruning.js';
import { estimateRows } from '../logical/estimate.js';

function schemaOf(cols: readonly LogicalColumn[]): StructField[] {
  return cols.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable, metadata: {} }));
}

/** Rewrites ids to positions within `input`. */
function binder(input: readonly LogicalColumn[]): (e: BoundExpr) => BoundExpr {
  const pos = new Map<number, number>();
  input.forEach((c, i) => {
    if (!pos.has(c.id)) pos.set(c.id, i);
  });
  return (e) =>
    mapColumns(e, (c) => {
      const i = pos.get(c.index);
      if (i === undefined) {
        throw new DeltaSqlError('UNSUPPORTED', `correlated reference to \`${c.name}\` in this position is not supported`);
      }
      return { ...c, index: i };
    });
}

export function lower(plan: LogicalPlan): PhysicalPlan {
  const est = estimateRows(plan);
  const base = { schema: schemaOf(plan.output), ...(est !== undefined ? { estimatedRows: est } : {}) };
  switch (plan.kind) {
    case 'scan':
      return lowerScan(plan, base);
    case 'values':
      return { ...base, kind: 'values', rows: plan.rows };
    case 'range':
      return { ...base, kind: 'range', start: plan.start, end: plan.end, step: plan.step };
    case 'filter': {
      const b = binder(plan.input.output);
      return { ...base, kind: 'filter', input: lower(plan.input), predicate: b(plan.predicate) };
    }
    case 'project': {
      const b = binder(plan.input.output);
      return { ...base, kind: 'project', input: lower(plan.input), exprs: plan.exprs.map(b) };
    }
    case 'join': {
      const left = lower(plan.left);
      const right = lower(plan.right);
      const both = binder([...plan.left.output, ...plan.right.output]);
      if (plan.equi !== undefined && plan.equi.left.length > 0) {
        const bl = binder(plan.left.output);
        const br = binder(plan.right.output);
        return {
          ...base,
          kind: 'hash_join',
          joinType: plan.joinType === 'cross' ? 'inner' : plan.joinType,
          left,
          right,
          leftKeys: plan.equi.left.map(bl),
          rightKeys: plan.equi.right.map(br),
          nullSafe: plan.equi.nullSafe,
          ...(plan.condition !== undefined ? { residual: both(plan.condition) } : {}),
          buildSide: plan.buildSide ?? (plan.joinType === 'left_semi' || plan.joinType === 'left_anti' || plan.joinType === 'left' ? 'right' : 'right'),
          ...(plan.nullAware ? { nullAware: true } : {}),
        };
      }
      return {
        ...base,
        kind: 'nested_loop_join',
        joinType: plan.joinType,
        left,
        right,
        ...(plan.condition !== undefined ? { condition: both(plan.condition) } : {}),
      };
    }
    case 'aggregate': {
      const b = binder(plan.input.output);
      const keys = (ks: readonly SortKey[]): SortKey[] => ks.map((k) => ({ ...k, expr: b(k.expr) }));
      const aggregates: AggregateCall[] = plan.aggregates.map((a) => ({
        ...a,
        args: a.args.map(b),
        ...(a.filter ? { filter: b(a.filter) } : {}),
        ...(a.orderBy ? { orderBy: keys(a.orderBy) } : {}),
      }));
      return {
        ...base,
        kind: 'hash_aggregate',
        input: lower(plan.input),
        groupBy: plan.groupBy.map(b),
        ...(plan.groupingSets !== undefined ? { groupingSets: plan.groupingSets } : {}),
        aggregates,
      };
    }
    case 'sort': {
      const b = binder(plan.input.output);
      return { ...base, kind: 'sort', input: lower(plan.input), keys: plan.keys.map((k) => ({ ...k, expr: b(k.expr) })) };
    }
    case 'top_n': {
      const b = binder(plan.input.output);
      return {
        ...base,
        kind: 'top_n',
        input: lower(plan.input),
        keys: plan.keys.map((k) => ({ ...k, expr: b(k.expr) })),
        limit: plan.limit,
        offset: plan.offset,
      };
    }
    case 'limit':
      return { ...base, kind: 'limit', input: lower(plan.input), limit: plan.limit, offset: plan.offset };
    case 'window': {
      const b = binder(plan.input.output);
      return {
        ...base,
        kind: 'window',
        input: lower(plan.input),
        partitionBy: plan.partitionBy.map(b),
        orderBy: plan.orderBy.map((k) => ({ ...k, expr: b(k.expr) })),
        functions: plan.functions.map((f) => ({ ...f, args: f.args.map(b) })),
      };
    }
    case 'union':
      return { ...base, kind: 'union', inputs: plan.inputs.map(lower) };
    case 'set_op':
      return { ...base, kind: 'set_op', op: plan.op, all: plan.all, left: lower(plan.left), right: lower(plan.right) };
    case 'generate': {
      const b = binder(plan.input.output);
      return { ...base, kind: 'generate', input: lower(plan.input), generator: plan.generator, args: plan.args.map(b), outer: plan.outer };
    }
    case 'recursive_cte':
      return {
        ...base,
        kind: 'recursive_cte',
        cteId: plan.cteId,
        anchor: lower(plan.anchor),
        recursive: lower(plan.recursive),
        distinct: plan.distinct,
        maxIterations: plan.maxIterations,
      };
    case 'work_table':
      return { ...base, kind: 'work_table', cteId: plan.cteId };
  }
}

function lowerScan(plan: ScanPlan, base: { schema: StructField[]; estimatedRows?: number }): PhysicalPlan {
  const src = plan.source;
  switch (src.kind) {
    case 'memory':
      return { ...base, kind: 'memory_scan', table: src.table, columns: plan.output.map((c) => c.sourceIndex) };
    case 'file':
      return { ...base, kind: 'file_scan', format: src.format, paths: src.paths, columns: plan.output.map((c) => c.sourceName), options: src.options };
    case 'delta': {
      const predicate = makeAnd(plan.pruningFilters);
      const files = predicate === undefined ? src.files : pruneFiles(predicate, plan.output, src.partitionColumns, src.files);
      const skipping = predicate === undefined ? undefined : binder(plan.output)(predicate);
      let rows: number | undefined = 0;
      for (const f of files) rows = rows === undefined || f.stats?.numRecords === undefined ? undefined : rows + f.stats.numRecords;
      return {
        ...base,
        ...(rows !== undefined ? { estimatedRows: rows } : {}),
        kind: 'delta_scan',
        location: src.location,
        version: src.version,
        columns: plan.output.map((c) => c.sourceName),
        files: files.map((f) => f.path),
        totalFiles: src.files.length,
        ...(skipping !== undefined ? { skippingPredicate: skipping } : {}),
      };
    }
  }
}
