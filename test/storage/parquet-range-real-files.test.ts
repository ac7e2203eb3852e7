/** Column-chunk range reads give exactly what whole-file reads give, on every shared Delta test file. */
import { execFileSync } from 'node:child_process';
import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { LocalStore } from '../../src/storage/local-store.js';
import { ParquetFile } from '../../src/storage/parquet/parquet-file.js';
import { CountingStore } from './counting-store.js';

const ROOT = '/work/shared/delta-tables';
const files = execFileSync('find', ['.', '-path', './*/delta/*', '-name', '*.parquet'], { cwd: ROOT, encoding: 'utf8' })
  .trim()
  .split('\n')
  .map((f) => f.slice(2))
  .sort();

/** One IPC stream of all batches: equal bytes mean equal types, values, validity and batch boundaries. */
async function ipcOf(iterable: AsyncIterable<arrow.RecordBatch>): Promise<Buffer> {
  const batches: arrow.RecordBatch[] = [];
  for await (const b of iterable) batches.push(b);
  return Buffer.from(arrow.tableToIPC(new arrow.Table(batches), 'stream'));
}

describe('range reads on real Delta files', () => {
  it('decode byte-identically to whole-file reads, per row group and projection, reading fewer bytes', async () => {
    expect(files.length).toBeGreaterThan(300);
    let compared = 0;
    let fewer = 0;
    for (const path of files) {
      const whole = await ParquetFile.open(new LocalStore(ROOT), path, { fetch: 'whole' });
      const counting = new CountingStore(new LocalStore(ROOT));
      const ranged = await ParquetFile.open(counting, path, { fetch: 'ranges', maxGap: 0 });
      const names = whole.arrowSchema.fields.map((f) => f.name);
      const projections = [names, names.slice(-1), names.filter((_, i) => i % 2 === 0)];
      for (let g = 0; g < whole.metadata.rowGroups.length; g++) {
        for (const columns of projections) {
          if (columns.length === 0) continue;
          const before = counting.gets.length;
          const got = await ipcOf(ranged.readRowGroups({ rowGroups: [g], columns }));
          const want = await ipcOf(whole.readRowGroups({ rowGroups: [g], columns }));
          expect(got.equals(want), `${path} row group ${g} columns ${columns.join(',')}`).toBe(true);
          compared++;
          // Only byte ranges, never the whole object; fewer bytes than the file whenever a column is left out.
          const reads = counting.gets.slice(before);
          expect(reads.every((r) => r.range !== undefined)).toBe(true);
          const bytes = reads.reduce((n, r) => n + (r.range ? r.range.end - r.range.start : 0), 0);
          expect(bytes).toBeLessThan(whole.size);
          if (columns.length < names.length) fewer++;
        }
      }
      await whole.close();
    }
    expect(compared).toBeGreaterThan(900);
    expect(fewer).toBeGreaterThan(250);
  });
});
