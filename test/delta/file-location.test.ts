/** Data files named by absolute URI (shallow clones, old writers) resolve inside or outside the root. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DeltaTable } from '../../src/api/delta-table.js';
import { resolveFileLocation } from '../../src/delta/file-location.js';
import { LocalStore } from '../../src/storage/local-store.js';
import { add, metaData, protocol, schemaString } from './helpers/log-builder.js';
import { writeParquet } from '../../src/storage/parquet/write-parquet.js';
import * as arrow from 'apache-arrow';

describe('file locations', () => {
  it('relativises URIs under the root in either file: spelling', () => {
    const store = new LocalStore('/data/t');
    expect(resolveFileLocation(store, 'file:/data/t/a/b.parquet')).toEqual({ store, path: 'a/b.parquet' });
    expect(resolveFileLocation(store, 'file:///data/t/b.parquet').path).toBe('b.parquet');
    expect(resolveFileLocation(store, 'x/b.parquet')).toEqual({ store, path: 'x/b.parquet' });
    const other = resolveFileLocation(store, 'file:///elsewhere/c.parquet');
    expect(other.store.root).toBe('file:///elsewhere');
    expect(other.path).toBe('c.parquet');
  });

  it('reads a table whose adds use absolute paths outside the table folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltasql-abs-'));
    try {
      const bytes = writeParquet(new arrow.Table({ id: arrow.vectorFromArray(Int32Array.from([7, 8])) }));
      const store = new LocalStore(join(dir, 'table'));
      const outside = new LocalStore(join(dir, 'source'));
      await outside.put('part-0.parquet', bytes);
      const uri = pathToFileURL(join(dir, 'source', 'part-0.parquet')).href;
      const lines = [protocol(), metaData(schemaString([{ name: 'id', type: 'integer' }])), add(uri, bytes.length)];
      await store.put('_delta_log/00000000000000000000.json', new TextEncoder().encode(lines.map((l) => JSON.stringify(l)).join('\n')));
      const table = await DeltaTable.open(join(dir, 'table'));
      expect([...((await table.toArrow()).getChild('id')?.toArray() as Int32Array)]).toEqual([7, 8]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('canonical file keys', () => {
  it('treats file: spellings and absolute paths under the root as one file', async () => {
    const { canonicalFileKey } = await import('../../src/delta/file-location.js');
    expect(canonicalFileKey('file:///data/t', 'file:/data/t/a.parquet')).toBe('a.parquet');
    expect(canonicalFileKey('file:///data/t', 'file:///data/t/a.parquet')).toBe('a.parquet');
    expect(canonicalFileKey('file:///data/t', '/data/t/x/a.parquet')).toBe('x/a.parquet');
    expect(canonicalFileKey('file:///data/t', 'file:/other/a.parquet')).toBe('file:///other/a.parquet');
    expect(canonicalFileKey('s3://b/t', 's3a://b/t/a.parquet')).toBe('a.parquet');
    expect(canonicalFileKey('file:///data/t', 'time=10:00/a.parquet')).toBe('time=10:00/a.parquet');
  });

  it('a remove spelled as an absolute URI drops the relative add', async () => {
    const { MemoryStore } = await import('../../src/storage/memory-store.js');
    const { loadSnapshot } = await import('../../src/delta/snapshot.js');
    const { putCommit, remove } = await import('./helpers/log-builder.js');
    const store = new MemoryStore('canon-test/t');
    await putCommit(store, 0, [protocol(), metaData(schemaString([{ name: 'id', type: 'integer' }])), add('a.parquet', 1), add('b.parquet', 1)]);
    await putCommit(store, 1, [remove(`${store.root}/a.parquet`)]);
    expect((await loadSnapshot(store)).files().map((f) => f.path)).toEqual(['b.parquet']);
  });
});
