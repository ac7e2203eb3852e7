/** Bad input gets a typed DeltaSqlError naming what is wrong, never a crash. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeltaTable } from '../../src/api/delta-table.js';
import { DeltaSqlError } from '../../src/common/errors.js';
import { loadSnapshot } from '../../src/delta/snapshot.js';
import { add, commitInfo, freshStore, metaData, pad20, protocol, putCommit, putIds, schemaString } from './helpers/log-builder.js';

const SCHEMA = schemaString([{ name: 'id', type: 'integer' }]);

async function rejects(p: Promise<unknown>): Promise<DeltaSqlError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(DeltaSqlError);
    return error as DeltaSqlError;
  }
  throw new Error('expected a DeltaSqlError');
}

describe('bad input', () => {
  it('a folder without _delta_log is TABLE_NOT_FOUND', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltasql-empty-'));
    try {
      const error = await rejects(DeltaTable.open(dir));
      expect(error.code).toBe('TABLE_NOT_FOUND');
      expect(error.message).toContain('_delta_log');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a corrupt JSON line is CORRUPT_LOG naming the file and line', async () => {
    const store = freshStore();
    await putCommit(store, 0, [protocol(), metaData(SCHEMA)]);
    await store.put(`_delta_log/${pad20(1)}.json`, new TextEncoder().encode('{"commitInfo":{}}\n{"add": {"path": "x", \n'));
    const error = await rejects(loadSnapshot(store));
    expect(error.code).toBe('CORRUPT_LOG');
    expect(error.message).toContain(`${pad20(1)}.json`);
    expect(error.message).toContain('line 2');
  });

  it('a malformed known action is CORRUPT_LOG naming the field', async () => {
    const store = freshStore();
    await putCommit(store, 0, [protocol(), metaData(SCHEMA), { add: { path: 'a.parquet', size: 'big' } }]);
    const error = await rejects(loadSnapshot(store));
    expect(error.code).toBe('CORRUPT_LOG');
    expect(error.message).toMatch(/line 3: add\.size/);
  });

  it('unknown actions and unknown fields are ignored', async () => {
    const store = freshStore();
    const size = await putIds(store, 'a.parquet', [1, 2]);
    await putCommit(store, 0, [protocol(), metaData(SCHEMA), { futureAction: { x: 1 } }, add('a.parquet', size, { someNewField: [1] })]);
    const snapshot = await loadSnapshot(store);
    expect(snapshot.files().map((f) => f.path)).toEqual(['a.parquet']);
  });

  it('a missing data file is FILE_NOT_FOUND naming it', async () => {
    const store = freshStore();
    await putCommit(store, 0, [protocol(), metaData(SCHEMA), add('gone/part-0.parquet', 100)]);
    const table = await DeltaTable.fromStore(store);
    const error = await rejects(table.toArrow());
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toContain('gone/part-0.parquet');
  });

  it('an unsupported reader feature is PROTOCOL_UNSUPPORTED naming it', async () => {
    const store = freshStore();
    await putCommit(store, 0, [protocol(3, 7, ['deletionVectors', 'someFutureFeature']), metaData(SCHEMA)]);
    const error = await rejects(loadSnapshot(store));
    expect(error.code).toBe('PROTOCOL_UNSUPPORTED');
    expect(error.message).toContain('someFutureFeature');
    expect(error.message).not.toContain("'deletionVectors'");
  });

  it('a reader version above 3 is PROTOCOL_UNSUPPORTED', async () => {
    const store = freshStore();
    await putCommit(store, 0, [protocol(4, 7), metaData(SCHEMA)]);
    expect((await rejects(loadSnapshot(store))).code).toBe('PROTOCOL_UNSUPPORTED');
  });

  it('a version that does not exist is VERSION_NOT_FOUND naming the range', async () => {
    const store = freshStore();
    await putCommit(store, 0, [protocol(), metaData(SCHEMA)]);
    await putCommit(store, 1, [commitInfo()]);
    const error = await rejects(loadSnapshot(store, { version: 5 }));
    expect(error.code).toBe('VERSION_NOT_FOUND');
    expect(error.message).toContain('0 to 1');
  });

  it('a gap in the commits is CORRUPT_LOG', async () => {
    const store = freshStore();
    await putCommit(store, 0, [protocol(), metaData(SCHEMA)]);
    await putCommit(store, 2, [commitInfo()]);
    const error = await rejects(loadSnapshot(store));
    expect(error.code).toBe('CORRUPT_LOG');
    expect(error.message).toContain('missing commit 1');
  });

  it('an unknown column is UNKNOWN_COLUMN', async () => {
    const store = freshStore();
    await putCommit(store, 0, [protocol(), metaData(SCHEMA)]);
    const table = await DeltaTable.fromStore(store);
    expect((await rejects(table.toArrow({ columns: ['nope'] }))).code).toBe('UNKNOWN_COLUMN');
  });

  it('a bad schema type is named', async () => {
    const store = freshStore();
    await putCommit(store, 0, [protocol(), metaData(schemaString([{ name: 'x', type: 'hyperloglog' }]))]);
    const error = await rejects(loadSnapshot(store));
    expect(error.message).toContain('hyperloglog');
  });
});
