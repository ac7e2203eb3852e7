import { existsSync, mkdirSync, utimesSync, writeFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeltaSqlError } from '../../src/common/errors.js';
import type { ObjectStore } from '../../src/storage/object-store.js';
import { historyRows } from '../../src/delta/ops/history.js';
import { restore } from '../../src/delta/ops/restore.js';
import { vacuum } from '../../src/delta/ops/vacuum.js';
import { loadSnapshot } from '../../src/delta/snapshot.js';
import { commitActions } from '../../src/delta/write/index.js';
import { validateDeltaTable } from '../helpers/protocol-validator.js';
import { append, cleanupTempDirs, ids, newIdTable, overwrite, readTableRows, sleep, storeAt } from './helpers.js';

afterAll(cleanupTempDirs);

const OLD = new Date('2020-01-01T00:00:00Z');

describe('restore', () => {
  it('commits the file difference and restores the rows of the target version', async () => {
    const dir = await newIdTable('ops-restore-');
    await append(dir, [1, 2], 'a'); // v1
    await append(dir, [3], 'b'); // v2
    await overwrite(dir, [9], 'c'); // v3
    const before = await loadSnapshot(storeAt(dir));
    const r = await restore(storeAt(dir), { version: 2 });
    expect(r.version).toBe(4);
    expect(r.restoredVersion).toBe(2);
    expect(ids(await readTableRows(dir))).toEqual([1, 2, 3]);
    const target = await loadSnapshot(storeAt(dir), { version: 2 });
    expect(r.metrics).toEqual({
      tableSizeAfterRestore: target.files().reduce((s, f) => s + f.size, 0),
      numOfFilesAfterRestore: 2,
      numRemovedFiles: 1,
      numRestoredFiles: 2,
      removedFilesSize: before.files()[0]?.size,
      restoredFilesSize: target.files().reduce((s, f) => s + f.size, 0),
    });
    const h = (await historyRows(storeAt(dir), { limit: 1 }))[0];
    expect(h?.operation).toBe('RESTORE');
    expect(h?.operationParameters.get('version')).toBe('2');
    expect(h?.operationMetrics.get('numRestoredFiles')).toBe('2');
    expect(h?.readVersion).toBe(3);
    expect(validateDeltaTable(dir)).toEqual([]);
  });

  it('restores by timestamp, and to version 0 (an empty table)', async () => {
    const dir = await newIdTable('ops-restore-ts-');
    await append(dir, [1], 'a');
    await sleep(20);
    const mid = Date.now();
    await sleep(20);
    await append(dir, [2], 'a');
    await restore(storeAt(dir), { timestamp: new Date(mid) });
    expect(ids(await readTableRows(dir))).toEqual([1]);
    const h = (await historyRows(storeAt(dir), { limit: 1 }))[0];
    expect(h?.operationParameters.get('timestamp')).toBe(new Date(mid).toISOString());
    await restore(storeAt(dir), { version: 0 });
    expect(await readTableRows(dir)).toEqual([]);
    expect(validateDeltaTable(dir)).toEqual([]);
  });

  it('restores the old metadata and never downgrades the protocol', async () => {
    const dir = await newIdTable('ops-restore-md-');
    await append(dir, [1], 'a'); // v1
    const v1 = await loadSnapshot(storeAt(dir));
    const m = v1.metadata;
    // v2: a property change plus a protocol upgrade to table features.
    await commitActions(storeAt(dir), v1, [
      { kind: 'protocol', minReaderVersion: 1, minWriterVersion: 7, readerFeatures: undefined, writerFeatures: ['appendOnly', 'invariants', 'checkConstraints'] },
      { kind: 'metaData', id: m.id, name: m.name, description: m.description, format: m.format, schemaString: m.schemaString, partitionColumns: m.partitionColumns, configuration: { ...m.configuration, 'delta.checkpointInterval': '5' }, createdTime: m.createdTime },
    ], { name: 'SET TBLPROPERTIES', parameters: { properties: { 'delta.checkpointInterval': '5' } } });
    await restore(storeAt(dir), { version: 1 });
    const after = await loadSnapshot(storeAt(dir));
    expect(after.metadata.configuration['delta.checkpointInterval']).toBeUndefined();
    expect(after.protocol.minWriterVersion).toBe(7);
    expect([...(after.protocol.writerFeatures ?? [])].sort()).toEqual(['appendOnly', 'checkConstraints', 'invariants']);
    expect(after.metadata.id).toBe(m.id);
    expect(validateDeltaTable(dir)).toEqual([]);
  });

  it('refuses a version whose files were vacuumed, naming them', async () => {
    const dir = await newIdTable('ops-restore-gone-');
    await append(dir, [1], 'a');
    const old = (await loadSnapshot(storeAt(dir))).files()[0]?.path ?? '';
    await overwrite(dir, [2], 'b');
    await sleep(5);
    const v = await vacuum(storeAt(dir), { retentionHours: 0, retentionCheck: false });
    expect(v.files).toContain(old);
    await expect(restore(storeAt(dir), { version: 1 })).rejects.toThrow(new RegExp(`Not all files from version 1 .*${old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await expect(restore(storeAt(dir), { version: 99 })).rejects.toMatchObject({ code: 'VERSION_NOT_FOUND' });
    expect(ids(await readTableRows(dir))).toEqual([2]);
  });
});

describe('vacuum', () => {
  async function tableWithJunk(): Promise<{ dir: string; removed: string; live: string }> {
    const dir = await newIdTable('ops-vac-');
    await append(dir, [1], 'a');
    const removed = (await loadSnapshot(storeAt(dir))).files()[0]?.path ?? '';
    await overwrite(dir, [2], 'b');
    const live = (await loadSnapshot(storeAt(dir))).files()[0]?.path ?? '';
    // Untracked old files: a stray data file, a change-data file, hidden files.
    const put = (rel: string): void => {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), 'x');
      utimesSync(path.join(dir, rel), OLD, OLD);
    };
    put('p=a/stray.parquet');
    put('_change_data/cdc-0.parquet');
    put('_checkpoints/state');
    put('.hidden/file');
    put('p=b/.part.crc');
    return { dir, removed, live };
  }

  it('with the default retention deletes only old unreferenced files, keeping recent tombstones', async () => {
    const { dir, removed, live } = await tableWithJunk();
    const dry = await vacuum(storeAt(dir), { dryRun: true });
    expect(dry.files).toEqual(['_change_data/cdc-0.parquet', 'p=a/stray.parquet']);
    expect(existsSync(path.join(dir, 'p=a/stray.parquet'))).toBe(true);
    const logBefore = readdirSync(path.join(dir, '_delta_log')).length;
    expect(readdirSync(path.join(dir, '_delta_log')).length).toBe(logBefore);
    const r = await vacuum(storeAt(dir));
    expect(r.numDeletedFiles).toBe(2);
    expect(existsSync(path.join(dir, 'p=a/stray.parquet'))).toBe(false);
    expect(existsSync(path.join(dir, '_change_data/cdc-0.parquet'))).toBe(false);
    for (const kept of ['_checkpoints/state', '.hidden/file', 'p=b/.part.crc', removed, live]) expect(existsSync(path.join(dir, kept))).toBe(true);
    const h = await historyRows(storeAt(dir), { limit: 2 });
    expect(h.map((x) => x.operation)).toEqual(['VACUUM END', 'VACUUM START']);
    expect(h[1]?.operationMetrics.get('numFilesToDelete')).toBe('2');
    expect(h[1]?.operationParameters.get('retentionCheckEnabled')).toBe('true');
    expect(h[1]?.operationParameters.get('defaultRetentionMillis')).toBe(String(7 * 24 * 3600000));
    expect(h[0]?.operationParameters.get('status')).toBe('COMPLETED');
    expect(h[0]?.operationMetrics.get('numDeletedFiles')).toBe('2');
    expect(validateDeltaTable(dir)).toEqual([]);
  });

  it('refuses a retention below the table setting unless the check is off', async () => {
    const { dir, removed, live } = await tableWithJunk();
    await expect(vacuum(storeAt(dir), { retentionHours: 1 })).rejects.toThrow(/spark\.databricks\.delta\.retentionDurationCheck\.enabled = false[\s\S]*168 hours/);
    await sleep(5);
    const dry = await vacuum(storeAt(dir), { retentionHours: 0, retentionCheck: false, dryRun: true });
    expect(dry.files).toContain(removed);
    expect(existsSync(path.join(dir, removed))).toBe(true);
    const r = await vacuum(storeAt(dir), { retentionHours: 0, retentionCheck: false });
    expect(r.files).toEqual(dry.files);
    expect(existsSync(path.join(dir, removed))).toBe(false);
    expect(existsSync(path.join(dir, live))).toBe(true);
    expect(ids(await readTableRows(dir))).toEqual([2]);
    // The validator checks that every file any commit added exists; vacuumed history is the one expected exception.
    const problems = validateDeltaTable(dir).filter((p) => !r.files.some((f) => p.endsWith(`added file ${f} does not exist`)));
    expect(problems).toEqual([]);
  });

  it('honours delta.deletedFileRetentionDuration', async () => {
    const dir = await newIdTable('ops-vac-prop-', { 'delta.deletedFileRetentionDuration': 'interval 1 hours' });
    await append(dir, [1], 'a');
    await overwrite(dir, [2], 'a');
    await expect(vacuum(storeAt(dir), { retentionHours: 0.5 })).rejects.toThrow(/"1 hours"/);
    // Removed just now: inside a 1-hour window, so kept.
    const r = await vacuum(storeAt(dir), { retentionHours: 1, dryRun: true });
    expect(r.files).toEqual([]);
  });

  it('records VACUUM END with status FAILED when a deletion fails', async () => {
    const { dir } = await tableWithJunk();
    const local = storeAt(dir);
    const failing: ObjectStore = {
      root: local.root,
      get: (p, r) => local.get(p, r),
      put: (p, b) => local.put(p, b),
      putIfAbsent: (p, b) => local.putIfAbsent(p, b),
      list: (p) => local.list(p),
      head: (p) => local.head(p),
      delete: (p) => (p.endsWith('.json') || p.includes('_delta_log') ? local.delete(p) : Promise.reject(new DeltaSqlError('IO', `cannot delete ${p}`))),
    };
    await expect(vacuum(failing)).rejects.toThrow(/cannot delete/);
    const h = await historyRows(local, { limit: 2 });
    expect(h.map((x) => x.operation)).toEqual(['VACUUM END', 'VACUUM START']);
    expect(h[0]?.operationParameters.get('status')).toBe('FAILED');
    expect(h[0]?.operationMetrics.get('numDeletedFiles')).toBe('0');
  });
});
