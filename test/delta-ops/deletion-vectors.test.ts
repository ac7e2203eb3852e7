import { afterAll, describe, expect, it } from 'vitest';
import { historyRows } from '../../src/delta/ops/history.js';
import { optimize } from '../../src/delta/ops/optimize.js';
import { vacuum } from '../../src/delta/ops/vacuum.js';
import { relativeDeletionVectorPath } from '../../src/delta/deletion-vectors/load-deletion-vector.js';
import { loadSnapshot } from '../../src/delta/snapshot.js';
import { copyTable } from '../delta-write/helpers.js';
import { cleanupTempDirs, readTableRows, storeAt } from './helpers.js';

afterAll(cleanupTempDirs);

const SHARED = '/work/shared/delta-tables/delta__basic-dv-with-checkpoint/delta';

describe('maintenance on a table with deletion vectors', () => {
  it('VACUUM keeps the deletion-vector files live files use', async () => {
    const dir = copyTable(SHARED);
    const snapshot = await loadSnapshot(storeAt(dir));
    const dvFiles = snapshot.files().flatMap((f) => {
      const dv = f.deletionVector;
      if (dv?.storageType !== 'u') return [];
      const rel = relativeDeletionVectorPath(dv.pathOrInlineDv);
      return [`${rel.dir}${rel.name}`];
    });
    expect(dvFiles.length).toBeGreaterThan(0);
    const rowsBefore = (await readTableRows(dir)).length;
    const dry = await vacuum(storeAt(dir), { retentionHours: 0, retentionCheck: false, dryRun: true, now: Date.now() + 1000 });
    for (const p of [...dvFiles, ...snapshot.files().map((f) => f.path)]) expect(dry.files).not.toContain(p);
    expect(dry.files.some((p) => p.startsWith('deletion_vector_'))).toBe(true);
    const r = await vacuum(storeAt(dir), { retentionHours: 0, retentionCheck: false, now: Date.now() + 1000 });
    expect(r.numDeletedFiles).toBe(dry.files.length);
    expect((await readTableRows(dir)).length).toBe(rowsBefore);
  });

  it('OPTIMIZE rewrites files with deletion vectors without the deleted rows', async () => {
    const dir = copyTable(SHARED);
    const before = await loadSnapshot(storeAt(dir));
    const withDv = before.files().filter((f) => f.deletionVector !== undefined).length;
    const rows = (await readTableRows(dir)).map((r) => JSON.stringify(r)).sort();
    const r = await optimize(storeAt(dir));
    expect(r.version).toBe(before.version + 1);
    const after = await loadSnapshot(storeAt(dir));
    expect(after.files().filter((f) => f.deletionVector !== undefined)).toHaveLength(0);
    expect((await readTableRows(dir)).map((x) => JSON.stringify(x)).sort()).toEqual(rows);
    const h = (await historyRows(storeAt(dir), { limit: 1 }))[0];
    expect(h?.operationMetrics.get('numDeletionVectorsRemoved')).toBe(String(withDv));
  });
});
