import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as arrow from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { INT, STRING, field } from '../../src/common/types/data-type.js';
import { readCheckpointActions } from '../../src/delta/log/read-checkpoint.js';
import { loadSnapshot } from '../../src/delta/snapshot.js';
import { checkpointRows } from '../../src/delta/write/checkpoint/checkpoint-writer.js';
import { createDeltaTable, writeCheckpoint, writeDeltaTable } from '../../src/delta/write/index.js';
import { validateDeltaTable } from '../helpers/protocol-validator.js';
import { cleanupTempDirs, column, readTableRows, storeAt, tempTableDir } from './helpers.js';

afterAll(cleanupTempDirs);

const batch = (id: number, p: string | null): arrow.Table =>
  new arrow.Table({ id: column(new arrow.Int32(), [id]), p: arrow.vectorFromArray([p], new arrow.Utf8()) });

async function tableWithCommits(properties: Record<string, string>, commits: number): Promise<string> {
  const dir = tempTableDir('dw-cp-');
  const store = storeAt(dir);
  await createDeltaTable(store, { schema: [field('id', INT), field('p', STRING)], partitionColumns: ['p'], properties, mode: 'create' });
  for (let i = 1; i <= commits; i++) {
    // Every fourth commit overwrites partition 'a', leaving tombstones.
    if (i % 4 === 0) await writeDeltaTable(store, batch(i, 'a'), { mode: 'overwrite', replaceWhere: { files: (f) => f.partitionValues['p'] === 'a', description: "p = 'a'" } });
    else await writeDeltaTable(store, batch(i, i % 2 === 0 ? 'a' : null), { mode: 'append', txn: { appId: 'app', version: i } });
  }
  return dir;
}

const logFiles = (dir: string): string[] => readdirSync(path.join(dir, '_delta_log')).sort();

describe('checkpoints', () => {
  it('writes a checkpoint every 10 commits that the reader opens, and _last_checkpoint', async () => {
    const dir = await tableWithCommits({}, 12);
    expect(logFiles(dir)).toContain('00000000000000000010.checkpoint.parquet');
    expect(logFiles(dir).filter((n) => n.includes('checkpoint.parquet'))).toHaveLength(1);
    const hint = JSON.parse(readFileSync(path.join(dir, '_delta_log', '_last_checkpoint'), 'utf8')) as Record<string, number>;
    const atTen = await loadSnapshot(storeAt(dir), { version: 10 });
    expect(hint).toMatchObject({ version: 10, numOfAddFiles: atTen.fileCount });
    expect(hint['sizeInBytes']).toBe(readFileSync(path.join(dir, '_delta_log', '00000000000000000010.checkpoint.parquet')).length);

    const latest = await loadSnapshot(storeAt(dir));
    expect(latest.segment.checkpoint?.version).toBe(10);
    expect(latest.txns.get('app')?.version).toBe(11);
    const actions = await readCheckpointActions(storeAt(dir), latest.segment.checkpoint ?? (undefined as never));
    expect(actions.filter((a) => a.kind === 'protocol')).toHaveLength(1);
    expect(actions.filter((a) => a.kind === 'remove').length).toBeGreaterThan(0);
    expect(actions.filter((a) => a.kind === 'add').map((a) => a.kind === 'add' && a.stats).every((s) => typeof s === 'string')).toBe(true);
    expect(hint['size']).toBe(actions.length);

    // The same rows as a replay of the JSON commits alone.
    const rows = (await readTableRows(dir)).map((r) => r['id']).sort((a, b) => Number(a) - Number(b));
    rmSync(path.join(dir, '_delta_log', '00000000000000000010.checkpoint.parquet'));
    rmSync(path.join(dir, '_delta_log', '_last_checkpoint'));
    const fromJson = (await readTableRows(dir)).map((r) => r['id']).sort((a, b) => Number(a) - Number(b));
    expect(rows).toEqual(fromJson);
    expect(rows).toEqual([1, 3, 5, 7, 9, 11, 12]);
  });

  it('honours delta.checkpointInterval and passes the validator', async () => {
    const dir = await tableWithCommits({ 'delta.checkpointInterval': '3' }, 7);
    expect(logFiles(dir).filter((n) => n.endsWith('.checkpoint.parquet'))).toEqual(['00000000000000000003.checkpoint.parquet', '00000000000000000006.checkpoint.parquet']);
    expect(validateDeltaTable(dir)).toEqual([]);
  });

  it('a crash between the checkpoint and _last_checkpoint is harmless', async () => {
    const dir = await tableWithCommits({ 'delta.checkpointInterval': '3' }, 4);
    // Simulate: checkpoint 4 written, hint still naming 3.
    const store = storeAt(dir);
    const hintBefore = readFileSync(path.join(dir, '_delta_log', '_last_checkpoint'), 'utf8');
    await writeCheckpoint(store, await loadSnapshot(store, { version: 4 }));
    writeFileSync(path.join(dir, '_delta_log', '_last_checkpoint'), hintBefore);
    const snapshot = await loadSnapshot(store);
    expect(snapshot.segment.checkpoint?.version).toBe(4);
    await writeDeltaTable(store, batch(100, 'b'), { mode: 'append' });
    expect((await readTableRows(dir)).map((r) => r['id'])).toContain(100);
    expect(validateDeltaTable(dir).filter((p) => !p.includes('_last_checkpoint'))).toEqual([]);
  });

  it('keeps tombstones only within delta.deletedFileRetentionDuration', async () => {
    const dir = await tableWithCommits({}, 4);
    const snapshot = await loadSnapshot(storeAt(dir));
    const removes = (now: number): number => checkpointRows(snapshot, now).filter((r) => r.remove !== undefined).length;
    expect(removes(Date.now())).toBe(1);
    expect(removes(Date.now() + 8 * 86400000)).toBe(0);
  });

  it('cleans up expired log files below the newest expired checkpoint', async () => {
    const dir = await tableWithCommits({ 'delta.checkpointInterval': '5', 'delta.logRetentionDuration': 'interval 0 seconds' }, 11);
    const names = logFiles(dir);
    expect(names.filter((n) => n.endsWith('.json')).map((n) => Number(n.slice(0, 20)))).toEqual([10, 11]);
    expect(names).toContain('00000000000000000010.checkpoint.parquet');
    expect((await loadSnapshot(storeAt(dir))).version).toBe(11);
    expect((await readTableRows(dir)).length).toBeGreaterThan(0);
    expect(validateDeltaTable(dir)).toEqual([]);
    const kept = await tableWithCommits({ 'delta.checkpointInterval': '5', 'delta.logRetentionDuration': 'interval 0 seconds', 'delta.enableExpiredLogCleanup': 'false' }, 6);
    expect(logFiles(kept).filter((n) => n.endsWith('.json'))).toHaveLength(7);
  });
});

describe('stats_parsed in checkpoints', () => {
  it('carries the stats JSON as a typed struct (physical names, nested, ms timestamps)', async () => {
    const dir = tempTableDir('dw-sp-');
    const store = storeAt(dir);
    const sType = new arrow.Struct([new arrow.Field('x', new arrow.Int32(), true)]);
    const data = (i: number): arrow.Table =>
      new arrow.Table({
        id: column(new arrow.Int64(), [BigInt(i), BigInt(i + 1)]),
        s: arrow.vectorFromArray([`v${i}`, null], new arrow.Utf8()),
        d: column(new arrow.DateDay(), [i, i + 2]),
        t: column(new arrow.TimestampMicrosecond('UTC'), [BigInt(i) * 1000123n, null]),
        dec: column(new arrow.Decimal(2, 9, 128), [12345n, -1n]),
        st: arrow.vectorFromArray([{ x: i }, null], sType),
        p: arrow.vectorFromArray(['a', 'a'], new arrow.Utf8()),
      });
    for (let i = 0; i <= 10; i++) expect((await writeDeltaTable(store, data(i), { mode: 'append', partitionBy: ['p'] })).postCommitError).toBeUndefined();
    const file = path.join(dir, '_delta_log', '00000000000000000010.checkpoint.parquet');
    const table = arrow.tableFromIPC(readParquet(readFileSync(file)).intoIPCStream());
    const adds = table.getChild('add');
    const parsed: Record<string, unknown>[] = [];
    for (let r = 0; r < table.numRows; r++) {
      const row = adds?.get(r) as { toJSON(): Record<string, unknown> } | null;
      const json = row?.toJSON();
      if (json === undefined || json === null) continue;
      const sp = (json['stats_parsed'] as { toJSON(): Record<string, unknown> }).toJSON();
      const stats = JSON.parse(String(json['stats'])) as { numRecords: number; minValues: Record<string, unknown>; maxValues: Record<string, unknown> };
      const min = (sp['minValues'] as { toJSON(): Record<string, unknown> }).toJSON();
      const max = (sp['maxValues'] as { toJSON(): Record<string, unknown> }).toJSON();
      expect(Number(sp['numRecords'])).toBe(stats.numRecords);
      expect(String(min['id'])).toBe(String(stats.minValues['id']));
      expect(min['s']).toBe(stats.minValues['s']);
      expect(Number(min['d'])).toBe(Date.parse(`${String(stats.minValues['d'])}T00:00:00Z`));
      // Arrow JS reads µs timestamps back as epoch ms.
      expect(max['t']).toBe(Date.parse(String(stats.maxValues['t'])));
      expect('dec' in min).toBe(false);
      expect((min['st'] as { toJSON(): Record<string, unknown> }).toJSON()).toEqual({ x: (stats.minValues['st'] as Record<string, unknown>)['x'] });
      expect('p' in min).toBe(false);
      parsed.push(sp);
    }
    expect(parsed).toHaveLength(11);
    expect(validateDeltaTable(dir)).toEqual([]);
    expect((await readTableRows(dir)).length).toBe(22);
  });
});
