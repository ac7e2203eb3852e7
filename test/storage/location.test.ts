import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DeltaSqlError } from '../../src/common/errors.js';
import { LocalStore } from '../../src/storage/local-store.js';
import { joinLocation, parseLocation } from '../../src/storage/location.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import { openStore } from '../../src/storage/open-store.js';
import { S3Store } from '../../src/storage/s3-store.js';

describe('parseLocation', () => {
  it('resolves plain paths against the cwd', () => {
    expect(parseLocation('some/table')).toEqual({ kind: 'file', path: resolve('some/table'), uri: pathToFileURL(resolve('some/table')).href });
    expect(parseLocation('/abs/t')).toMatchObject({ kind: 'file', path: '/abs/t', uri: 'file:///abs/t' });
  });

  it('decodes file URIs', () => {
    expect(parseLocation('file:///data/my%20table')).toMatchObject({ kind: 'file', path: '/data/my table' });
  });

  it('parses s3 and s3a with and without prefix', () => {
    expect(parseLocation('s3://bucket/a/b/')).toEqual({ kind: 's3', bucket: 'bucket', prefix: 'a/b', uri: 's3://bucket/a/b' });
    expect(parseLocation('s3a://bucket')).toEqual({ kind: 's3', bucket: 'bucket', prefix: '', uri: 's3://bucket' });
  });

  it('parses memory names', () => {
    expect(parseLocation('memory://x')).toEqual({ kind: 'memory', name: 'x', uri: 'memory://x' });
    expect(parseLocation('memory://x/t/')).toMatchObject({ name: 'x/t' });
  });

  it('rejects unknown schemes and empty input with typed errors', () => {
    const unknownScheme = (() => { try { parseLocation('gs://b/t'); } catch (e) { return e; } })();
    expect((unknownScheme as DeltaSqlError).code).toBe('UNSUPPORTED');
    expect((unknownScheme as DeltaSqlError).message).toContain('gs://');
    expect(() => parseLocation('  ')).toThrow(DeltaSqlError);
    expect(() => parseLocation('s3:///nobucket')).toThrow(/bucket/);
  });
});

describe('joinLocation', () => {
  it('joins URIs with / and plain paths with the path module', () => {
    expect(joinLocation('s3://b/wh/', 'tbl')).toBe('s3://b/wh/tbl');
    expect(joinLocation('memory://x/', 't/')).toBe('memory://x/t/');
    expect(joinLocation('memory://x', '/abs/t')).toBe('/abs/t');
    expect(joinLocation('data/wh', 'tbl')).toBe('data/wh/tbl');
    expect(joinLocation('s3://b/wh', 's3://other/t')).toBe('s3://other/t');
  });
});

describe('openStore', () => {
  it('roots each store at the location', () => {
    const local = openStore('/tmp/some-table');
    expect(local).toBeInstanceOf(LocalStore);
    expect(local.root).toBe('file:///tmp/some-table');
    const memory = openStore('memory://open-store-test/t1');
    expect(memory).toBeInstanceOf(MemoryStore);
    expect(memory.root).toBe('memory://open-store-test/t1');
    const s3 = openStore('s3a://bkt/wh/t', { s3: { region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } } });
    expect(s3).toBeInstanceOf(S3Store);
    expect(s3.root).toBe('s3://bkt/wh/t');
  });

  it('memory locations share objects across opens', async () => {
    await openStore('memory://shared-open/t').put('f', new Uint8Array([3]));
    expect(Array.from(await openStore('memory://shared-open/t').get('f'))).toEqual([3]);
    expect((await openStore('memory://shared-open').list('')).map((m) => m.path)).toEqual(['t/f']);
  });
});
