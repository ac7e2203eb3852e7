import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as arrow from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { INT, LONG, STRING, field } from '../../src/common/types/data-type.js';
import { DeltaSqlError } from '../../src/common/errors.js';
import { loadSnapshot } from '../../src/delta/snapshot.js';
import { createDeltaTable, writeDeltaTable } from '../../src/delta/write/index.js';
import { validateDeltaTable } from '../helpers/protocol-validator.js';
import { cleanupTempDirs, column, readTableRows, storeAt, tempTableDir } from './helpers.js';

afterAll(cleanupTempDirs);

const ids = (values: (number | null)[]): arrow.Vector => column(new arrow.Int32(), values);
const strs = (values: (string | null)[]): arrow.Vector => arrow.vectorFromArray(values, new arrow.Utf8());

async function tableWithOneRow(): Promise<string> {
  const dir = tempTableDir('dw-fail-');
  await createDeltaTable(storeAt(dir), { schema: [field('id', INT, false), field('name', STRING)], partitionColumns: [], mode: 'create' });
  await writeDeltaTable(storeAt(dir), new arrow.Table({ id: ids([1]), name: strs(['one']) }), { mode: 'append' });
  return dir;
}

/** Data files on disk (outside _delta_log). */
function dataFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.parquet') && !p.startsWith('_delta_log'));
}

async function expectUnchanged(dir: string, write: () => Promise<unknown>, code: string): Promise<DeltaSqlError> {
  const before = await loadSnapshot(storeAt(dir));
  const filesBefore = dataFiles(dir);
  const error = await write().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeltaSqlError);
  expect((error as DeltaSqlError).code).toBe(code);
  const after = await loadSnapshot(storeAt(dir));
  expect(after.version).toBe(before.version);
  expect(await readTableRows(dir)).toEqual([{ id: 1, name: 'one' }]);
  expect(dataFiles(dir).sort()).toEqual(filesBefore.sort());
  expect(validateDeltaTable(dir)).toEqual([]);
  return error as DeltaSqlError;
}

async function* batches(...tables: arrow.Table[]): AsyncGenerator<arrow.RecordBatch> {
  for (const t of tables) yield* t.batches;
}

describe('a write that fails halfway leaves the table unchanged', () => {
  it('NOT NULL violation in a later batch', async () => {
    const dir = await tableWithOneRow();
    const error = await expectUnchanged(
      dir,
      () => writeDeltaTable(storeAt(dir), batches(new arrow.Table({ id: ids([2, 3]), name: strs(['a', 'b']) }), new arrow.Table({ id: ids([4, null]), name: strs(['c', 'd']) })), { mode: 'append' }),
      'NOT_NULL_VIOLATED',
    );
    expect(error.message).toBe('NOT NULL constraint violated for column: id');
  });

  it('schema mismatch: a column of another type, or an unknown column', async () => {
    const dir = await tableWithOneRow();
    const e1 = await expectUnchanged(dir, () => writeDeltaTable(storeAt(dir), new arrow.Table({ id: strs(['x']), name: strs(['a']) }), { mode: 'append' }), 'SCHEMA_MISMATCH');
    expect(e1.message).toContain("column 'id' has type int in the table but string");
    const e2 = await expectUnchanged(dir, () => writeDeltaTable(storeAt(dir), new arrow.Table({ id: ids([2]), extra: strs(['a']) }), { mode: 'append' }), 'SCHEMA_MISMATCH');
    expect(e2.message).toContain("column 'extra' is not in the table schema");
  });

  it('an error thrown while producing batches, after a data file was already written', async () => {
    const dir = tempTableDir('dw-fail-');
    // A 1-byte target file size makes every batch go to its own file at once.
    await createDeltaTable(storeAt(dir), { schema: [field('id', INT, false), field('name', STRING)], properties: { 'delta.targetFileSize': '1' }, mode: 'create' });
    await writeDeltaTable(storeAt(dir), new arrow.Table({ id: ids([1]), name: strs(['one']) }), { mode: 'append' });
    let yielded = 0;
    async function* failing(): AsyncGenerator<arrow.RecordBatch> {
      yield* new arrow.Table({ id: ids([2]), name: strs(['a']) }).batches;
      yielded++;
      throw new DeltaSqlError('DIVIDE_BY_ZERO', 'division by zero');
    }
    await expectUnchanged(dir, () => writeDeltaTable(storeAt(dir), failing(), { mode: 'append' }), 'DIVIDE_BY_ZERO');
    expect(yielded).toBe(1);
  });

  it('a failing CHECK hook from the caller', async () => {
    const dir = await tableWithOneRow();
    const hooks = {
      validateBatch: (b: arrow.RecordBatch): void => {
        if (b.numRows > 1) throw new DeltaSqlError('CHECK_CONSTRAINT_VIOLATED', 'CHECK constraint small violated');
      },
    };
    await expectUnchanged(dir, () => writeDeltaTable(storeAt(dir), new arrow.Table({ id: ids([7, 8]), name: strs(['a', 'b']) }), { mode: 'append', hooks }), 'CHECK_CONSTRAINT_VIOLATED');
  });
});

describe('schema enforcement and evolution', () => {
  it('accepts safe upcasts, missing nullable columns and any column order', async () => {
    const dir = tempTableDir('dw-schema-');
    await createDeltaTable(storeAt(dir), { schema: [field('id', LONG), field('name', STRING), field('n', INT)], mode: 'create' });
    const input = new arrow.Table({ NAME: strs(['a']), id: column(new arrow.Int16(), [5]) });
    await writeDeltaTable(storeAt(dir), input, { mode: 'append' });
    expect(await readTableRows(dir)).toEqual([{ id: '5', name: 'a', n: null }]);
    expect(validateDeltaTable(dir)).toEqual([]);
  });

  it('adds new columns with mergeSchema', async () => {
    const dir = await tableWithOneRow();
    const r = await writeDeltaTable(storeAt(dir), new arrow.Table({ id: ids([2]), extra: strs(['new']) }), { mode: 'append', mergeSchema: true });
    expect(r.version).toBe(2);
    const snapshot = await loadSnapshot(storeAt(dir));
    expect(snapshot.schema.map((f) => f.name)).toEqual(['id', 'name', 'extra']);
    const rows = (await readTableRows(dir)).sort((a, b) => Number(a['id']) - Number(b['id']));
    expect(rows).toEqual([
      { id: 1, name: 'one', extra: null },
      { id: 2, name: null, extra: 'new' },
    ]);
    expect(validateDeltaTable(dir)).toEqual([]);
  });
});

describe('protocol upgrade on schema evolution', () => {
  it('adding a timestamp_ntz column with mergeSchema moves the table to table features', async () => {
    const dir = await tableWithOneRow();
    const t = column(new arrow.TimestampMicrosecond(), [5n]);
    await writeDeltaTable(storeAt(dir), new arrow.Table({ id: ids([2]), t }), { mode: 'append', mergeSchema: true });
    const snapshot = await loadSnapshot(storeAt(dir));
    expect(snapshot.protocol).toMatchObject({ minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ['timestampNtz'] });
    expect([...(snapshot.protocol.writerFeatures ?? [])].sort()).toEqual(['appendOnly', 'invariants', 'timestampNtz']);
    expect(validateDeltaTable(dir)).toEqual([]);
  });
});
