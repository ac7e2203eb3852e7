/**
 * EXPLAIN: the optimized physical plan as an indented tree, one node per line, expressions
 * printed readably with their input's column names, Delta scans showing pruning results.
 */
import type { BoundExpr } from './expr/bound-expr.js';
import { mapColumns } from './expr/expr-utils.js';
import { printBound } from './expr/print-bound.js';
import type { PhysicalPlan, SortKey } from './physical/physical-plan.js';

/** Children in display order. */
export function physicalChildren(p: PhysicalPlan): PhysicalPlan[] {
  switch (p.kind) {
    case 'hash_join':
    case 'nested_loop_join':
    case 'set_op':
      return [p.left, p.right];
    case 'union':
      return [...p.inputs];
    case 'recursive_cte':
      return [p.anchor, p.recursive];
    case 'filter':
    case 'project':
    case 'hash_aggregate':
    case 'sort':
    case 'top_n':
    case 'limit':
    case 'window':
    case 'generate':
      return [p.input];
    default:
      return [];
  }
}

function names(p: PhysicalPlan): string[] {
  return p.schema.map((f) => f.name);
}

function printer(cols: readonly string[]): (e: BoundExpr) => string {
  return (e) => printBound(mapColumns(e, (c) => ({ ...c, name: cols[c.index] ?? c.name })));
}

function keys(ks: readonly SortKey[], pr: (e: BoundExpr) => string): string {
  return ks.map((k) => `${pr(k.expr)} ${k.ascending ? 'ASC' : 'DESC'} NULLS ${k.nullsFirst ? 'FIRST' : 'LAST'}`).join(', ');
}

/** One line describing the node itself. */
export function describeNode(p: PhysicalPlan): string {
  const kids = physicalChildren(p);
  const input = kids.length === 1 ? names(kids[0] as PhysicalPlan) : kids.length === 2 ? [...names(kids[0] as PhysicalPlan), ...names(kids[1] as PhysicalPlan)] : [];
  const pr = printer(input);
  switch (p.kind) {
    case 'delta_scan': {
      const skipped = p.totalFiles - p.files.length;
      const pruning = skipped > 0 || p.skippingPredicate ? ' after partition pruning and stats skipping' : '';
      return `DeltaScan ${p.location} version=${p.version} [${p.columns.join(', ')}] files: ${p.files.length} of ${p.totalFiles}${pruning}`;
    }
    case 'memory_scan':
      return `MemoryScan ${p.table} [${names(p).join(', ')}]`;
    case 'file_scan':
      return `FileScan ${p.format} ${p.paths.join(', ')} [${p.columns.join(', ')}]`;
    case 'values':
      return `Values ${p.rows.length} row${p.rows.length === 1 ? '' : 's'} [${names(p).join(', ')}]`;
    case 'range':
      return `Range (${p.start}, ${p.end}, step=${p.step})`;
    case 'filter':
      return `Filter ${pr(p.predicate)}`;
    case 'project':
      return `Project [${p.exprs.map((e, i) => {
        const text = pr(e);
        const name = p.schema[i]?.name ?? '';
        return text === name ? text : `${text} AS ${name}`;
      }).join(', ')}]`;
    case 'hash_join': {
      const l = printer(names(p.left));
      const r = printer(names(p.right));
      const on = p.leftKeys.map((k, i) => `${l(k)} ${p.nullSafe[i] ? '<=>' : '='} ${r(p.rightKeys[i] as BoundExpr)}`).join(' AND ');
      return `HashJoin ${p.joinType} on ${on}${p.residual ? ` residual ${pr(p.residual)}` : ''} build=${p.buildSide}${p.nullAware ? ' null-aware' : ''}`;
    }
    case 'nested_loop_join':
      return `NestedLoopJoin ${p.joinType}${p.condition ? ` on ${pr(p.condition)}` : ''}`;
    case 'hash_aggregate': {
      const aggs = p.aggregates.map((a) => `${a.name}(${a.distinct ? 'DISTINCT ' : ''}${a.args.map(pr).join(', ')})${a.filter ? ` FILTER (WHERE ${pr(a.filter)})` : ''}`);
      const sets = p.groupingSets ? ` sets=${JSON.stringify(p.groupingSets)}` : '';
      return `HashAggregate keys=[${p.groupBy.map(pr).join(', ')}]${sets} aggregates=[${aggs.join(', ')}]`;
    }
    case 'sort':
      return `Sort [${keys(p.keys, pr)}]`;
    case 'top_n':
      return `TopN ${p.limit}${p.offset ? ` offset ${p.offset}` : ''} [${keys(p.keys, pr)}]`;
    case 'limit':
      return `Limit ${p.limit ?? 'ALL'}${p.offset ? ` offset ${p.offset}` : ''}`;
    case 'window': {
      const fns = p.functions.map((f) => `${f.name}(${f.args.map(pr).join(', ')}) ${f.frame.unit.toUpperCase()} ${f.frame.start ?? 'UNBOUNDED'}..${f.frame.end ?? 'UNBOUNDED'}`);
      return `Window [${fns.join(', ')}] partition=[${p.partitionBy.map(pr).join(', ')}] order=[${keys(p.orderBy, pr)}]`;
    }
    case 'union':
      return `UnionAll`;
    case 'set_op':
      return `${p.op === 'intersect' ? 'Intersect' : 'Except'}${p.all ? ' ALL' : ''}`;
    case 'generate':
      return `Generate ${p.generator}(${p.args.map(pr).join(', ')})${p.outer ? ' OUTER' : ''}`;
    case 'recursive_cte':
      return `RecursiveCTE #${p.cteId}${p.distinct ? ' DISTINCT' : ''}`;
    case 'work_table':
      return `WorkTable #${p.cteId}`;
    case 'empty':
      return 'Empty';
  }
}

export function explainPlan(plan: PhysicalPlan): string {
  const lines: string[] = [];
  const visit = (p: PhysicalPlan, depth: number): void => {
    const est = p.estimatedRows !== undefined ? ` (rows≈${p.estimatedRows})` : '';
    lines.push(`${'  '.repeat(depth)}${describeNode(p)}${est}`);
    for (const k of physicalChildren(p)) visit(k, depth + 1);
  };
  visit(plan, 0);
  return lines.join('\n');
}
