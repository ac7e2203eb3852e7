/** Log listing, checkpoint choice, reconciliation rules and time travel over MemoryStore logs. */
import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/delta/snapshot.js';
import { listLog } from '../../src/delta/log/log-listing.js';
import { segmentFromListing } from '../../src/delta/log/log-segment.js';
import type { MemoryStore } from '../../src/storage/memory-store.js';
import { add, commitInfo, freshStore, metaData, pad20, protocol, putCommit, remove, schemaString } from './helpers/log-builder.js';

const SCHEMA = schemaString([{ name: 'id', type: 'integer' }]);
const dv = (id: string): Record<string, unknown> => ({ deletionVector: { storageType: 'u', pathOrInlineDv: id, offset: 1, sizeInBytes: 10, cardinality: 1 } });
const touch = (store: MemoryStore, path: string): Promise<void> => store.put(path, new Uint8Array([1]));

describe('log listing and segments', () => {
  it('ignores .crc, Hadoop .crc, compaction files and sub-folders', async () => {
    const store = freshStore();
    await putCommit(store, 0, [protocol(), metaData(SCHEMA), add('a', 1)]);
    await putCommit(store, 1, [add('b', 1)]);
    for (const p of [`.${pad20(0)}.json.crc`, `${pad20(0)}.crc`, `${pad20(0)}.${pad20(1)}.compacted.json`, '_staged_commits/x.json', '_sidecars/x.parquet', '.tmp-123']) {
      await touch(store, `_delta_log/${p}`);
    }
    const snapshot = await loadSnapshot(store);
    expect(snapshot.version).toBe(1);
    expect(snapshot.files().map((f) => f.path).sort()).toEqual(['a', 'b']);
  });

  it('picks the newest complete checkpoint at or below the target; incomplete multi-part is skipped', async () => {
    const store = freshStore();
    for (let v = 0; v <= 6; v++) await putCommit(store, v, v === 0 ? [protocol(), metaData(SCHEMA)] : [commitInfo()]);
    await touch(store, `_delta_log/${pad20(2)}.checkpoint.parquet`);
    await touch(store, `_delta_log/${pad20(4)}.checkpoint.0000000001.0000000002.parquet`);
    await touch(store, `_delta_log/${pad20(5)}.checkpoint.0000000001.0000000002.parquet`);
    await touch(store, `_delta_log/${pad20(5)}.checkpoint.0000000002.0000000002.parquet`);
    await touch(store, `_delta_log/${pad20(6)}.checkpoint.3a0d65cd-4056-49b8-937b-95f9e3ee90e5.json`);
    const listing = await listLog(store);
    expect(segmentFromListing(listing, 4).checkpoint?.version).toBe(2);
    expect(segmentFromListing(listing, 5).checkpoint).toMatchObject({ version: 5, format: 'multipart' });
    expect(segmentFromListing(listing, 5).checkpoint?.files.length).toBe(2);
    expect(segmentFromListing(listing, 6).checkpoint).toMatchObject({ version: 6, format: 'uuid', fileType: 'json' });
    expect(segmentFromListing(listing, 1).checkpoint).toBeUndefined();
    expect(segmentFromListing(listing, 4).deltas.map((d) => d.version)).toEqual([3, 4]);
  });

  it('after log cleanup, versions before the oldest checkpoint are VERSION_NOT_FOUND', async () => {
    const store = freshStore();
    await store.put(`_delta_log/${pad20(3)}.checkpoint.3a0d65cd-4056-49b8-937b-95f9e3ee90e5.json`, new TextEncoder().encode(
      [protocol(), metaData(SCHEMA), add('a', 1)].map((a) => JSON.stringify(a)).join('\n'),
    ));
    await putCommit(store, 3, [commitInfo()]);
    await putCommit(store, 4, [add('b', 1)]);
    expect((await loadSnapshot(store)).files().length).toBe(2);
    expect((await loadSnapshot(store, { version: 3 })).files().length).toBe(1);
    await expect(loadSnapshot(store, { version: 2 })).rejects.toThrow(/available versions are 3 to 4/);
  });

  it('reads a JSON v2 checkpoint', async () => {
    const store = freshStore();
    await putCommit(store, 0, [protocol(3, 7, ['v2Checkpoint']), metaData(SCHEMA), add('a', 1)]);
    await putCommit(store, 1, [add('b', 1), remove('a')]);
    await store.put(`_delta_log/${pad20(1)}.checkpoint.3a0d65cd-4056-49b8-937b-95f9e3ee90e5.json`, new TextEncoder().encode(
      [{ checkpointMetadata: { version: 1 } }, protocol(3, 7, ['v2Checkpoint']), metaData(SCHEMA), add('b', 1), remove('a')].map((a) => JSON.stringify(a)).join('\n'),
    ));
    await putCommit(store, 2, [add('c', 1)]);
    const snapshot = await loadSnapshot(store);
    expect(snapshot.segment.checkpoint?.version).toBe(1);
    expect(snapshot.files().map((f) => f.path).sort()).toEqual(['b', 'c']);
    expect(snapshot.tombstones.map((r) => r.path)).toEqual(['a']);
  });
});

describe('reconciliation', () => {
  it('later actions win; removes drop files; txn and domain metadata by key', async () => {
    const store = freshStore();
    await putCommit(store, 0, [protocol(), metaData(SCHEMA), add('a', 1), add('b', 1), { txn: { appId: 'app', version: 1 } }]);
    await putCommit(store, 1, [remove('a'), add('b', 2), { txn: { appId: 'app', version: 2 } }, { domainMetadata: { domain: 'd1', configuration: '{}', removed: false } }]);
    await putCommit(store, 2, [{ domainMetadata: { domain: 'd1', configuration: '', removed: true } }, { domainMetadata: { domain: 'd2', configuration: 'x', removed: false } }]);
    const s = await loadSnapshot(store);
    expect(s.files().map((f) => [f.path, f.size])).toEqual([['b', 2]]);
    expect(s.txns.get('app')?.version).toBe(2);
    expect([...s.domainMetadata.keys()]).toEqual(['d2']);
    const v1 = await loadSnapshot(store, { version: 1 });
    expect([...v1.domainMetadata.keys()]).toEqual(['d1']);
    expect((await loadSnapshot(store, { version: 0 })).files().length).toBe(2);
  });

  it('files are keyed by path and deletion vector: replacing a DV works in either action order', async () => {
    const store = freshStore();
    const A = '00000000000000000000';
    const B = '11111111111111111111';
    await putCommit(store, 0, [protocol(3, 7, ['deletionVectors']), metaData(SCHEMA), add('f', 1)]);
    await putCommit(store, 1, [remove('f'), add('f', 1, dv(A))]);
    await putCommit(store, 2, [add('f', 1, dv(B)), remove('f', dv(A))]);
    const s1 = await loadSnapshot(store, { version: 1 });
    expect(s1.files().map((f) => f.deletionVector?.pathOrInlineDv)).toEqual([A]);
    const s2 = await loadSnapshot(store);
    expect(s2.files().map((f) => f.deletionVectorId)).toEqual([`u${B}@1`]);
    // A stale remove of an older DV does not drop the live file.
    await putCommit(store, 3, [remove('f', dv(A))]);
    expect((await loadSnapshot(store)).files().length).toBe(1);
    await putCommit(store, 4, [remove('f', dv(B))]);
    expect((await loadSnapshot(store)).files().length).toBe(0);
  });

  it('exposes metadata, protocol and parsed stats', async () => {
    const store = freshStore();
    await putCommit(store, 0, [
      protocol(),
      metaData(SCHEMA, [], { 'delta.appendOnly': 'true' }),
      add('a', 10, { stats: '{"numRecords":5,"minValues":{"id":1},"maxValues":{"id":9},"nullCount":{"id":0}}' }),
    ]);
    const s = await loadSnapshot(store);
    expect(s.metadata).toMatchObject({ id: 'test-id', partitionColumns: [], configuration: { 'delta.appendOnly': 'true' }, createdTime: 1 });
    expect(s.protocol).toMatchObject({ minReaderVersion: 1, minWriterVersion: 2 });
    expect(s.files()[0]?.stats).toEqual({ numRecords: 5, tightBounds: true, minValues: { id: 1 }, maxValues: { id: 9 }, nullCount: { id: 0 } });
  });
});

describe('time travel by timestamp', () => {
  it('uses file modification times: latest commit at or before the timestamp', async () => {
    const store = freshStore();
    await putCommit(store, 0, [protocol(), metaData(SCHEMA), add('a', 1)]);
    await new Promise((r) => setTimeout(r, 15));
    await putCommit(store, 1, [add('b', 1)]);
    const [c0, c1] = (await listLog(store)).commits;
    const t0 = c0?.file.lastModified ?? 0;
    const t1 = c1?.file.lastModified ?? 0;
    expect((await loadSnapshot(store, { timestamp: t0 })).version).toBe(0);
    expect((await loadSnapshot(store, { timestamp: new Date(t1 - 1) })).version).toBe(0);
    expect((await loadSnapshot(store, { timestamp: t1 })).version).toBe(1);
    expect((await loadSnapshot(store, { timestamp: t1 + 1e9 })).version).toBe(1);
    await expect(loadSnapshot(store, { timestamp: t0 - 1 })).rejects.toMatchObject({ code: 'VERSION_NOT_FOUND', message: expect.stringContaining(new Date(t0).toISOString()) });
  });

  it('uses in-commit timestamps when enabled', async () => {
    const store = freshStore();
    const ict = (ts: number): unknown => commitInfo({ inCommitTimestamp: ts });
    await putCommit(store, 0, [protocol(), metaData(SCHEMA)]);
    await putCommit(store, 1, [ict(1_000_000), metaData(SCHEMA, [], { 'delta.enableInCommitTimestamps': 'true' })]);
    await putCommit(store, 2, [ict(2_000_000), add('a', 1)]);
    await putCommit(store, 3, [ict(3_000_000), add('b', 1)]);
    expect((await loadSnapshot(store, { timestamp: '1970-01-01T00:33:20Z' })).version).toBe(2);
    expect((await loadSnapshot(store, { timestamp: 2_999_999 })).version).toBe(2);
    const latest = await loadSnapshot(store);
    expect(latest.timestamp).toBe(3_000_000);
    expect(latest.inCommitTimestamp).toBe(3_000_000);
  });
});
