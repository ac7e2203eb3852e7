/**
 * A classic Parquet checkpoint written here (Spark's layout: one struct column per action kind)
 * with partition-value maps, deletion vectors and `stats_parsed` instead of JSON stats.
 */
import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/delta/snapshot.js';
import { writeParquet } from '../../src/storage/parquet/write-parquet.js';
import { add, freshStore, pad20, putCommit, schemaString } from './helpers/log-builder.js';

const F = (name: string, type: arrow.DataType): arrow.Field => new arrow.Field(name, type, true);
const strMap = (): arrow.Map_ =>
  new arrow.Map_(new arrow.Field('entries', new arrow.Struct([new arrow.Field('key', new arrow.Utf8(), false), F('value', new arrow.Utf8())]), false));

const SCHEMA = schemaString([
  { name: 'id', type: 'long' },
  { name: 'p', type: 'string' },
]);

function checkpoint(): arrow.Table {
  const protocolT = new arrow.Struct([F('minReaderVersion', new arrow.Int32()), F('minWriterVersion', new arrow.Int32()), F('readerFeatures', new arrow.List(F('element', new arrow.Utf8()))), F('writerFeatures', new arrow.List(F('element', new arrow.Utf8())))]);
  const metaT = new arrow.Struct([F('id', new arrow.Utf8()), F('schemaString', new arrow.Utf8()), F('partitionColumns', new arrow.List(F('element', new arrow.Utf8()))), F('configuration', strMap())]);
  const dvT = new arrow.Struct([F('storageType', new arrow.Utf8()), F('pathOrInlineDv', new arrow.Utf8()), F('offset', new arrow.Int32()), F('sizeInBytes', new arrow.Int32()), F('cardinality', new arrow.Int64())]);
  const statsT = new arrow.Struct([F('numRecords', new arrow.Int64()), F('minValues', new arrow.Struct([F('id', new arrow.Int64())])), F('maxValues', new arrow.Struct([F('id', new arrow.Int64())]))]);
  const addT = new arrow.Struct([F('path', new arrow.Utf8()), F('partitionValues', strMap()), F('size', new arrow.Int64()), F('modificationTime', new arrow.Int64()), F('dataChange', new arrow.Bool()), F('stats', new arrow.Utf8()), F('deletionVector', dvT), F('stats_parsed', statsT)]);
  const removeT = new arrow.Struct([F('path', new arrow.Utf8()), F('deletionTimestamp', new arrow.Int64()), F('dataChange', new arrow.Bool())]);
  const txnT = new arrow.Struct([F('appId', new arrow.Utf8()), F('version', new arrow.Int64())]);
  const n = 6;
  const col = <T>(at: number, v: T): (T | null)[] => Array.from({ length: n }, (_, i) => (i === at ? v : null));
  const adds: unknown[] = [null, null, null, null, null, null];
  adds[2] = { path: 'p=x/a.parquet', partitionValues: new Map([['p', 'x']]), size: 10n, modificationTime: 5n, dataChange: false, stats: null, deletionVector: null, stats_parsed: { numRecords: 3n, minValues: { id: 1n }, maxValues: { id: 3n } } };
  adds[3] = { path: 'p=__HIVE_DEFAULT_PARTITION__/b.parquet', partitionValues: new Map([['p', null]]), size: 20n, modificationTime: 6n, dataChange: false, stats: '{"numRecords":4}', deletionVector: { storageType: 'u', pathOrInlineDv: 'ab^-aqEH.-t@S}K{vb[*k^', offset: 1, sizeInBytes: 40, cardinality: 2n }, stats_parsed: null };
  return new arrow.Table({
    protocol: arrow.vectorFromArray(col(0, { minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ['deletionVectors'], writerFeatures: ['deletionVectors'] }), protocolT),
    metaData: arrow.vectorFromArray(col(1, { id: 'cp', schemaString: SCHEMA, partitionColumns: ['p'], configuration: new Map([['k', 'v']]) }), metaT),
    add: arrow.vectorFromArray(adds, addT),
    remove: arrow.vectorFromArray(col(4, { path: 'old.parquet', deletionTimestamp: 1n, dataChange: true }), removeT),
    txn: arrow.vectorFromArray(col(5, { appId: 'stream', version: 42n }), txnT),
  });
}

describe('Parquet checkpoints', () => {
  it('rebuild protocol, metadata, files (maps, DVs, stats_parsed), tombstones and txns', async () => {
    const store = freshStore();
    await store.put(`_delta_log/${pad20(1)}.checkpoint.parquet`, writeParquet(checkpoint()));
    await store.put('_delta_log/_last_checkpoint', new TextEncoder().encode('{"version":1,"size":6}'));
    await putCommit(store, 2, [add('p=y/c.parquet', 30, { partitionValues: { p: 'y' } })]);
    const s = await loadSnapshot(store);
    expect(s.version).toBe(2);
    expect(s.protocol.readerFeatures).toEqual(['deletionVectors']);
    expect(s.metadata.configuration).toEqual({ k: 'v' });
    expect(s.partitionColumns).toEqual(['p']);
    const files = Object.fromEntries(s.files().map((f) => [f.path, f]));
    expect(Object.keys(files).sort()).toEqual(['p=__HIVE_DEFAULT_PARTITION__/b.parquet', 'p=x/a.parquet', 'p=y/c.parquet']);
    const a = files['p=x/a.parquet'];
    expect(a?.size).toBe(10);
    expect(a?.typedPartitionValues).toEqual({ p: 'x' });
    expect(a?.stats).toMatchObject({ numRecords: 3, minValues: { id: 1 }, maxValues: { id: 3 } });
    const b = files['p=__HIVE_DEFAULT_PARTITION__/b.parquet'];
    expect(b?.typedPartitionValues).toEqual({ p: null });
    expect(b?.deletionVector).toMatchObject({ storageType: 'u', offset: 1, sizeInBytes: 40, cardinality: 2 });
    expect(b?.numRecords).toBe(4);
    expect(s.tombstones.map((r) => r.path)).toEqual(['old.parquet']);
    expect(s.txns.get('stream')?.version).toBe(42);
  });
});
