/**
 * S3Store commit modes against servers with and without conditional writes: 'verify' refuses
 * to commit where If-None-Match is ignored, 'single-writer' commits safely for one writer there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as arrow from 'apache-arrow';
import { DeltaTable } from '../../src/api/delta-table.js';
import { DeltaSqlError } from '../../src/common/errors.js';
import { writeDeltaTable } from '../../src/delta/write/index.js';
import { startLoopbackS3, type LoopbackS3 } from '../helpers/s3-server.js';

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);
const dec = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const COMMIT0 = '_delta_log/00000000000000000000.json';

let s3rver: LoopbackS3;
let mini: LoopbackS3;
beforeAll(async () => {
  s3rver = await startLoopbackS3('s3rver');
  mini = await startLoopbackS3('mini');
});
afterAll(async () => {
  await s3rver.stop();
  await mini.stop();
});

const rows = (n: number): arrow.Table => new arrow.Table({ id: arrow.vectorFromArray(Int32Array.from({ length: n }, (_, i) => i)) });

describe("commitMode 'verify'", () => {
  it('refuses to commit on an endpoint that ignores If-None-Match, naming the way out, and leaves no probe behind', async () => {
    const store = s3rver.store('verify/refused', { commitMode: 'verify' });
    const error = await store.putIfAbsent(COMMIT0, enc('v0')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeltaSqlError);
    expect((error as DeltaSqlError).code).toBe('UNSUPPORTED');
    expect((error as DeltaSqlError).message).toContain('If-None-Match');
    expect((error as DeltaSqlError).hint).toContain('single-writer');
    expect(await store.list('')).toEqual([]);
    // Through the write path: the write fails typed and no commit exists.
    const write = await writeDeltaTable(store, rows(3), { mode: 'append' }).catch((e: unknown) => e);
    expect((write as DeltaSqlError).code).toBe('UNSUPPORTED');
    expect(await store.head(COMMIT0)).toBeUndefined();
  });

  it('commits normally where conditional writes are honoured', async () => {
    const store = mini.store('verify/ok', { commitMode: 'verify' });
    expect(await store.putIfAbsent(COMMIT0, enc('v0'))).toBe(true);
    expect(await store.putIfAbsent(COMMIT0, enc('other'))).toBe(false);
    expect(dec(await store.get(COMMIT0))).toBe('v0');
    expect((await store.list('')).map((m) => m.path)).toEqual([COMMIT0]);
  });
});

describe("commitMode 'single-writer' on s3rver", () => {
  it('refuses an existing commit file instead of overwriting it', async () => {
    const store = s3rver.store('single/basic', { commitMode: 'single-writer' });
    expect(await store.putIfAbsent(COMMIT0, enc('v0'))).toBe(true);
    expect(await store.putIfAbsent(COMMIT0, enc('other'))).toBe(false);
    expect(dec(await store.get(COMMIT0))).toBe('v0');
  });

  it('one writer commits a table that reads back', async () => {
    const store = s3rver.store('single/table', { commitMode: 'single-writer' });
    for (let i = 0; i < 3; i++) expect((await writeDeltaTable(store, rows(2 + i), { mode: 'append' })).version).toBe(i);
    const table = await DeltaTable.open(`s3://${s3rver.bucket}/single/table`, { storage: { s3: s3rver.s3 } });
    expect(table.version).toBe(2);
    expect((await table.toArrow()).numRows).toBe(2 + 3 + 4);
  });

  it('racing creators: whatever happens, the surviving bytes belong to a creator told it won', async () => {
    const store = s3rver.store('single/race', { commitMode: 'single-writer' });
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => store.putIfAbsent(COMMIT0, enc(`writer-${i}`)).catch((e: unknown) => e)));
    for (const o of outcomes) if (typeof o !== 'boolean') expect((o as DeltaSqlError).code).toBe('CONCURRENT_TRANSACTION');
    const survivor = Number(dec(await store.get(COMMIT0)).slice('writer-'.length));
    expect(outcomes[survivor]).toBe(true);
  });
});
