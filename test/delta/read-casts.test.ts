/**
 * Reading files whose physical types differ from the table schema: type widening, timestamp
 * units, schema evolution (missing columns), and column mapping by id and by name, nested.
 */
import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { DeltaTable } from '../../src/api/delta-table.js';
import { writeParquet } from '../../src/storage/parquet/write-parquet.js';
import { canonicalRows } from './helpers/canonical-rows.js';
import { add, freshStore, metaData, protocol, putCommit, schemaString } from './helpers/log-builder.js';

function field(name: string, type: arrow.DataType, metadata: Record<string, string> = {}): arrow.Field {
  return new arrow.Field(name, type, true, new Map(Object.entries(metadata)));
}

async function putTable(store: ReturnType<typeof freshStore>, path: string, table: arrow.Table): Promise<number> {
  const bytes = writeParquet(table);
  await store.put(path, bytes);
  return bytes.length;
}

describe('casts on read', () => {
  it('widens types and converts timestamp units; missing columns read as null', async () => {
    const store = freshStore();
    const ms = arrow.vectorFromArray([1_000n, -1n], new arrow.TimestampMillisecond('UTC'));
    const table = new arrow.Table({
      b: arrow.vectorFromArray(Int8Array.from([1, -2])),
      i: arrow.vectorFromArray(Int32Array.from([3, 2147483647])),
      f: arrow.vectorFromArray(Float32Array.from([3.4, 1])),
      d: arrow.vectorFromArray([new Date(86400000), new Date(-86400000)], new arrow.DateDay()),
      ts: ms,
      dec: arrow.vectorFromArray(Int32Array.from([12, -3])),
    });
    const size = await putTable(store, 'a.parquet', table);
    const schema = schemaString([
      { name: 'b', type: 'long' },
      { name: 'i', type: 'double' },
      { name: 'f', type: 'double' },
      { name: 'd', type: 'timestamp_ntz' },
      { name: 'ts', type: 'timestamp' },
      { name: 'dec', type: 'decimal(10,2)' },
      { name: 'added_later', type: 'string' },
    ]);
    await putCommit(store, 0, [protocol(3, 7, ['typeWidening', 'timestampNtz']), metaData(schema), add('a.parquet', size)]);
    const t = await DeltaTable.fromStore(store);
    const data = await t.toArrow();
    expect(data.schema.fields.map((f) => String(f.type))).toEqual([
      'Int64', 'Float64', 'Float64', 'Timestamp<MICROSECOND>', 'Timestamp<MICROSECOND, UTC>', 'Decimal[10e+2]', 'Utf8',
    ]);
    expect(canonicalRows(data.batches, ['b', 'i', 'f', 'd', 'ts', 'dec', 'added_later'])).toEqual([
      '["-2","2147483647","1","1969-12-31T00:00:00","1969-12-31T23:59:59.999","-3.00",null]',
      '["1","3","3.4000000953674316","1970-01-02T00:00:00","1970-01-01T00:00:01","12.00",null]',
    ]);
  });

  it('resolves columns by field id in id mode and by physical name in name mode, nested', async () => {
    const inner = new arrow.Struct([field('col-inner', new arrow.Int32(), { 'PARQUET:field_id': '3' })]);
    const parquetSchema = new arrow.Schema([
      field('col-a', new arrow.Int32(), { 'PARQUET:field_id': '1' }),
      field('col-s', inner, { 'PARQUET:field_id': '2' }),
    ]);
    const s = arrow.makeData({ type: inner, length: 2, nullCount: 0, children: [arrow.makeData({ type: new arrow.Int32(), data: Int32Array.from([10, 20]) })] });
    const a = arrow.makeData({ type: new arrow.Int32(), data: Int32Array.from([1, 2]) });
    const batch = new arrow.RecordBatch(parquetSchema, arrow.makeData({ type: new arrow.Struct(parquetSchema.fields), length: 2, nullCount: 0, children: [a, s] }));
    const cm = (id: number, physical: string): Record<string, unknown> => ({ 'delta.columnMapping.id': id, 'delta.columnMapping.physicalName': physical });
    for (const mode of ['id', 'name'] as const) {
      const store = freshStore();
      const size = await putTable(store, 'a.parquet', new arrow.Table([batch]));
      // In id mode the physical names in the schema are deliberately wrong: ids must win.
      const phys = (p: string): string => (mode === 'id' ? `${p}-renamed` : p);
      const schema = schemaString([
        { name: 'A', type: 'integer', metadata: cm(1, phys('col-a')) },
        { name: 'S', type: { type: 'struct', fields: [{ name: 'Inner', type: 'integer', nullable: true, metadata: cm(3, phys('col-inner')) }] }, metadata: cm(2, phys('col-s')) },
        { name: 'Gone', type: 'integer', metadata: cm(9, 'col-gone') },
      ]);
      await putCommit(store, 0, [protocol(2, 5), metaData(schema, [], { 'delta.columnMapping.mode': mode }), add('a.parquet', size)]);
      const data = await (await DeltaTable.fromStore(store)).toArrow();
      expect(data.schema.fields.map((f) => f.name)).toEqual(['A', 'S', 'Gone']);
      expect(canonicalRows(data.batches, ['A', 'S', 'Gone'])).toEqual(['["1",{"Inner":"10"},null]', '["2",{"Inner":"20"},null]']);
    }
  });
});
