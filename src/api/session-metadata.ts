/** SHOW / DESCRIBE / SET results as small Arrow tables. */
import * as arrow from 'apache-arrow';
import { typeToSql, type StructField } from '../common/types/data-type.js';

export function stringTable(columns: readonly string[], rows: readonly (readonly (string | null)[])[]): arrow.Table {
  const vectors: Record<string, arrow.Vector> = {};
  columns.forEach((c, i) => {
    vectors[c] = arrow.vectorFromArray(rows.map((r) => r[i] ?? null), new arrow.Utf8());
  });
  return new arrow.Table(vectors);
}

export function booleanColumnTable(columns: readonly string[], rows: readonly (readonly (string | boolean)[])[], boolColumns: ReadonlySet<number>): arrow.Table {
  const vectors: Record<string, arrow.Vector> = {};
  columns.forEach((c, i) => {
    vectors[c] = boolColumns.has(i)
      ? arrow.vectorFromArray(rows.map((r) => r[i] === true), new arrow.Bool())
      : arrow.vectorFromArray(rows.map((r) => String(r[i] ?? '')), new arrow.Utf8());
  });
  return new arrow.Table(vectors);
}

/** DESCRIBE: col_name, data_type, comment (+ Spark's partition section for partitioned tables). */
export function describeTable(schema: readonly StructField[], partitionColumns: readonly string[]): arrow.Table {
  const rows: (string | null)[][] = schema.map((f) => [f.name, typeToSql(f.type), commentOf(f)]);
  if (partitionColumns.length > 0) {
    rows.push(['# Partition Information', '', '']);
    rows.push(['# col_name', 'data_type', 'comment']);
    for (const p of partitionColumns) {
      const f = schema.find((x) => x.name.toLowerCase() === p.toLowerCase());
      rows.push([p, f ? typeToSql(f.type) : '', f ? commentOf(f) : null]);
    }
  }
  return stringTable(['col_name', 'data_type', 'comment'], rows);
}

function commentOf(f: StructField): string | null {
  const c = f.metadata['comment'];
  return typeof c === 'string' ? c : null;
}
