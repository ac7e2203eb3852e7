import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as arrow from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDeltaTable } from '../../src/delta/write/index.js';
import { validateDeltaTable } from '../helpers/protocol-validator.js';
import { cleanupTempDirs, column, readTableRows, sortRows, storeAt, tableRows, tempTableDir } from './helpers.js';

afterAll(cleanupTempDirs);

const utf8 = (values: (string | null)[]): arrow.Vector => arrow.vectorFromArray(values, new arrow.Utf8());

function everyTypeTable(): arrow.Table {
  const n = 4;
  const structType = new arrow.Struct([new arrow.Field('a', new arrow.Int32(), true), new arrow.Field('b', new arrow.Utf8(), true)]);
  const listType = new arrow.List(new arrow.Field('element', new arrow.Int32(), true));
  const mapType = new arrow.Map_(
    new arrow.Field('entries', new arrow.Struct<{ key: arrow.Utf8; value: arrow.Int32 }>([new arrow.Field('key', new arrow.Utf8(), false), new arrow.Field('value', new arrow.Int32(), true)]), false),
  );
  return new arrow.Table({
    id: column(new arrow.Int32(), [1, 2, 3, 4]),
    bool: arrow.vectorFromArray([true, false, null, true], new arrow.Bool()),
    byte: column(new arrow.Int8(), [-128, 0, null, 127]),
    short: column(new arrow.Int16(), [-32768, 1, null, 32767]),
    long: column(new arrow.Int64(), [-9223372036854775808n, 0n, null, 9223372036854775807n]),
    float: column(new arrow.Float32(), [1.5, -2.25, null, 0]),
    double: column(new arrow.Float64(), [Math.PI, -1e300, null, 0.1]),
    dec38: column(new arrow.Decimal(18, 38, 128), [10n ** 37n + 123n, -(10n ** 36n), null, 1n]),
    dec10: column(new arrow.Decimal(2, 10, 128), [12345n, -1n, null, 0n]),
    str: utf8(['héllo', '', null, 'x'.repeat(40)]),
    bin: arrow.vectorFromArray([new Uint8Array([0, 255, 7]), new Uint8Array([]), null, new Uint8Array([1])], new arrow.Binary()),
    date: column(new arrow.DateDay(), [0, -1, null, 19000]),
    ts: column(new arrow.TimestampMicrosecond('UTC'), [1700000000123456n, -1n, null, 0n]),
    ts_ntz: column(new arrow.TimestampMicrosecond(), [1700000000123456n, 86400000000n, null, 5n]),
    st: arrow.vectorFromArray([{ a: 1, b: 'x' }, { a: null, b: 'y' }, null, { a: 4, b: null }], structType),
    arr: arrow.vectorFromArray([[1, 2], [], null, [null, 3]], listType),
    map: arrow.vectorFromArray([new Map([['k', 1]]), new Map(), null, new Map([['a', null], ['b', 2]])], mapType),
    part: utf8(['a', null, 'a', 'b/c=d']),
  }).slice(0, n);
}

describe('round trips through the Delta writer and reader', () => {
  it('writes every type and reads it back identically, with valid stats and paths', async () => {
    const dir = tempTableDir();
    const input = everyTypeTable();
    const result = await writeDeltaTable(storeAt(dir), input, { mode: 'append', partitionBy: ['part'] });
    expect(result.version).toBe(0);
    expect(result.metrics.numOutputRows).toBe(4);
    expect(result.metrics.numFiles).toBe(3);
    expect(validateDeltaTable(dir)).toEqual([]);
    const back = sortRows(await readTableRows(dir), 'id');
    expect(back).toEqual(sortRows(tableRows(input), 'id'));

    const log = readFileSync(path.join(dir, '_delta_log', '00000000000000000000.json'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, Record<string, unknown>>);
    expect(Object.keys(log[0] ?? {})).toEqual(['commitInfo']);
    const protocol = log.find((l) => l['protocol'])?.['protocol'];
    expect(protocol).toEqual({ minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ['timestampNtz'], writerFeatures: ['timestampNtz'] });
    const adds = log.filter((l) => l['add']).map((l) => l['add'] as Record<string, unknown>);
    const nullPart = adds.find((a) => (a['partitionValues'] as Record<string, unknown>)['part'] === null);
    expect(String(nullPart?.['path'])).toMatch(/^part=__HIVE_DEFAULT_PARTITION__\/part-\d{5}-[0-9a-f-]{36}\.c000\.zstd\.parquet$/);
    const escaped = adds.find((a) => (a['partitionValues'] as Record<string, unknown>)['part'] === 'b/c=d');
    expect(String(escaped?.['path'])).toMatch(/^part=b%252Fc%253Dd\//);
    const statsA = JSON.parse(String(adds.find((a) => (a['partitionValues'] as Record<string, unknown>)['part'] === 'a')?.['stats'])) as Record<string, Record<string, unknown>>;
    expect(statsA['numRecords']).toBe(2);
    expect(statsA['minValues']?.['ts']).toBe('2023-11-14T22:13:20.123Z');
    expect(statsA['maxValues']?.['ts']).toBe('2023-11-14T22:13:20.124Z');
    expect(statsA['minValues']?.['ts_ntz']).toBe('2023-11-14T22:13:20.123');
    expect(statsA['nullCount']).toMatchObject({ bool: 1, byte: 1, st: { a: 1, b: 1 }, arr: 1, map: 1 });
    expect(statsA['minValues']?.['st']).toEqual({ a: 1, b: 'x' });
    expect(statsA['minValues']?.['part']).toBeUndefined();
    const rawStats = String(adds.find((a) => (a['partitionValues'] as Record<string, unknown>)['part'] === 'a')?.['stats']);
    expect(rawStats).toContain('"dec38":10000000000000000000.000000000000000123');
    expect(rawStats).toContain('"long":-9223372036854775808');
  });

  it('truncates long strings in stats with a correct upper bound', async () => {
    const dir = tempTableDir();
    const long = 'a'.repeat(31) + 'bz' + 'q'.repeat(10);
    await writeDeltaTable(storeAt(dir), new arrow.Table({ s: utf8([long, 'a']) }), { mode: 'append' });
    const add = readFileSync(path.join(dir, '_delta_log', '00000000000000000000.json'), 'utf8').split('\n').find((l) => l.includes('"add"')) ?? '';
    const stats = JSON.parse(String((JSON.parse(add) as { add: { stats: string } }).add.stats)) as { minValues: { s: string }; maxValues: { s: string } };
    expect(stats.minValues.s).toBe('a');
    expect(stats.maxValues.s).toBe('a'.repeat(31) + 'c');
    expect(stats.maxValues.s > long).toBe(true);
    expect(validateDeltaTable(dir)).toEqual([]);
  });

  it('round-trips timestamp and date partition values', async () => {
    const dir = tempTableDir();
    const input = new arrow.Table({
      v: column(new arrow.Int32(), [1, 2, 3]),
      d: column(new arrow.DateDay(), [0, null, 19000]),
      t: column(new arrow.TimestampMicrosecond('UTC'), [1500000n, 0n, null]),
    });
    await writeDeltaTable(storeAt(dir), input, { mode: 'append', partitionBy: ['d', 't'] });
    expect(validateDeltaTable(dir)).toEqual([]);
    expect(sortRows(await readTableRows(dir), 'v')).toEqual(tableRows(input));
    const text = readFileSync(path.join(dir, '_delta_log', '00000000000000000000.json'), 'utf8');
    expect(text).toContain('"partitionValues":{"d":"1970-01-01","t":"1970-01-01T00:00:01.500000Z"}');
    expect(text).toContain('d=1970-01-01/t=1970-01-01T00%253A00%253A01.500000Z/');
  });
});
