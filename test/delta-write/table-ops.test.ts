import * as arrow from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { DATE, INT, STRING, TIMESTAMP_NTZ, field, struct } from '../../src/common/types/data-type.js';
import { loadSnapshot } from '../../src/delta/snapshot.js';
import { readParquetFooter } from '../../src/storage/parquet/parquet-footer.js';
import { createDeltaTable, newTableActions, writeDeltaTable } from '../../src/delta/write/index.js';
import { validateDeltaTable } from '../helpers/protocol-validator.js';
import { cleanupTempDirs, column, readTableRows, storeAt, tempTableDir } from './helpers.js';

afterAll(cleanupTempDirs);

const ids = (values: (number | null)[]): arrow.Vector => column(new arrow.Int32(), values);
const strs = (values: (string | null)[]): arrow.Vector => arrow.vectorFromArray(values, new arrow.Utf8());
const rowsOf = async (dir: string): Promise<unknown[]> => (await readTableRows(dir)).map((r) => r['id']).sort();

describe('new table protocol', () => {
  const base = [field('id', INT), field('p', STRING)];
  it.each([
    ['plain', base, {}, { minReaderVersion: 1, minWriterVersion: 2 }],
    ['CHECK constraint', base, { 'delta.constraints.pos': 'id > 0' }, { minReaderVersion: 1, minWriterVersion: 3 }],
    ['generated column', [field('id', INT), field('g', INT, true, { 'delta.generationExpression': 'id + 1' })], {}, { minReaderVersion: 1, minWriterVersion: 4 }],
    ['change data feed', base, { 'delta.enableChangeDataFeed': 'true' }, { minReaderVersion: 1, minWriterVersion: 4 }],
    ['column mapping', base, { 'delta.columnMapping.mode': 'name' }, { minReaderVersion: 2, minWriterVersion: 5 }],
    ['timestamp_ntz', [field('t', TIMESTAMP_NTZ), field('id', INT)], {}, { minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ['timestampNtz'], writerFeatures: ['timestampNtz'] }],
    ['explicit feature + CHECK', base, { 'delta.feature.domainMetadata': 'supported', 'delta.constraints.c': 'id > 0' }, { minReaderVersion: 1, minWriterVersion: 7, writerFeatures: ['checkConstraints', 'domainMetadata'] }],
    ['deletion vectors + column mapping', base, { 'delta.enableDeletionVectors': 'true', 'delta.columnMapping.mode': 'id' }, { minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ['columnMapping', 'deletionVectors'], writerFeatures: ['columnMapping', 'deletionVectors'] }],
  ] as const)('%s', (_name, schema, properties, expected) => {
    const { protocol, metadata } = newTableActions({ schema, partitionColumns: [], properties });
    expect({ minReaderVersion: protocol.minReaderVersion, minWriterVersion: protocol.minWriterVersion, ...(protocol.readerFeatures ? { readerFeatures: protocol.readerFeatures } : {}), ...(protocol.writerFeatures ? { writerFeatures: protocol.writerFeatures } : {}) }).toEqual(expected);
    expect(Object.keys(metadata.configuration).some((k) => k.startsWith('delta.feature.'))).toBe(false);
  });

  it('refuses features it cannot write, by name, and keeps unknown properties', () => {
    expect(() => newTableActions({ schema: base, partitionColumns: [], properties: { 'delta.enableRowTracking': 'true' } })).toThrow(/'rowTracking'/);
    const { metadata } = newTableActions({ schema: base, partitionColumns: ['p'], properties: { 'my.custom': 'x', 'delta.appendOnly': 'false' } });
    expect(metadata.configuration).toEqual({ 'my.custom': 'x', 'delta.appendOnly': 'false' });
  });
});

describe('create, replace, overwrite and idempotent writes', () => {
  it('create / createIfNotExists / CREATE OR REPLACE keep one table with its history', async () => {
    const dir = tempTableDir('dw-create-');
    const store = storeAt(dir);
    expect(await createDeltaTable(store, { schema: [field('id', INT), field('s', STRING)], mode: 'create', description: 'first' })).toEqual({ version: 0, created: true });
    await expect(createDeltaTable(store, { schema: [field('id', INT)], mode: 'create' })).rejects.toMatchObject({ code: 'TABLE_ALREADY_EXISTS' });
    expect(await createDeltaTable(store, { schema: [field('id', INT)], mode: 'createIfNotExists' })).toEqual({ version: 0, created: false });
    await writeDeltaTable(store, new arrow.Table({ id: ids([1, 2]), s: strs(['a', 'b']) }), { mode: 'append' });
    const before = await loadSnapshot(store);
    const replaced = await createDeltaTable(store, { schema: [field('id', INT), field('d', DATE)], mode: 'createOrReplace' });
    expect(replaced.version).toBe(2);
    const after = await loadSnapshot(store);
    expect(after.metadata.id).toBe(before.metadata.id);
    expect(after.schema.map((f) => f.name)).toEqual(['id', 'd']);
    expect(after.fileCount).toBe(0);
    expect(await rowsOf(dir)).toEqual([]);
    expect(await readTableRows(dir, 1)).toHaveLength(2);
    expect(after.commitInfo?.operation).toBe('CREATE OR REPLACE TABLE');
    expect(validateDeltaTable(dir)).toEqual([]);
  });

  it('overwrite, replaceWhere on a partition, dynamic partition overwrite', async () => {
    const dir = tempTableDir('dw-over-');
    const store = storeAt(dir);
    await writeDeltaTable(store, new arrow.Table({ id: ids([1, 2, 3]), p: strs(['a', 'b', 'c']) }), { mode: 'append', partitionBy: ['p'] });
    await writeDeltaTable(store, new arrow.Table({ id: ids([10]), p: strs(['a']) }), {
      mode: 'overwrite',
      replaceWhere: { files: (f) => f.partitionValues['p'] === 'a', description: "p = 'a'" },
    });
    expect(await rowsOf(dir)).toEqual([10, 2, 3]);
    await writeDeltaTable(store, new arrow.Table({ id: ids([20]), p: strs(['b']) }), { mode: 'overwrite', partitionOverwriteMode: 'dynamic' });
    expect(await rowsOf(dir)).toEqual([10, 20, 3]);
    const r = await writeDeltaTable(store, new arrow.Table({ id: ids([30]), p: strs(['z']) }), { mode: 'overwrite' });
    expect(r.metrics.numRemovedFiles).toBe(3);
    expect(await rowsOf(dir)).toEqual([30]);
    const snapshot = await loadSnapshot(store);
    expect(snapshot.commitInfo?.raw['operationParameters']).toEqual({ mode: 'Overwrite', partitionBy: '["p"]' });
    expect(snapshot.commitInfo?.raw['isBlindAppend']).toBe(false);
    expect(String(snapshot.commitInfo?.raw['engineInfo'])).toMatch(/^deltasql\/\d+\.\d+\.\d+/);
    expect(validateDeltaTable(dir)).toEqual([]);
  });

  it('skips a write whose (appId, version) is already committed', async () => {
    const dir = tempTableDir('dw-txn-');
    const store = storeAt(dir);
    const data = new arrow.Table({ id: ids([1]) });
    const first = await writeDeltaTable(store, data, { mode: 'append', txn: { appId: 'sink', version: 0 } });
    const again = await writeDeltaTable(store, data, { mode: 'append', txn: { appId: 'sink', version: 0 } });
    expect(first.skipped).toBe(false);
    expect(again).toMatchObject({ skipped: true, version: first.version });
    const next = await writeDeltaTable(store, data, { mode: 'append', txn: { appId: 'sink', version: 1 } });
    expect(next).toMatchObject({ skipped: false, version: 1 });
    expect((await loadSnapshot(store)).txns.get('sink')?.version).toBe(1);
    expect(await rowsOf(dir)).toEqual([1, 1]);
    expect(validateDeltaTable(dir)).toEqual([]);
  });

  it('honours delta.appendOnly and refuses unsupported writer features', async () => {
    const dir = tempTableDir('dw-ao-');
    const store = storeAt(dir);
    await createDeltaTable(store, { schema: [field('id', INT)], properties: { 'delta.appendOnly': 'true' }, mode: 'create' });
    await writeDeltaTable(store, new arrow.Table({ id: ids([1]) }), { mode: 'append' });
    await expect(writeDeltaTable(store, new arrow.Table({ id: ids([2]) }), { mode: 'overwrite' })).rejects.toThrow(/only allow appends/);
    expect((await loadSnapshot(store)).protocol.minWriterVersion).toBe(2);
    const dir2 = tempTableDir('dw-chk-');
    await createDeltaTable(storeAt(dir2), { schema: [field('id', INT)], properties: { 'delta.constraints.pos': 'id > 0' }, mode: 'create' });
    await expect(writeDeltaTable(storeAt(dir2), new arrow.Table({ id: ids([1]) }), { mode: 'append' })).rejects.toThrow(/CHECK constraints needs a validation hook/);
  });

  it('writes physical names and field ids under column mapping, nested structs too', async () => {
    const dir = tempTableDir('dw-cm-');
    const store = storeAt(dir);
    const schema = [field('id', INT), field('my col', STRING), field('s', struct([field('x', INT)]))];
    await createDeltaTable(store, { schema, partitionColumns: ['my col'], properties: { 'delta.columnMapping.mode': 'name' }, mode: 'create' });
    const sType = new arrow.Struct([new arrow.Field('x', new arrow.Int32(), true)]);
    await writeDeltaTable(store, new arrow.Table({ id: ids([1, 2]), 'my col': strs(['a', null]), s: arrow.vectorFromArray([{ x: 5 }, null], sType) }), { mode: 'append' });
    const snapshot = await loadSnapshot(store);
    const physical = snapshot.partitionFields[0]?.physicalName ?? '';
    expect(physical).toMatch(/^col-/);
    expect(snapshot.files().every((f) => physical in f.partitionValues)).toBe(true);
    expect(snapshot.files().find((f) => f.partitionValues[physical] === 'a')?.add.stats).toMatch(/"col-[0-9a-f-]+":\{"col-[0-9a-f-]+":5\}/);
    const rows = (await readTableRows(dir)).sort((a, b) => Number(a['id']) - Number(b['id']));
    expect(rows).toEqual([
      { id: 1, 'my col': 'a', s: { x: 5 } },
      { id: 2, 'my col': null, s: null },
    ]);
    expect(validateDeltaTable(dir)).toEqual([]);
  });
});

describe('column mapping id mode', () => {
  it('writes Parquet field ids and physical names that the reader resolves', async () => {
    const dir = tempTableDir('dw-cmid-');
    const store = storeAt(dir);
    await createDeltaTable(store, { schema: [field('id', INT), field('s', struct([field('x', INT)]))], properties: { 'delta.columnMapping.mode': 'id' }, mode: 'create' });
    const sType = new arrow.Struct([new arrow.Field('x', new arrow.Int32(), true)]);
    await writeDeltaTable(store, new arrow.Table({ id: ids([7]), s: arrow.vectorFromArray([{ x: 8 }], sType) }), { mode: 'append' });
    const snapshot = await loadSnapshot(store);
    const file = snapshot.files()[0];
    const footer = await readParquetFooter(store, file?.path ?? '');
    const expected = snapshot.schema.map((f) => [f.metadata['delta.columnMapping.physicalName'], f.metadata['delta.columnMapping.id']]);
    const written = footer.schema.filter((n) => n.fieldId !== undefined && expected.some(([name]) => name === n.name)).map((n) => [n.name, n.fieldId]);
    expect(written).toEqual(expected);
    const sType2 = snapshot.schema[1]?.type;
    const nested = sType2?.kind === 'struct' ? sType2.fields[0]?.metadata : undefined;
    expect(footer.schema.some((n) => n.name === nested?.['delta.columnMapping.physicalName'] && n.fieldId === nested?.['delta.columnMapping.id'])).toBe(true);
    expect(await readTableRows(dir)).toEqual([{ id: 7, s: { x: 8 } }]);
    expect(validateDeltaTable(dir)).toEqual([]);
  });
});

describe('concurrent creation', () => {
  it('one CREATE wins; IF NOT EXISTS losers report the existing table; plain CREATE losers get TABLE_ALREADY_EXISTS', async () => {
    const dir = tempTableDir('dw-race-');
    const schema = [field('id', INT)];
    const results = await Promise.allSettled([
      ...Array.from({ length: 3 }, () => createDeltaTable(storeAt(dir), { schema, mode: 'createIfNotExists' })),
      ...Array.from({ length: 3 }, () => createDeltaTable(storeAt(dir), { schema, mode: 'create' })),
    ]);
    const created = results.filter((r) => r.status === 'fulfilled' && r.value.created);
    expect(created).toHaveLength(1);
    for (const r of results.slice(0, 3)) expect(r.status).toBe('fulfilled');
    for (const r of results.slice(3)) if (r.status === 'rejected') expect((r.reason as { code: string }).code).toBe('TABLE_ALREADY_EXISTS');
    expect((await loadSnapshot(storeAt(dir))).version).toBe(0);
    expect(validateDeltaTable(dir)).toEqual([]);
  });
});

describe('tables created by a write', () => {
  it('take the data schema as nullable, as Spark does (NOT NULL only comes from DDL)', async () => {
    const dir = tempTableDir('dw-nullable-');
    const sType = new arrow.Struct([new arrow.Field('x', new arrow.Int32(), false)]);
    const table = new arrow.Table({ id: arrow.makeVector(Int32Array.from([1])), s: arrow.vectorFromArray([{ x: 1 }], sType) });
    expect(table.schema.fields[0]?.nullable).toBe(false);
    await writeDeltaTable(storeAt(dir), table, { mode: 'append' });
    const schema = (await loadSnapshot(storeAt(dir))).schema;
    expect(schema.map((f) => f.nullable)).toEqual([true, true]);
    expect(schema[1]?.type).toEqual(struct([field('x', INT)]));
    await writeDeltaTable(storeAt(dir), new arrow.Table({ id: ids([null]) }), { mode: 'append' });
    expect(validateDeltaTable(dir)).toEqual([]);
  });
});
