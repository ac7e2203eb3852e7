import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeltaSqlError } from '../../src/common/errors.js';
import { LocalStore } from '../../src/storage/local-store.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import { storeContract } from './store-contract.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'deltasql-store-'));
  dirs.push(dir);
  return dir;
}

/** Every file under a folder, hidden ones included, as `/`-joined relative paths. */
async function rawFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}

const localDirs = new WeakMap<LocalStore, string>();
storeContract(
  'LocalStore',
  async () => {
    const dir = await tempDir();
    const store = new LocalStore(dir);
    localDirs.set(store, dir);
    return store;
  },
  async (store) => rawFiles(localDirs.get(store as LocalStore) ?? ''),
);

let memoryCount = 0;
storeContract('MemoryStore', async () => new MemoryStore(`contract-${++memoryCount}`));

describe('LocalStore specifics', () => {
  it('has a file:// root and refuses paths that escape it', async () => {
    const dir = await tempDir();
    const store = new LocalStore(dir);
    expect(store.root.startsWith('file://')).toBe(true);
    const error = await store.get('../outside').catch((e: unknown) => e);
    expect((error as DeltaSqlError).code).toBe('INVALID_ARGUMENT');
  });

  it('reports other fs failures as IO', async () => {
    const dir = await tempDir();
    const store = new LocalStore(dir);
    await store.put('file', new Uint8Array([1]));
    // Writing beneath a regular file fails with ENOTDIR, not a missing object.
    const error = await store.put('file/child', new Uint8Array([2])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeltaSqlError);
    expect((error as DeltaSqlError).code).toBe('IO');
    const read = await store.get('file/child').catch((e: unknown) => e);
    expect((read as DeltaSqlError).code).toBe('FILE_NOT_FOUND');
  });
});

describe('MemoryStore specifics', () => {
  it('shares objects between stores of the same name', async () => {
    const a = MemoryStore.named('shared-x');
    const b = new MemoryStore('shared-x');
    await a.put('k', new Uint8Array([7]));
    expect(Array.from(await b.get('k'))).toEqual([7]);
    expect(a.root).toBe('memory://shared-x');
    expect(await new MemoryStore().head('k')).toBeUndefined();
  });

  it('roots a store at a sub-prefix of a named space', async () => {
    const space = MemoryStore.named('space-y');
    const table = new MemoryStore('space-y/tables/t');
    await table.put('_delta_log/0.json', new Uint8Array([1]));
    expect(table.root).toBe('memory://space-y/tables/t');
    expect((await space.list('')).map((m) => m.path)).toEqual(['tables/t/_delta_log/0.json']);
    expect((await table.list('')).map((m) => m.path)).toEqual(['_delta_log/0.json']);
  });

  it('does not let callers mutate stored bytes', async () => {
    const store = new MemoryStore();
    const bytes = new Uint8Array([1, 2, 3]);
    await store.put('p', bytes);
    bytes[0] = 9;
    const read = await store.get('p');
    read[1] = 9;
    expect(Array.from(await store.get('p'))).toEqual([1, 2, 3]);
  });
});
