import { describe, expect, it } from 'vitest';
import { DeltaSqlError } from '../../src/common/errors.js';
import { S3Store } from '../../src/storage/s3-store.js';
import { FakeS3, FakeS3Error } from './fake-s3-client.js';
import { storeContract } from './store-contract.js';

const fakes = new WeakMap<S3Store, FakeS3>();
storeContract(
  'S3Store (fake client)',
  async () => {
    const fake = new FakeS3();
    const store = new S3Store({ bucket: 'bkt', prefix: 'warehouse/t', client: fake.asClient() });
    fakes.set(store, fake);
    return store;
  },
  async (store) => [...(fakes.get(store as S3Store)?.objects.keys() ?? [])].map((k) => k.slice('warehouse/t/'.length)).sort(),
);

describe('S3Store specifics', () => {
  it('prefixes keys with the root and sends an inclusive Range header', async () => {
    const fake = new FakeS3();
    const store = new S3Store({ bucket: 'bkt', prefix: '/data/tbl/', client: fake.asClient() });
    expect(store.root).toBe('s3://bkt/data/tbl');
    await store.put('part-0.parquet', new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const slice = await store.get('part-0.parquet', { start: 2, end: 6 });
    expect(Array.from(slice)).toEqual([2, 3, 4, 5]);
    const get = fake.sent.find((c) => c.name === 'GetObjectCommand');
    expect(get?.input).toMatchObject({ Bucket: 'bkt', Key: 'data/tbl/part-0.parquet', Range: 'bytes=2-5' });
  });

  it('sends If-None-Match: * and maps 412 to false', async () => {
    const fake = new FakeS3();
    const store = new S3Store({ bucket: 'b', client: fake.asClient() });
    expect(await store.putIfAbsent('_delta_log/00000000000000000000.json', new Uint8Array([1]))).toBe(true);
    expect(await store.putIfAbsent('_delta_log/00000000000000000000.json', new Uint8Array([2]))).toBe(false);
    const puts = fake.sent.filter((c) => c.name === 'PutObjectCommand');
    expect(puts.map((c) => c.input['IfNoneMatch'])).toEqual(['*', '*']);
    expect(Array.from(await store.get('_delta_log/00000000000000000000.json'))).toEqual([1]);
  });

  it('retries 409 ConditionalRequestConflict, then gives up with IO', async () => {
    const fake = new FakeS3();
    const store = new S3Store({ bucket: 'b', client: fake.asClient(), conflictRetries: 3 });
    fake.injected.push(new FakeS3Error('ConditionalRequestConflict', 409), new FakeS3Error('ConditionalRequestConflict', 409));
    expect(await store.putIfAbsent('k', new Uint8Array([1]))).toBe(true);
    expect(fake.sent.filter((c) => c.name === 'PutObjectCommand').length).toBe(3);

    for (let i = 0; i < 4; i++) fake.injected.push(new FakeS3Error('ConditionalRequestConflict', 409));
    const error = await store.putIfAbsent('k2', new Uint8Array([1])).catch((e: unknown) => e);
    expect((error as DeltaSqlError).code).toBe('IO');
    expect(await store.head('k2')).toBeUndefined();
  });

  it('follows ListObjectsV2 continuation tokens', async () => {
    const fake = new FakeS3();
    fake.pageSize = 3;
    const store = new S3Store({ bucket: 'b', prefix: 'p', client: fake.asClient() });
    for (let i = 9; i >= 0; i--) await store.put(`_delta_log/${String(i).padStart(20, '0')}.json`, new Uint8Array([i]));
    await store.put('outside-log', new Uint8Array([1]));
    const listed = await store.list('_delta_log/');
    expect(listed.map((m) => m.path)).toEqual(Array.from({ length: 10 }, (_, i) => `_delta_log/${String(i).padStart(20, '0')}.json`));
    const lists = fake.sent.filter((c) => c.name === 'ListObjectsV2Command');
    expect(lists.length).toBe(4);
    expect(lists[0]?.input['ContinuationToken']).toBeUndefined();
    expect(lists[1]?.input['ContinuationToken']).toBe('3');
    expect(lists[0]?.input['Prefix']).toBe('p/_delta_log/');
  });

  it('never puts credentials in error messages', async () => {
    const fake = new FakeS3();
    const credentials = { accessKeyId: 'AKIAEXAMPLEKEYID', secretAccessKey: 'wJalrXUtnFEMI/SECRET/bPxRfiCY', sessionToken: 'SESSIONTOKEN123' };
    const store = new S3Store({ bucket: 'b', client: fake.asClient(), credentials });
    fake.injected.push(new FakeS3Error('AccessDenied', 403, `denied for AKIAEXAMPLEKEYID with wJalrXUtnFEMI/SECRET/bPxRfiCY and SESSIONTOKEN123`));
    const error = await store.get('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeltaSqlError);
    const text = `${(error as DeltaSqlError).message} ${JSON.stringify(error)}`;
    expect((error as DeltaSqlError).code).toBe('IO');
    expect(text).toContain('AccessDenied');
    expect(text).toContain('403');
    for (const secret of Object.values(credentials)) expect(text).not.toContain(secret);
  });

  it('builds its own client from options without network access', () => {
    const store = new S3Store({
      bucket: 'b',
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:9',
      forcePathStyle: true,
      credentials: { accessKeyId: 'a', secretAccessKey: 's' },
    });
    expect(store.root).toBe('s3://b');
  });
});
