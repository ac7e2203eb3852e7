/** S3Store with a real S3Client against loopback S3 servers: the ObjectStore contract and S3 specifics. */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeltaSqlError } from '../../src/common/errors.js';
import { DeltaTable } from '../../src/api/delta-table.js';
import { openStore } from '../../src/storage/open-store.js';
import { storeContract } from '../storage/store-contract.js';
import { startLoopbackS3, type LoopbackS3, type LoopbackS3Kind } from '../helpers/s3-server.js';

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);
const dec = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

const servers = new Map<LoopbackS3Kind | 'mini-paged', LoopbackS3>();
let prefixCount = 0;
const freshPrefix = (): string => `contract/${++prefixCount}`;
const server = (kind: LoopbackS3Kind | 'mini-paged'): LoopbackS3 => {
  const s = servers.get(kind);
  if (s === undefined) throw new Error(`server ${kind} not started`);
  return s;
};

beforeAll(async () => {
  servers.set('s3rver', await startLoopbackS3('s3rver'));
  servers.set('mini', await startLoopbackS3('mini', { conflictWhileInFlight: true }));
  // Two keys per ListObjectsV2 page: every listing of more than two objects paginates.
  servers.set('mini-paged', await startLoopbackS3('mini', { pageSize: 2 }));
});
afterAll(async () => {
  for (const s of servers.values()) await s.stop();
});

// The full contract (including the 50-way putIfAbsent race) where conditional writes exist.
storeContract('S3Store on the conditional-write server, paginated listings', async () => server('mini-paged').store(freshPrefix()));

describe.each<LoopbackS3Kind>(['s3rver', 'mini'])('S3Store on %s', (kind) => {
  it('gets whole objects and byte ranges, clamped like the local store', async () => {
    const store = server(kind).store(freshPrefix());
    await store.put('t/part-0.parquet', enc('0123456789'));
    expect(dec(await store.get('t/part-0.parquet'))).toBe('0123456789');
    expect(dec(await store.get('t/part-0.parquet', { start: 2, end: 5 }))).toBe('234');
    expect(dec(await store.get('t/part-0.parquet', { start: 8, end: 100 }))).toBe('89');
    expect(dec(await store.get('t/part-0.parquet', { start: 10, end: 20 }))).toBe('');
    expect(dec(await store.get('t/part-0.parquet', { start: 3, end: 3 }))).toBe('');
  });

  it('puts, overwrites, heads and deletes; missing objects are FILE_NOT_FOUND or undefined', async () => {
    const store = server(kind).store(freshPrefix());
    await store.put('x/a.json', enc('first'));
    await store.put('x/a.json', enc('second!'));
    expect(dec(await store.get('x/a.json'))).toBe('second!');
    const meta = await store.head('x/a.json');
    expect(meta).toMatchObject({ path: 'x/a.json', size: 7 });
    expect(meta?.lastModified).toBeGreaterThan(0);
    expect(await store.head('x/missing')).toBeUndefined();
    await store.delete('x/a.json');
    await store.delete('x/a.json');
    expect(await store.head('x/a.json')).toBeUndefined();
    const error = await store.get('x/a.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeltaSqlError);
    expect((error as DeltaSqlError).code).toBe('FILE_NOT_FOUND');
    expect((error as DeltaSqlError).message).toContain('x/a.json');
    expect(((await store.get('x/a.json', { start: 0, end: 2 }).catch((e: unknown) => e)) as DeltaSqlError).code).toBe('FILE_NOT_FOUND');
  });

  it('lists by prefix relative to the store root, sorted, and nothing of sibling prefixes', async () => {
    const root = freshPrefix();
    const store = server(kind).store(root);
    const sibling = server(kind).store(`${root}-sibling`);
    await sibling.put('_delta_log/00000000000000000000.json', enc('not mine'));
    const paths = ['_delta_log/00000000000000000001.json', 'p=a b/part-1.parquet', '_delta_log/00000000000000000000.json', 'part-0.parquet'];
    for (const p of paths) await store.put(p, enc(p));
    expect((await store.list('')).map((m) => m.path)).toEqual([...paths].sort());
    const log = await store.list('_delta_log/');
    expect(log.map((m) => [m.path, m.size])).toEqual([
      ['_delta_log/00000000000000000000.json', 36],
      ['_delta_log/00000000000000000001.json', 36],
    ]);
    expect(await store.list('nothing/')).toEqual([]);
  });

  it('refuses bad credentials with a typed error that never contains them', async () => {
    const secret = 'wrong-secret-DO-NOT-LEAK-7f3a';
    const keyId = 'AKIALOOPBACKWRONG999';
    const store = server(kind).store(freshPrefix(), { credentials: { accessKeyId: keyId, secretAccessKey: secret } });
    const failures = await Promise.all([
      store.get('a').catch((e: unknown) => e),
      store.put('a', enc('x')).catch((e: unknown) => e),
      store.list('').catch((e: unknown) => e),
      store.putIfAbsent('_delta_log/00000000000000000000.json', enc('x')).catch((e: unknown) => e),
      DeltaTable.open(`s3://${server(kind).bucket}/nowhere`, { storage: { s3: { ...server(kind).s3, credentials: { accessKeyId: keyId, secretAccessKey: secret } } } }).catch((e: unknown) => e),
    ]);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(DeltaSqlError);
      const e = failure as DeltaSqlError;
      expect(e.code).toBe('IO');
      expect(e.message).toMatch(/InvalidAccessKeyId|HTTP 403/);
      const everything = `${e.message} ${e.hint ?? ''} ${e.stack ?? ''} ${inspect(e, { depth: 20 })} ${JSON.stringify(e)}`;
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(keyId);
    }
  });

  it('names a missing bucket in a typed IO error', async () => {
    const store = openStore('s3://no-such-bucket-here/t', { s3: server(kind).s3 });
    const error = await store.list('_delta_log/').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeltaSqlError);
    expect((error as DeltaSqlError).code).toBe('IO');
    expect((error as DeltaSqlError).message).toContain('NoSuchBucket');
    expect((error as DeltaSqlError).message).toContain('s3://no-such-bucket-here/t');
  });
});

describe('credentials from the standard AWS chain', () => {
  it('are taken from the environment when no credentials option is given', async () => {
    const s = server('mini');
    const saved = { id: process.env['AWS_ACCESS_KEY_ID'], secret: process.env['AWS_SECRET_ACCESS_KEY'] };
    const restore = (name: string, value: string | undefined): void => {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    };
    try {
      const { credentials, ...rest } = s.s3;
      process.env['AWS_ACCESS_KEY_ID'] = credentials?.accessKeyId ?? '';
      process.env['AWS_SECRET_ACCESS_KEY'] = credentials?.secretAccessKey ?? '';
      const store = openStore(`s3://${s.bucket}/${freshPrefix()}`, { s3: rest });
      await store.put('env.txt', enc('chain'));
      expect(dec(await store.get('env.txt'))).toBe('chain');
      // A wrong key in the environment is refused: the store really used the chain.
      process.env['AWS_ACCESS_KEY_ID'] = 'AKIAENVWRONGKEY00000';
      const other = openStore(`s3://${s.bucket}/${freshPrefix()}`, { s3: rest });
      expect(((await other.get('env.txt').catch((e: unknown) => e)) as DeltaSqlError).code).toBe('IO');
    } finally {
      restore('AWS_ACCESS_KEY_ID', saved.id);
      restore('AWS_SECRET_ACCESS_KEY', saved.secret);
    }
  });
});

describe('putIfAbsent with a real conditional-write server', () => {
  it('20 concurrent creators: exactly one wins and its bytes stay, despite 409 conflicts being retried', async () => {
    const s = server('mini');
    const store = s.store(freshPrefix());
    const path = '_delta_log/00000000000000000003.json';
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.putIfAbsent(path, enc(`writer-${i}`))));
    const winners = results.flatMap((won, i) => (won ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(dec(await store.get(path))).toBe(`writer-${winners[0]}`);
    expect((await store.list('_delta_log/')).map((m) => m.path)).toEqual([path]);
    expect(s.mini?.overwrites.filter((k) => k.endsWith(path))).toEqual([]);
    expect(s.mini?.counts.get('PUT conditional 412')).toBeGreaterThanOrEqual(19);
    expect(s.mini?.counts.get('PUT conditional 409')).toBeGreaterThan(0);
  });
});

describe('s3rver ignores If-None-Match: *', () => {
  it('so a second creator silently replaces the first (why concurrent commits run on the other server)', async () => {
    const store = server('s3rver').store(freshPrefix());
    expect(await store.putIfAbsent('_delta_log/00000000000000000000.json', enc('v0'))).toBe(true);
    expect(await store.putIfAbsent('_delta_log/00000000000000000000.json', enc('other'))).toBe(true);
    expect(dec(await store.get('_delta_log/00000000000000000000.json'))).toBe('other');
  });
});
