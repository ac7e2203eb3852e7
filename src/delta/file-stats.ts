/**
 * Per-file statistics (PROTOCOL.md "Per-file Statistics") from the `stats` JSON string or the
 * checkpoint's `stats_parsed` struct, with column keys turned from physical to logical names.
 */
import type { StructField } from '../common/types/data-type.js';
import { isRecord } from './actions/field-reader.js';
import { physicalName, type ColumnMappingMode } from './column-mapping.js';

export type StatsValues = Readonly<Record<string, unknown>>;

export interface FileStats {
  /** Physical rows in the data file (deletion vectors not subtracted). */
  readonly numRecords: number | undefined;
  /** Absent means true (PROTOCOL.md). */
  readonly tightBounds: boolean;
  readonly minValues: StatsValues;
  readonly maxValues: StatsValues;
  readonly nullCount: StatsValues;
}

function remap(values: unknown, fields: readonly StructField[], mode: ColumnMappingMode): StatsValues {
  if (!isRecord(values)) return {};
  if (mode === 'none') return values;
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[physicalName(f, mode)];
    if (v === undefined) continue;
    out[f.name] = f.type.kind === 'struct' && isRecord(v) ? remap(v, f.type.fields, mode) : v;
  }
  return out;
}

function toCount(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
}

/** Parse stats; malformed stats are treated as absent (they only guide skipping). */
export function parseFileStats(
  json: string | undefined,
  parsed: unknown,
  schema: readonly StructField[],
  mode: ColumnMappingMode,
): FileStats | undefined {
  let obj: unknown = parsed;
  if (json !== undefined && json !== '') {
    try {
      obj = JSON.parse(json);
    } catch {
      obj = parsed;
    }
  }
  if (!isRecord(obj)) return undefined;
  return {
    numRecords: toCount(obj['numRecords']),
    tightBounds: obj['tightBounds'] !== false,
    minValues: remap(obj['minValues'], schema, mode),
    maxValues: remap(obj['maxValues'], schema, mode),
    nullCount: remap(obj['nullCount'], schema, mode),
  };
}
