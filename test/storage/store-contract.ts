/** The behaviour every ObjectStore must show; run against each implementation. */
import { describe, expect, it } from 'vitest';
import { DeltaSqlError } from '../../src/common/errors.js';
import type { ObjectStore } from '../../src/storage/object-store.js';

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);
const dec = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

export function storeContract(name: string, makeStore: () => Promise<ObjectStore>, listRaw?: (store: ObjectStore) => Promise<string[]>): void {
  describe(`${name} (ObjectStore contract)`, () => {
    it('puts and gets whole objects and byte ranges', async () => {
      const store = await makeStore();
      await store.put('a/b/c.txt', enc('0123456789'));
      expect(dec(await store.get('a/b/c.txt'))).toBe('0123456789');
      expect(dec(await store.get('a/b/c.txt', { start: 2, end: 5 }))).toBe('234');
      expect(dec(await store.get('a/b/c.txt', { start: 8, end: 20 }))).toBe('89');
      expect((await store.get('a/b/c.txt', { start: 4, end: 4 })).length).toBe(0);
    });

    it('overwrites with put', async () => {
      const store = await makeStore();
      await store.put('x.json', enc('first'));
      await store.put('x.json', enc('second!'));
      expect(dec(await store.get('x.json'))).toBe('second!');
      expect((await store.head('x.json'))?.size).toBe(7);
    });

    it('lists by prefix, recursively, sorted by path', async () => {
      const store = await makeStore();
      for (const p of ['t/_delta_log/00000000000000000002.json', 't/_delta_log/00000000000000000000.json', 't/part-1.parquet', 't/p=1/part-0.parquet', 'u/other', 't/_delta_log/00000000000000000001.json']) {
        await store.put(p, enc(p));
      }
      const log = await store.list('t/_delta_log/');
      expect(log.map((m) => m.path)).toEqual([
        't/_delta_log/00000000000000000000.json',
        't/_delta_log/00000000000000000001.json',
        't/_delta_log/00000000000000000002.json',
      ]);
      expect(log[0]?.size).toBe('t/_delta_log/00000000000000000000.json'.length);
      expect(log[0]?.lastModified).toBeGreaterThan(0);
      const partial = await store.list('t/_delta_log/0000000000000000000');
      expect(partial.length).toBe(3);
      expect((await store.list('t/')).map((m) => m.path)).toEqual([
        't/_delta_log/00000000000000000000.json',
        't/_delta_log/00000000000000000001.json',
        't/_delta_log/00000000000000000002.json',
        't/p=1/part-0.parquet',
        't/part-1.parquet',
      ]);
      expect((await store.list('')).length).toBe(6);
      expect(await store.list('nope/')).toEqual([]);
      expect((await store.list('t/p')).map((m) => m.path)).toEqual(['t/p=1/part-0.parquet', 't/part-1.parquet']);
    });

    it('deletes, and deleting a missing object is fine', async () => {
      const store = await makeStore();
      await store.put('d/1', enc('1'));
      await store.delete('d/1');
      await store.delete('d/1');
      await store.delete('never/there');
      expect(await store.head('d/1')).toBeUndefined();
      expect(await store.list('d/')).toEqual([]);
    });

    it('heads existing and missing objects', async () => {
      const store = await makeStore();
      await store.put('h/file', enc('abc'));
      const meta = await store.head('h/file');
      expect(meta).toMatchObject({ path: 'h/file', size: 3 });
      expect(await store.head('h/missing')).toBeUndefined();
      expect(await store.head('h')).toBeUndefined();
    });

    it('raises FILE_NOT_FOUND naming the path for a missing object', async () => {
      const store = await makeStore();
      const error = await store.get('missing/part-0.parquet').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeltaSqlError);
      expect((error as DeltaSqlError).code).toBe('FILE_NOT_FOUND');
      expect((error as DeltaSqlError).message).toContain('missing/part-0.parquet');
      const ranged = await store.get('missing2', { start: 0, end: 4 }).catch((e: unknown) => e);
      expect((ranged as DeltaSqlError).code).toBe('FILE_NOT_FOUND');
    });

    it('putIfAbsent creates once and refuses after', async () => {
      const store = await makeStore();
      expect(await store.putIfAbsent('_delta_log/00000000000000000000.json', enc('v0'))).toBe(true);
      expect(await store.putIfAbsent('_delta_log/00000000000000000000.json', enc('other'))).toBe(false);
      expect(dec(await store.get('_delta_log/00000000000000000000.json'))).toBe('v0');
    });

    it('putIfAbsent under a race: exactly one of 50 wins, its content is kept, no temp files', async () => {
      const store = await makeStore();
      const path = '_delta_log/00000000000000000007.json';
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.putIfAbsent(path, enc(`writer-${i}`))));
      const winners = results.flatMap((won, i) => (won ? [i] : []));
      expect(winners.length).toBe(1);
      expect(dec(await store.get(path))).toBe(`writer-${winners[0]}`);
      expect((await store.list('_delta_log/')).map((m) => m.path)).toEqual([path]);
      if (listRaw) expect(await listRaw(store)).toEqual([path]);
    });
  });
}
