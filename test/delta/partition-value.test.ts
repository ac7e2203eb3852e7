/** Partition value serialization (PROTOCOL.md appendix) → typed scalars, and as scan columns. */
import { describe, expect, it } from 'vitest';
import { DeltaTable } from '../../src/api/delta-table.js';
import { parsePartitionValue } from '../../src/delta/partition-value.js';
import { canonicalRows } from './helpers/canonical-rows.js';
import { add, freshStore, metaData, protocol, putCommit, putIds, schemaString } from './helpers/log-builder.js';

describe('partition values', () => {
  it('parses every primitive type; "" and missing are null', () => {
    expect(parsePartitionValue('', { kind: 'int' }, 'c')).toBeNull();
    expect(parsePartitionValue(undefined, { kind: 'string' }, 'c')).toBeNull();
    expect(parsePartitionValue('-12', { kind: 'byte' }, 'c')).toBe(-12);
    expect(parsePartitionValue('9223372036854775807', { kind: 'long' }, 'c')).toBe(9223372036854775807n);
    expect(parsePartitionValue('2021.0', { kind: 'int' }, 'c')).toBe(2021);
    expect(parsePartitionValue('1.5', { kind: 'double' }, 'c')).toBe(1.5);
    expect(parsePartitionValue('NaN', { kind: 'double' }, 'c')).toBeNaN();
    expect(parsePartitionValue('-1.23', { kind: 'decimal', precision: 10, scale: 4 }, 'c')).toBe(-12300n);
    expect(parsePartitionValue('1E+2', { kind: 'decimal', precision: 10, scale: 1 }, 'c')).toBe(1000n);
    expect(parsePartitionValue('TRUE', { kind: 'boolean' }, 'c')).toBe(true);
    expect(parsePartitionValue('1970-01-02', { kind: 'date' }, 'c')).toBe(1);
    expect(parsePartitionValue('1969-12-31', { kind: 'date' }, 'c')).toBe(-1);
    expect(parsePartitionValue('1970-01-01 00:00:01.5', { kind: 'timestamp_ntz' }, 'c')).toBe(1500000n);
    expect(parsePartitionValue('1970-01-01 00:00:00.123456', { kind: 'timestamp' }, 'c')).toBe(123456n);
    expect(parsePartitionValue('1970-01-01T01:00:00.000001Z', { kind: 'timestamp' }, 'c')).toBe(3600000001n);
    expect(parsePartitionValue('1970-01-01T01:00:00+01:00', { kind: 'timestamp' }, 'c')).toBe(0n);
    expect(parsePartitionValue('\u0001\u0002', { kind: 'binary' }, 'c')).toEqual(new Uint8Array([1, 2]));
    expect(() => parsePartitionValue('abc', { kind: 'int' }, 'col')).toThrow(/'abc'.*'col'/);
    expect(() => parsePartitionValue('300', { kind: 'byte' }, 'col')).toThrow(/'300'/);
  });

  it('become typed constant columns, read from URI-encoded paths', async () => {
    const store = freshStore();
    const size1 = await putIds(store, 'p=a b/d=1970-01-02/f1.parquet', [1, 2]);
    const size2 = await putIds(store, 'p=__HIVE_DEFAULT_PARTITION__/f2.parquet', [3]);
    const schema = schemaString([
      { name: 'id', type: 'integer' },
      { name: 'p', type: 'string' },
      { name: 'd', type: 'date' },
      { name: 'dec', type: 'decimal(5,2)' },
    ]);
    await putCommit(store, 0, [
      protocol(),
      metaData(schema, ['p', 'd', 'dec']),
      add('p=a%20b/d=1970-01-02/f1.parquet', size1, { partitionValues: { p: 'a b', d: '1970-01-02', dec: '1.5' } }),
      add('p=__HIVE_DEFAULT_PARTITION__/f2.parquet', size2, { partitionValues: { p: null, d: '', dec: null } }),
    ]);
    const table = await DeltaTable.fromStore(store);
    expect(table.files().map((f) => f.path).sort()).toEqual(['p=__HIVE_DEFAULT_PARTITION__/f2.parquet', 'p=a b/d=1970-01-02/f1.parquet']);
    const data = await table.toArrow();
    expect(canonicalRows(data.batches, ['id', 'p', 'd', 'dec'])).toEqual([
      '["1","a b","1970-01-02","1.50"]',
      '["2","a b","1970-01-02","1.50"]',
      '["3",null,null,null]',
    ]);
  });
});
