/**
 * Partition pruning and data skipping: one translation of a predicate over a Delta scan's
 * columns into a test on a file's partition values and stats (min / max / nullCount /
 * numRecords). A file is skipped only when its facts PROVE no row can satisfy the predicate;
 * anything not understood (missing stats, unsupported shapes, lossy values) keeps the file.
 */
import type { DataType } from '../../src/common/types/data-type.js';
import type { DeltaFileInfo } from '../../src/catalog/table-source.js';
import type { BoundExpr } from '../expr/bound-expr.js';
import type { ScalarValue } from '../expr/scalar-value.js';
import type { LogicalColumn } from '../logical/logical-plan.js';
import { compareValues, fromPartitionValue, fromStatValue, type Comparable } from './pruning-values.js';

/** Column facts within one file. */
interface ColumnFacts {
  readonly min: Comparable | undefined;
  readonly max: Comparable | undefined;
  /** Rows where the column is NULL, and the file's rows (undefined when unknown). */
  readonly nullCount: number | undefined;
  readonly numRecords: number | undefined;
}

type Leaf = { col: LogicalColumn & { sourceName?: string }; type: DataType };

/** Result of testing a predicate on a file: false only when provably no row matches. */
export type MayMatch = (file: DeltaFileInfo) => boolean;

const FLIP: Record<string, string> = { lt: 'gt', le: 'ge', gt: 'lt', ge: 'le', eq: 'eq', ne: 'ne', eq_null_safe: 'eq_null_safe' };
const NEGATE: Record<string, string> = { lt: 'ge', le: 'gt', gt: 'le', ge: 'lt', eq: 'ne', ne: 'eq' };

export function pruneFiles(
  predicate: BoundExpr,
  columns: readonly (LogicalColumn & { readonly sourceName: string })[],
  partitionColumns: readonly string[],
  files: readonly DeltaFileInfo[],
): DeltaFileInfo[] {
  const test = translate(predicate, columns, partitionColumns);
  return files.filter((f) => test(f));
}

export function translate(
  predicate: BoundExpr,
  columns: readonly (LogicalColumn & { readonly sourceName: string })[],
  partitionColumns: readonly string[],
): MayMatch {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const parts = new Set(partitionColumns.map((p) => p.toLowerCase()));
  const facts = (file: DeltaFileInfo, c: LogicalColumn & { readonly sourceName: string }): ColumnFacts => {
    const name = c.sourceName;
    if (parts.has(name.toLowerCase())) {
      const key = Object.keys(file.partitionValues).find((k) => k.toLowerCase() === name.toLowerCase());
      const raw = key === undefined ? undefined : file.partitionValues[key];
      if (key === undefined) return { min: undefined, max: undefined, nullCount: undefined, numRecords: undefined };
      const n = file.stats?.numRecords;
      if (raw === null || raw === undefined) return { min: undefined, max: undefined, nullCount: n ?? Infinity, numRecords: n ?? Infinity };
      const v = fromPartitionValue(raw, c.type);
      return { min: v, max: v, nullCount: 0, numRecords: n };
    }
    const s = file.stats;
    if (s === undefined) return { min: undefined, max: undefined, nullCount: undefined, numRecords: undefined };
    const pick = (o: Readonly<Record<string, unknown>>): unknown => {
      if (name in o) return o[name];
      const k = Object.keys(o).find((x) => x.toLowerCase() === name.toLowerCase());
      return k === undefined ? undefined : o[k];
    };
    const nc = pick(s.nullCount);
    return {
      min: fromStatValue(pick(s.minValues), c.type, 'min'),
      max: fromStatValue(pick(s.maxValues), c.type, 'max'),
      nullCount: typeof nc === 'number' ? nc : undefined,
      numRecords: s.numRecords,
    };
  };

  /** The column a leaf compares, through order-preserving widening casts. */
  const leafColumn = (e: BoundExpr): (LogicalColumn & { readonly sourceName: string }) | undefined => {
    if (e.kind === 'column') return byId.get(e.index);
    if (e.kind === 'cast' && isWidening(e.input, e.type)) return leafColumn(e.input);
    return undefined;
  };
  const literalOf = (e: BoundExpr): { value: ScalarValue; type: DataType } | undefined => {
    if (e.kind === 'literal') return { value: e.value, type: e.type };
    return undefined;
  };

  const build = (e: BoundExpr, negated: boolean): MayMatch => {
    const keep: MayMatch = () => true;
    switch (e.kind) {
      case 'and':
      case 'or': {
        const kids = e.args.map((a) => build(a, negated));
        const conj = (e.kind === 'and') !== negated;
        return conj ? (f) => kids.every((k) => k(f)) : (f) => kids.some((k) => k(f));
      }
      case 'literal':
        if (e.value === null) return () => false;
        if (typeof e.value === 'boolean') return e.value !== negated ? keep : () => false;
        return keep;
      case 'call': {
        if (e.name === 'not' && e.args.length === 1) return build(e.args[0] as BoundExpr, !negated);
        if ((e.name === 'is_null' || e.name === 'is_not_null') && e.args.length === 1) {
          const col = leafColumn(e.args[0] as BoundExpr);
          if (col === undefined) return keep;
          const wantNull = (e.name === 'is_null') !== negated;
          return (f) => {
            const x = facts(f, col);
            if (wantNull) return x.nullCount === undefined || x.nullCount > 0;
            return x.nullCount === undefined || x.numRecords === undefined || x.nullCount < x.numRecords;
          };
        }
        if (e.name === 'in' && e.args.length >= 2 && !negated) {
          const col = leafColumn(e.args[0] as BoundExpr);
          const lits = e.args.slice(1).map(literalOf);
          if (col === undefined || lits.some((l) => l === undefined)) return keep;
          const tests = lits.map((l) => compareTest('eq', col, l as { value: ScalarValue; type: DataType }, facts));
          return (f) => tests.some((t) => t(f));
        }
        if (e.name === 'like' && e.args.length === 2 && !negated) {
          const col = leafColumn(e.args[0] as BoundExpr);
          const pat = literalOf(e.args[1] as BoundExpr);
          if (col === undefined || col.type.kind !== 'string' || pat === undefined || typeof pat.value !== 'string') return keep;
          const m = /^([^%_\\]*)%$/.exec(pat.value);
          if (m === null) return keep;
          const prefix = m[1] ?? '';
          return (f) => {
            const x = facts(f, col);
            if (x.nullCount !== undefined && x.numRecords !== undefined && x.nullCount >= x.numRecords) return false;
            if (x.max !== undefined && compareValues(x.max, { kind: 'string', v: prefix }) < 0) return false;
            if (x.min !== undefined && x.min.kind === 'string' && compareValues(x.min, { kind: 'string', v: prefix }) > 0 && !x.min.v.startsWith(prefix)) return false;
            return true;
          };
        }
        const op = negated ? NEGATE[e.name] : FLIP[e.name] !== undefined ? e.name : undefined;
        if (op === undefined || e.args.length !== 2 || e.name === 'eq_null_safe') return keep;
        const [a, b] = e.args as [BoundExpr, BoundExpr];
        let col = leafColumn(a);
        let l = literalOf(b);
        let opx = op;
        if (col === undefined || l === undefined) {
          col = leafColumn(b);
          l = literalOf(a);
          opx = FLIP[op] ?? op;
        }
        if (col === undefined || l === undefined) return keep;
        if (l.value === null) return () => false;
        return compareTest(opx, col, l, facts);
      }
      default:
        return keep;
    }
  };
  return build(predicate, false);
}

function compareTest(
  op: string,
  col: LogicalColumn & { readonly sourceName: string },
  l: { value: ScalarValue; type: DataType },
  facts: (f: DeltaFileInfo, c: LogicalColumn & { readonly sourceName: string }) => ColumnFacts,
): MayMatch {
  const v = literalComparable(l.value, l.type);
  if (v === undefined) return () => true;
  return (f) => {
    const x = facts(f, col);
    // Every row NULL: no comparison can be true.
    if (x.nullCount !== undefined && x.numRecords !== undefined && x.numRecords > 0 && x.nullCount >= x.numRecords) return false;
    const cmin = x.min === undefined ? undefined : compareValues(x.min, v);
    const cmax = x.max === undefined ? undefined : compareValues(x.max, v);
    switch (op) {
      case 'eq':
        return !((cmin !== undefined && cmin > 0) || (cmax !== undefined && cmax < 0));
      case 'ne':
        return !(cmin === 0 && cmax === 0);
      case 'lt':
        return !(cmin !== undefined && cmin >= 0);
      case 'le':
        return !(cmin !== undefined && cmin > 0);
      case 'gt':
        return !(cmax !== undefined && cmax <= 0);
      case 'ge':
        return !(cmax !== undefined && cmax < 0);
      default:
        return true;
    }
  };
}

function literalComparable(value: ScalarValue, type: DataType): Comparable | undefined {
  return fromStatValueLiteral(value, type);
}

import { fromLiteral as fromStatValueLiteral } from './pruning-values.js';

const INT_ORDER = ['byte', 'short', 'int', 'long'];

/** Casts that keep order and equality (so a bound on the column bounds the cast value). */
function isWidening(input: BoundExpr, to: DataType): boolean {
  const from = 'type' in input ? input.type : undefined;
  if (from === undefined) return false;
  const fi = INT_ORDER.indexOf(from.kind);
  const ti = INT_ORDER.indexOf(to.kind);
  if (fi >= 0 && ti >= fi) return true;
  if (fi >= 0 && (to.kind === 'decimal' || to.kind === 'double')) return true;
  if (from.kind === 'float' && to.kind === 'double') return true;
  if (from.kind === 'decimal' && to.kind === 'decimal' && to.scale >= from.scale && to.precision - to.scale >= from.precision - from.scale) return true;
  if (from.kind === 'decimal' && to.kind === 'double') return true;
  return false;
}
