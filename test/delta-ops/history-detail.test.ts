import * as arrow from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { INT, STRING, field } from '../../src/common/types/data-type.js';
import { describeDetail, describeDetailRow } from '../../src/delta/ops/describe-detail.js';
import { history, historyRows } from '../../src/delta/ops/history.js';
import { createDeltaTable, writeDeltaTable } from '../../src/delta/write/index.js';
import { validateDeltaTable } from '../helpers/protocol-validator.js';
import { cleanupTempDirs, column, storeAt, tempTableDir } from '../delta-write/helpers.js';

afterAll(cleanupTempDirs);

const rows = (ids: number[], p: string): arrow.Table =>
  new arrow.Table({ id: column(new arrow.Int32(), ids), p: arrow.vectorFromArray(ids.map(() => p), new arrow.Utf8()) });

async function table(commits: number): Promise<string> {
  const dir = tempTableDir('ops-hist-');
  const store = storeAt(dir);
  await createDeltaTable(store, { schema: [field('id', INT), field('p', STRING)], partitionColumns: ['p'], properties: { 'delta.checkpointInterval': '3' }, mode: 'create' });
  for (let i = 1; i <= commits; i++) await writeDeltaTable(store, rows([i], i % 2 === 0 ? 'a' : 'b'), { mode: 'append' });
  return dir;
}

describe('history', () => {
  it('lists every retained commit newest first, across checkpoints, with Spark types', async () => {
    const dir = await table(7);
    const store = storeAt(dir);
    const all = await historyRows(store);
    expect(all.map((r) => r.version)).toEqual([7, 6, 5, 4, 3, 2, 1, 0]);
    expect(all[0]?.operation).toBe('WRITE');
    expect(all[0]?.operationParameters.get('mode')).toBe('Append');
    expect(all[0]?.operationMetrics.get('numOutputRows')).toBe('1');
    expect(all[0]?.readVersion).toBe(6);
    expect(all[7]?.operation).toBe('CREATE TABLE');
    expect(all[7]?.readVersion).toBeNull();
    const t = await history(store, { limit: 2 });
    expect(t.numRows).toBe(2);
    expect(t.schema.fields.map((f) => f.name)).toEqual([
      'version', 'timestamp', 'userId', 'userName', 'operation', 'operationParameters', 'job', 'notebook', 'clusterId',
      'readVersion', 'isolationLevel', 'isBlindAppend', 'operationMetrics', 'userMetadata', 'engineInfo',
    ]);
    expect(t.getChild('version')?.get(0)).toBe(7n);
    expect(String(t.schema.fields[1]?.type)).toContain('Timestamp');
    expect(arrow.DataType.isMap(t.schema.fields[5]?.type)).toBe(true);
    expect(t.getChild('isBlindAppend')?.get(0)).toBe(true);
    expect(t.getChild('timestamp')?.get(0)).toBe(all[0]?.timestamp);
    expect(validateDeltaTable(dir)).toEqual([]);
  });

  it('rejects a negative limit', async () => {
    const dir = await table(1);
    await expect(historyRows(storeAt(dir), { limit: -1 })).rejects.toThrow(/LIMIT/);
  });
});

describe('describeDetail', () => {
  it('reports files, sizes, partitioning and protocol', async () => {
    const dir = await table(3);
    const d = await describeDetailRow(storeAt(dir));
    expect(d.format).toBe('delta');
    expect(d.numFiles).toBe(3);
    expect(d.partitionColumns).toEqual(['p']);
    expect(d.properties.get('delta.checkpointInterval')).toBe('3');
    expect(d.sizeInBytes).toBeGreaterThan(0);
    expect(d.minWriterVersion).toBeGreaterThanOrEqual(2);
    expect(d.tableFeatures).toEqual(expect.arrayContaining(['appendOnly', 'invariants']));
    const t = await describeDetail(storeAt(dir));
    expect(t.numRows).toBe(1);
    expect(t.getChild('numFiles')?.get(0)).toBe(3n);
    expect(t.getChild('location')?.get(0)).toBe(d.location);
  });
});
