import { afterAll, describe, expect, it } from 'vitest';
import { historyRows } from '../../src/delta/ops/history.js';
import { optimize } from '../../src/delta/ops/optimize.js';
import { loadSnapshot, type Snapshot } from '../../src/delta/snapshot.js';
import { validateDeltaTable } from '../helpers/protocol-validator.js';
import { append, appendXY, cleanupTempDirs, ids, newIdTable, newXYTable, readTableRows, storeAt } from './helpers.js';

afterAll(cleanupTempDirs);

describe('optimize (bin-packing)', () => {
  it('compacts small files per partition with dataChange=false, and a second run adds nothing', async () => {
    const dir = await newIdTable('ops-opt-');
    for (let i = 0; i < 5; i++) await append(dir, [i * 10, i * 10 + 1], 'a');
    await append(dir, [100], 'b');
    const before = await loadSnapshot(storeAt(dir));
    const r = await optimize(storeAt(dir));
    expect(r.version).toBe(before.version + 1);
    expect(r.metrics.numFilesRemoved).toBe(5);
    expect(r.metrics.numFilesAdded).toBe(1);
    expect(r.metrics.partitionsOptimized).toBe(1);
    expect(r.metrics.totalConsideredFiles).toBe(6);
    expect(r.metrics.filesRemoved.totalFiles).toBe(5);
    expect(r.metrics.filesRemoved.totalSize).toBe(before.files().filter((f) => f.partitionValues['p'] === 'a').reduce((s, f) => s + f.size, 0));
    expect(r.metrics.zOrderStats).toBeUndefined();
    const after = await loadSnapshot(storeAt(dir));
    expect(after.fileCount).toBe(2);
    expect(after.files().every((f) => f.numRecords !== undefined)).toBe(true);
    expect(ids(await readTableRows(dir))).toEqual([0, 1, 10, 11, 20, 21, 30, 31, 40, 41, 100]);
    const h = (await historyRows(storeAt(dir), { limit: 1 }))[0];
    expect(h?.operation).toBe('OPTIMIZE');
    expect(h?.operationParameters.get('zOrderBy')).toBe('[]');
    expect(h?.operationMetrics.get('numRemovedFiles')).toBe('5');
    expect(h?.operationMetrics.get('numAddedFiles')).toBe('1');
    expect(h?.isBlindAppend).toBe(false);
    expect(h?.isolationLevel).toBe('SnapshotIsolation');
    const again = await optimize(storeAt(dir));
    expect(again.version).toBeUndefined();
    expect(again.metrics.numFilesAdded).toBe(0);
    expect((await loadSnapshot(storeAt(dir))).version).toBe(after.version);
    expect(validateDeltaTable(dir)).toEqual([]);
  });

  it('only touches partitions the filter selects, and refuses bad Z-order columns', async () => {
    const dir = await newIdTable('ops-opt-where-');
    for (let i = 0; i < 3; i++) await append(dir, [i], 'a');
    for (let i = 0; i < 3; i++) await append(dir, [10 + i], 'b');
    const r = await optimize(storeAt(dir), { partitionFilter: (pv) => pv['p'] === 'b', predicateText: ["p = 'b'"] });
    expect(r.metrics.numFilesRemoved).toBe(3);
    const s = await loadSnapshot(storeAt(dir));
    expect(s.files().filter((f) => f.partitionValues['p'] === 'a')).toHaveLength(3);
    expect(s.files().filter((f) => f.partitionValues['p'] === 'b')).toHaveLength(1);
    expect((await historyRows(storeAt(dir), { limit: 1 }))[0]?.operationParameters.get('predicate')).toBe('["p = \'b\'"]');
    await expect(optimize(storeAt(dir), { zOrderBy: ['p'] })).rejects.toThrow('p is a partition column. Z-Ordering can only be performed on data columns');
    await expect(optimize(storeAt(dir), { zOrderBy: ['nope'] })).rejects.toThrow(/Z-Ordering column nope does not exist/);
    expect(validateDeltaTable(dir)).toEqual([]);
  });
});

/** Files whose [min, max] of `col` can hold a value in [lo, hi]. */
function filesHit(s: Snapshot, col: string, lo: number, hi: number): number {
  return s.files().filter((f) => {
    const min = Number(f.stats?.minValues[col]);
    const max = Number(f.stats?.maxValues[col]);
    return !(max < lo || min > hi);
  }).length;
}

describe('optimize ZORDER BY', () => {
  it('clusters files on every listed column so min/max stats skip most files for a filter on x or y', async () => {
    const dir = await newXYTable('ops-zorder-');
    // Deterministic pseudo-random points: every input file spans the whole x and y range.
    let seed = 42;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 2147483648 * 1000);
    };
    for (let f = 0; f < 16; f++) {
      const xs = Array.from({ length: 500 }, rnd);
      const ys = Array.from({ length: 500 }, rnd);
      await appendXY(dir, xs, ys);
    }
    const before = await loadSnapshot(storeAt(dir));
    const total = before.files().reduce((s, f) => s + f.size, 0);
    expect(filesHit(before, 'x', 0, 49)).toBe(16);
    expect(filesHit(before, 'y', 500, 549)).toBe(16);
    const rowsBefore = (await readTableRows(dir)).map((r) => `${String(r['x'])}/${String(r['y'])}/${String(r['s'])}`).sort();

    const r = await optimize(storeAt(dir), { zOrderBy: ['x', 'y'], targetFileSize: Math.ceil(total / 16) });
    const after = await loadSnapshot(storeAt(dir));
    const n = after.fileCount;
    expect(n).toBeGreaterThanOrEqual(8);
    const hitX = filesHit(after, 'x', 0, 49);
    const hitY = filesHit(after, 'y', 500, 549);
    // A 5% range of either column reaches well under half of the files.
    expect(hitX).toBeLessThanOrEqual(n * 0.4);
    expect(hitY).toBeLessThanOrEqual(n * 0.4);
    expect(r.metrics.zOrderStats?.strategyName).toBe('all');
    expect(r.metrics.numFilesRemoved).toBe(16);
    expect(r.metrics.numFilesAdded).toBe(n);
    expect((await historyRows(storeAt(dir), { limit: 1 }))[0]?.operationParameters.get('zOrderBy')).toBe('["x","y"]');
    const rowsAfter = (await readTableRows(dir)).map((row) => `${String(row['x'])}/${String(row['y'])}/${String(row['s'])}`).sort();
    expect(rowsAfter).toEqual(rowsBefore);
    expect(validateDeltaTable(dir)).toEqual([]);
    console.log(`zorder: ${n} files; x in [0,49] hits ${hitX} (before 16/16), y in [500,549] hits ${hitY}`);
  });

  it('Z-orders each partition separately and keeps every row', async () => {
    const dir = await newIdTable('ops-zorder-part-');
    for (let i = 0; i < 3; i++) await append(dir, [i, 10 + i, 20 + i], 'a');
    for (let i = 0; i < 2; i++) await append(dir, [100 + i], 'b');
    await append(dir, [200], 'c');
    const r = await optimize(storeAt(dir), { zOrderBy: ['id'] });
    expect(r.metrics.partitionsOptimized).toBe(2);
    expect(r.metrics.numFilesRemoved).toBe(5);
    const s = await loadSnapshot(storeAt(dir));
    expect(s.files().map((f) => f.partitionValues['p']).sort()).toEqual(['a', 'b', 'c']);
    expect(ids(await readTableRows(dir))).toEqual([0, 1, 2, 10, 11, 12, 20, 21, 22, 100, 101, 200]);
    expect(validateDeltaTable(dir)).toEqual([]);
  });
});
