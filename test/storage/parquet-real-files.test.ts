/** The footer reader and ParquetFile against Parquet files written by Spark, Databricks and delta-rs. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { RecordBatch, Vector } from 'apache-arrow';
import { LocalStore } from '../../src/storage/local-store.js';
import { readParquetFooter } from '../../src/storage/parquet/parquet-footer.js';
import { ParquetFile } from '../../src/storage/parquet/parquet-file.js';
import { columnValues, compareStat, summarize } from './arrow-values.js';

const ROOT = '/work/shared/delta-tables';
const store = new LocalStore(ROOT);
const files = execFileSync('find', ['.', '-path', './*/delta/*', '-name', '*.parquet'], { cwd: ROOT, encoding: 'utf8' })
  .trim()
  .split('\n')
  .map((f) => f.slice(2))
  .sort();

async function collect(iterable: AsyncIterable<RecordBatch>): Promise<RecordBatch[]> {
  const out: RecordBatch[] = [];
  for await (const batch of iterable) out.push(batch);
  return out;
}

describe('Parquet footers of real Delta tables', () => {
  it('finds the shared test files', () => {
    expect(files.length).toBeGreaterThan(300);
  });

  it('row counts equal what parquet-wasm decodes; stats agree with the decoded data', async () => {
    let checkedStats = 0;
    for (const path of files) {
      const file = await ParquetFile.open(store, path);
      const { metadata } = file;
      expect(metadata.rowGroups.reduce((n, rg) => n + rg.numRows, 0), path).toBe(metadata.numRows);
      for (let g = 0; g < metadata.rowGroups.length; g++) {
        const batches = await collect(file.readRowGroups({ rowGroups: [g] }));
        const rowGroup = metadata.rowGroups[g];
        expect(batches.reduce((n, b) => n + b.numRows, 0), path).toBe(rowGroup?.numRows);
        for (const [c, leaf] of metadata.leafColumns.entries()) {
          const stats = rowGroup?.columns[c]?.stats;
          if (stats?.min !== undefined && stats.max !== undefined) expect(compareStat(stats.min, stats.max), `${path} ${leaf.path.join('.')}`).toBeLessThanOrEqual(0);
          // Exact checks for top-level primitive columns: min, max and null count equal the decoded data.
          if (leaf.path.length !== 1 || stats === undefined) continue;
          const values = batches.flatMap((b) => {
            const child = b.getChild(leaf.path[0] as string);
            return child === null ? [] : columnValues(child);
          });
          const summary = summarize(values);
          const where = `${path} ${leaf.path[0]}`;
          if (stats.nullCount !== undefined) expect(stats.nullCount, where).toBe(summary.nulls);
          if (stats.min !== undefined && stats.minExact !== false) expect(compareStat(stats.min, summary.min), where).toBe(0);
          if (stats.max !== undefined && stats.maxExact !== false) expect(compareStat(stats.max, summary.max), where).toBe(0);
          checkedStats++;
        }
      }
    }
    expect(checkedStats).toBeGreaterThan(500);
  });

  it('decodes every decimal encoding of the decimal table, with scale and precision', async () => {
    const path = files.find((f) => f.startsWith('kernel-rs__decimal-various-scale-precision/')) as string;
    const metadata = await readParquetFooter(store, path);
    expect(metadata.leafColumns.length).toBe(29);
    const byName = new Map(metadata.leafColumns.map((l, i) => [l.path[0], { leaf: l, stats: metadata.rowGroups[0]?.columns[i]?.stats }]));
    expect(byName.get('decimal_7_6')?.leaf).toMatchObject({ physicalType: 'INT32', scale: 6, precision: 7 });
    expect(byName.get('decimal_18_12')?.leaf).toMatchObject({ physicalType: 'INT64', scale: 12, precision: 18 });
    expect(byName.get('decimal_38_36')?.leaf).toMatchObject({ physicalType: 'FIXED_LEN_BYTE_ARRAY', scale: 36, precision: 38 });
    for (const { leaf, stats } of byName.values()) {
      if (stats?.min !== undefined) expect(typeof stats.min, leaf.path[0]).toBe('bigint');
    }
    // The wide FIXED_LEN columns hold values beyond 2^64: stats must be exact bigints.
    const wide = byName.get('decimal_35_30')?.stats;
    const file = await ParquetFile.open(store, path);
    const batches = await collect(file.readRowGroups({ columns: ['decimal_35_30', 'decimal_7_6'] }));
    expect(batches[0]?.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(['decimal_35_30:Decimal[35e+30]', 'decimal_7_6:Decimal[7e+6]']);
    const decoded = summarize(batches.flatMap((b) => columnValues(b.getChild('decimal_35_30') ?? b.getChildAt(0)!)));
    expect(wide?.min).toBe(decoded.min);
    expect(wide?.max).toBe(decoded.max);
    expect(typeof decoded.max === 'bigint' && (decoded.max > 2n ** 64n || (decoded.min as bigint) < -(2n ** 64n))).toBe(true);
  });

  it('reads legacy INT96 timestamps as UTC-based nanoseconds without a zone, and drops their stats', async () => {
    const path = files.find((f) => f.startsWith('delta-rs__checkpoint-v2-table/delta/part-00000-dd0343ab')) as string;
    const file = await ParquetFile.open(store, path);
    const index = file.metadata.leafColumns.findIndex((l) => l.physicalType === 'INT96');
    expect(file.metadata.leafColumns[index]?.path).toEqual(['created_at']);
    expect(file.metadata.rowGroups[0]?.columns[index]?.stats?.min).toBeUndefined();
    expect(String(file.arrowSchema.fields.find((f) => f.name === 'created_at')?.type)).toBe('Timestamp<NANOSECOND>');
    const batches = await collect(file.readRowGroups({ columns: ['created_at'] }));
    const nanos = columnValues(batches[0]?.getChildAt(0) as Vector)[0] as bigint;
    // Written by Databricks in August 2025 (the table's commit timestamps).
    const millis = Number(nanos / 1_000_000n);
    expect(new Date(millis).toISOString().slice(0, 7)).toBe('2025-08');
  });

  it('reads timestamp_ntz columns as µs timestamps without a zone, and nested types whole', async () => {
    const ntz = files.find((f) => f.startsWith('kernel-rs__data-reader-timestamp_ntz-id-mode/') && !f.includes('_delta_log')) as string;
    const file = await ParquetFile.open(store, ntz);
    const tsLeaf = file.metadata.leafColumns.find((l) => l.physicalType === 'INT64');
    expect(tsLeaf).toMatchObject({ timeUnit: 'MICROS', isAdjustedToUTC: false });
    const tsField = file.arrowSchema.fields.find((f) => f.name === tsLeaf?.path[0]);
    expect(String(tsField?.type)).toBe('Timestamp<MICROSECOND>');

    const nested = files.find((f) => f.startsWith('dat__nested_types/delta/part-')) as string;
    const nf = await ParquetFile.open(store, nested);
    expect(nf.metadata.leafColumns.map((l) => l.path.join('.'))).toEqual(['pk', 'struct.float64', 'struct.bool', 'array.list.element', 'map.key_value.key', 'map.key_value.value']);
    expect(nf.metadata.leafColumns.find((l) => l.path[0] === 'array')).toMatchObject({ maxDefinitionLevel: 3, maxRepetitionLevel: 1 });
    const batches = await collect(nf.readRowGroups({ columns: ['map', 'pk'] }));
    expect(batches[0]?.schema.fields.map((f) => f.name)).toEqual(['map', 'pk']);
    expect(String(batches[0]?.schema.fields[0]?.type)).toMatch(/^Map<\{key:Utf8, value:Int32\}>$/);
  });
});
