/**
 * Small result sets (history, detail) as Arrow tables with Spark's column types. These hold a
 * handful of rows per commit, so Arrow's builders are fine here (no hot loop over data).
 * Values: long as bigint, timestamp as epoch ms, map as Map, struct as object, array as array.
 */
import * as arrow from 'apache-arrow';
import { toArrowField, toArrowSchema } from '../../common/types/arrow-type.js';
import type { StructField } from '../../common/types/data-type.js';

export function rowsToTable(fields: readonly StructField[], rows: readonly Readonly<Record<string, unknown>>[]): arrow.Table {
  const schema = toArrowSchema(fields);
  const columns: Record<string, arrow.Vector> = {};
  for (const f of fields) {
    const type = toArrowField(f).type;
    columns[f.name] = arrow.vectorFromArray(
      rows.map((r) => {
        const v = r[f.name] ?? null;
        // File times can carry sub-millisecond fractions; Arrow's builder wants whole ms.
        return f.type.kind === 'timestamp' && typeof v === 'number' ? Math.floor(v) : v;
      }),
      type,
    );
  }
  const table = new arrow.Table(columns);
  // Keep declared nullability and field order.
  return new arrow.Table(schema, table.batches.map((b) => new arrow.RecordBatch(schema, b.data)));
}

/** commitInfo maps are string → string; other JSON values become their JSON text. */
export function stringMap(value: unknown): Map<string, string | null> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const out = new Map<string, string | null>();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out.set(k, v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
  }
  return out;
}
