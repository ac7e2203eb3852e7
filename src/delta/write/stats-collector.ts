/**
 * Per-file statistics (PROTOCOL.md "Per-file Statistics") for the data columns of one file:
 * numRecords, and minValues / maxValues / nullCount for the first `delta.dataSkippingNumIndexedCols`
 * leaf columns (default 32; or the columns `delta.dataSkippingStatsColumns` names), nested structs
 * mirrored, keys by physical name. Arrays and maps get a null count only.
 */
import type * as arrow from 'apache-arrow';
import type { StructField } from '../../common/types/data-type.js';
import { physicalName, type ColumnMappingMode } from '../column-mapping.js';
import { LeafStats, type RawJson } from './stats-accumulator.js';

export interface StatsConfig {
  /** -1 means every column. */
  readonly numIndexedCols: number;
  /** Dotted logical names; when set, only these columns (and their nested leaves) get stats. */
  readonly statsColumns: readonly string[] | undefined;
}

export function statsConfigFrom(configuration: Readonly<Record<string, string | null>>): StatsConfig {
  const cols = configuration['delta.dataSkippingStatsColumns'];
  const n = Number(configuration['delta.dataSkippingNumIndexedCols'] ?? '32');
  return {
    numIndexedCols: Number.isInteger(n) && n >= -1 ? n : 32,
    statsColumns: cols ? cols.split(',').map((c) => c.trim().replace(/`/g, '').toLowerCase()).filter((c) => c !== '') : undefined,
  };
}

type Node =
  | { readonly kind: 'leaf'; readonly key: string; readonly stats: LeafStats }
  | { readonly kind: 'struct'; readonly key: string; readonly children: readonly (Node | undefined)[] };

const BOUNDED = new Set(['byte', 'short', 'int', 'long', 'float', 'double', 'decimal', 'string', 'date', 'timestamp', 'timestamp_ntz']);

function isBitSet(bitmap: Uint8Array, bit: number): boolean {
  return ((bitmap[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
}

/** Row validity combined with the parent's: 1 valid, 0 null; undefined means all valid. */
function combineValidity(data: arrow.Data, parent: Uint8Array | undefined): Uint8Array | undefined {
  const bitmap = data.nullBitmap;
  const hasNulls = data.nullCount > 0 && bitmap !== undefined && bitmap.length > 0;
  if (!hasNulls && parent === undefined) return undefined;
  const out = parent === undefined ? new Uint8Array(data.length).fill(1) : parent.slice();
  if (hasNulls) for (let i = 0; i < data.length; i++) if (!isBitSet(bitmap, data.offset + i)) out[i] = 0;
  return out;
}

export class StatsCollector {
  private numRecords = 0;
  private readonly roots: readonly (Node | undefined)[];
  private remaining: number;

  constructor(fields: readonly StructField[], mode: ColumnMappingMode, config: StatsConfig) {
    this.remaining = config.statsColumns !== undefined || config.numIndexedCols < 0 ? Number.MAX_SAFE_INTEGER : config.numIndexedCols;
    const wanted = config.statsColumns;
    this.roots = fields.map((f) => this.build(f, mode, '', wanted));
  }

  private build(f: StructField, mode: ColumnMappingMode, prefix: string, wanted: readonly string[] | undefined): Node | undefined {
    const path = prefix === '' ? f.name.toLowerCase() : `${prefix}.${f.name.toLowerCase()}`;
    const selected = wanted === undefined || wanted.some((w) => w === path || path.startsWith(`${w}.`));
    const underSelection = wanted === undefined || selected || wanted.some((w) => w.startsWith(`${path}.`));
    if (!underSelection) return undefined;
    const key = physicalName(f, mode);
    if (f.type.kind === 'struct') {
      const children = f.type.fields.map((c) => this.build(c, mode, path, wanted));
      return children.some((c) => c !== undefined) ? { kind: 'struct', key, children } : undefined;
    }
    if (!selected || this.remaining <= 0) return undefined;
    this.remaining--;
    return { kind: 'leaf', key, stats: new LeafStats(f.type, BOUNDED.has(f.type.kind)) };
  }

  /** `batch` holds the data columns in schema order. */
  update(batch: arrow.RecordBatch): void {
    this.numRecords += batch.numRows;
    this.roots.forEach((node, i) => {
      const child = batch.data.children[i];
      if (node !== undefined && child !== undefined) this.visit(node, child, undefined);
    });
  }

  private visit(node: Node, data: arrow.Data, parentValid: Uint8Array | undefined): void {
    const valid = combineValidity(data, parentValid);
    if (node.kind === 'leaf') {
      node.stats.update(data, valid);
      return;
    }
    node.children.forEach((c, i) => {
      const child = data.children[i];
      if (c !== undefined && child !== undefined) this.visit(c, child, valid);
    });
  }

  get rowCount(): number {
    return this.numRecords;
  }

  /** The `stats` JSON string. */
  toJson(): string {
    const min: string[] = [];
    const max: string[] = [];
    const nulls: string[] = [];
    for (const node of this.roots) if (node !== undefined) render(node, min, max, nulls);
    return `{"numRecords":${this.numRecords},"minValues":{${min.join(',')}},"maxValues":{${max.join(',')}},"nullCount":{${nulls.join(',')}}}`;
  }
}

function jsonValue(v: string | number | RawJson): string {
  if (typeof v === 'object') return v.raw;
  return JSON.stringify(v);
}

function render(node: Node, min: string[], max: string[], nulls: string[]): void {
  const key = JSON.stringify(node.key);
  if (node.kind === 'leaf') {
    nulls.push(`${key}:${node.stats.nullCount}`);
    const b = node.stats.bounds();
    if (b !== undefined) {
      min.push(`${key}:${jsonValue(b[0])}`);
      max.push(`${key}:${jsonValue(b[1])}`);
    }
    return;
  }
  const cMin: string[] = [];
  const cMax: string[] = [];
  const cNulls: string[] = [];
  for (const c of node.children) if (c !== undefined) render(c, cMin, cMax, cNulls);
  if (cMin.length > 0) min.push(`${key}:{${cMin.join(',')}}`);
  if (cMax.length > 0) max.push(`${key}:{${cMax.join(',')}}`);
  if (cNulls.length > 0) nulls.push(`${key}:{${cNulls.join(',')}}`);
}

