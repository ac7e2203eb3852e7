import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readCell, tableCells, type Cell } from '../../src/slt/arrow-cells.js';
import { sparkSchemaText, sparkValueText } from '../../src/slt/spark-value-format.js';
import { formatSltValue } from '../../src/slt/value-format.js';
import { decimals, ints, longs, strings, table } from './canned-engine.js';

const sqlite = (cell: Cell, letter: string): string => formatSltValue(cell, letter, 'sqlite');
const df = (cell: Cell): string => formatSltValue(cell, '?', 'datafusion');
const int = (v: bigint): Cell => ({ t: 'int', v });
const dbl = (v: number): Cell => ({ t: 'float', v, single: false });
const str = (v: string): Cell => ({ t: 'string', v });

function cellsOf(vector: arrow.Vector): Cell[] {
  return vector.data.flatMap((d) => Array.from({ length: d.length }, (_, i) => readCell(d, i)));
}

describe('sqlite style (FORMAT.md §3): the type letter decides', () => {
  it('formats NULL and empty strings', () => {
    for (const letter of ['T', 'I', 'R']) expect(sqlite(null, letter)).toBe('NULL');
    expect(sqlite(str(''), 'T')).toBe('(empty)');
    expect(sqlite(str(''), 'I')).toBe('0');
    expect(sqlite(str(''), 'R')).toBe('0.000');
  });

  it('formats integers under each letter', () => {
    expect(sqlite(int(-5n), 'I')).toBe('-5');
    expect(sqlite(int(9223372036854775807n), 'I')).toBe('9223372036854775807');
    expect(sqlite(int(42n), 'T')).toBe('42');
    expect(sqlite(int(7n), 'R')).toBe('7.000');
  });

  it('truncates floats toward zero under I and uses %.3f with half-up under R', () => {
    expect(sqlite(dbl(2.5), 'I')).toBe('2');
    expect(sqlite(dbl(-2.9), 'I')).toBe('-2');
    expect(sqlite(dbl(0.0625), 'R')).toBe('0.063');
    expect(sqlite(dbl(1.0005), 'R')).toBe('1.001');
    expect(sqlite(dbl(-0), 'R')).toBe('0.000');
    expect(sqlite(dbl(-0.0001), 'R')).toBe('-0.000');
    expect(sqlite(dbl(-9223372036854775808), 'R')).toBe('-9223372036854776000.000');
    expect(sqlite(dbl(2 / 3), 'R')).toBe('0.667');
  });

  it('prints floats as %!.15g under T', () => {
    expect(sqlite(dbl(1), 'T')).toBe('1.0');
    expect(sqlite(dbl(0.1), 'T')).toBe('0.1');
    expect(sqlite(dbl(1e20), 'T')).toBe('1.0e+20');
    expect(sqlite(dbl(2 / 3), 'T')).toBe('0.666666666666667');
  });

  it('coerces strings like SQLite under I and R, and replaces unprintable bytes under T', () => {
    expect(sqlite(str('12abc'), 'I')).toBe('12');
    expect(sqlite(str('abc'), 'I')).toBe('0');
    expect(sqlite(str('-3.75x'), 'R')).toBe('-3.750');
    expect(sqlite(str('a\tb'), 'T')).toBe('a@b');
    expect(sqlite(str('é'), 'T')).toBe('@@'); // two UTF-8 bytes
    expect(sqlite(str('€'), 'T')).toBe('@@@');
  });

  it('renders booleans as 1/0 and decimals by letter', () => {
    expect(sqlite({ t: 'bool', v: true }, 'I')).toBe('1');
    expect(sqlite({ t: 'bool', v: false }, 'T')).toBe('0');
    expect(sqlite({ t: 'bool', v: true }, 'R')).toBe('1.000');
    const d: Cell = { t: 'decimal', unscaled: -12345n, scale: 2 };
    expect(sqlite(d, 'I')).toBe('-123');
    expect(sqlite(d, 'R')).toBe('-123.450');
    expect(sqlite(d, 'T')).toBe('-123.45');
  });
});

describe('datafusion style (FORMAT.md §7.1): the value type decides', () => {
  it('formats scalars', () => {
    expect(df(null)).toBe('NULL');
    expect(df(str(''))).toBe('(empty)');
    expect(df({ t: 'bool', v: true })).toBe('true');
    expect(df(dbl(1))).toBe('1');
    expect(df(dbl(0.1))).toBe('0.1');
    expect(df(dbl(2 / 3))).toBe('0.666666666667');
    expect(df(dbl(Number.NaN))).toBe('NaN');
    expect(df(dbl(-Infinity))).toBe('-Infinity');
    expect(df({ t: 'float', v: Math.fround(1.023), single: true })).toBe('1.023');
    expect(df({ t: 'decimal', unscaled: 150n, scale: 2 })).toBe('1.5');
    expect(df({ t: 'binary', v: new Uint8Array([0, 255, 16]) })).toBe('00ff10');
  });

  it('formats dates, timestamps and nested values like Arrow display', () => {
    expect(df({ t: 'date', days: 18262 })).toBe('2020-01-01');
    expect(df({ t: 'timestamp', micros: 1577836800000000n, zone: null })).toBe('2020-01-01T00:00:00');
    expect(df({ t: 'timestamp', micros: 1577836800123400n, zone: 'UTC' })).toBe('2020-01-01T00:00:00.1234Z');
    expect(df({ t: 'list', items: [int(1n), null, str('a')] })).toBe('[1, NULL, a]');
    expect(df({ t: 'struct', fields: [{ name: 'foo', value: str('bar') }] })).toBe('{foo: bar}');
    expect(df({ t: 'map', entries: [{ key: str('k'), value: int(2n) }] })).toBe('{k: 2}');
  });
});

describe('Spark style (FORMAT.md §8)', () => {
  const spark = (c: Cell): string => sparkValueText(c, 'America/Los_Angeles');
  it('formats like HiveResult.toHiveString', () => {
    expect(spark(null)).toBe('NULL');
    expect(spark(dbl(1))).toBe('1.0');
    expect(spark(dbl(1e-4))).toBe('1.0E-4');
    expect(spark(dbl(1.2345678901234567e19))).toBe('1.2345678901234567E19');
    expect(spark({ t: 'float', v: Math.fround(0.1), single: true })).toBe('0.1');
    expect(spark({ t: 'decimal', unscaled: 150n, scale: 2 })).toBe('1.50');
    expect(spark({ t: 'timestamp', micros: 1577836800500000n, zone: 'UTC' })).toBe('2019-12-31 16:00:00.5');
    expect(spark({ t: 'timestamp', micros: 1577836800000000n, zone: null })).toBe('2020-01-01 00:00:00');
    expect(spark({ t: 'list', items: [int(1n), int(2n)] })).toBe('[1,2]');
    expect(spark({ t: 'list', items: [str('a'), null] })).toBe('["a",null]');
    expect(spark({ t: 'struct', fields: [{ name: 'a', value: int(1n) }, { name: 'b', value: str('x') }] })).toBe('{"a":1,"b":"x"}');
    expect(spark({ t: 'map', entries: [{ key: int(2n), value: str('b') }, { key: int(1n), value: str('a') }] })).toBe('{1:"a",2:"b"}');
    expect(spark({ t: 'interval-ym', months: 14 })).toBe("INTERVAL '1-2' YEAR TO MONTH");
  });
});

describe('reading Arrow columns exactly', () => {
  it('reads Int64 beyond 2^53, Decimal128 with scale, and nulls', () => {
    expect(cellsOf(longs([9007199254740993n, null, -1n]))).toEqual([int(9007199254740993n), null, int(-1n)]);
    expect(cellsOf(decimals([123456789012345678901234567n, null, -5n], 38, 3))).toEqual([
      { t: 'decimal', unscaled: 123456789012345678901234567n, scale: 3 },
      null,
      { t: 'decimal', unscaled: -5n, scale: 3 },
    ]);
  });

  it('reads Date32, Timestamp µs with and without zone, Binary and Bool', () => {
    const date = arrow.vectorFromArray([new Date(Date.UTC(2020, 0, 1))], new arrow.DateDay());
    expect(cellsOf(date)).toEqual([{ t: 'date', days: 18262 }]);
    const tsz = arrow.vectorFromArray([1577836800000], new arrow.TimestampMicrosecond('UTC'));
    expect(cellsOf(tsz)).toEqual([{ t: 'timestamp', micros: 1577836800000000n, zone: 'UTC' }]);
    const ts = arrow.vectorFromArray([1577836800000], new arrow.TimestampMillisecond());
    expect(cellsOf(ts)).toEqual([{ t: 'timestamp', micros: 1577836800000000n, zone: null }]);
    expect(cellsOf(arrow.vectorFromArray([new Uint8Array([1, 2])], new arrow.Binary()))).toEqual([{ t: 'binary', v: new Uint8Array([1, 2]) }]);
    expect(cellsOf(arrow.vectorFromArray([true, null, false], new arrow.Bool()))).toEqual([{ t: 'bool', v: true }, null, { t: 'bool', v: false }]);
  });

  it('reads List, Struct and Map values', () => {
    const list = arrow.vectorFromArray([[1, 2], null, []], new arrow.List(new arrow.Field('item', new arrow.Int32(), true)));
    expect(cellsOf(list)).toEqual([{ t: 'list', items: [int(1n), int(2n)] }, null, { t: 'list', items: [] }]);
    const structType = new arrow.Struct([new arrow.Field('a', new arrow.Int32()), new arrow.Field('b', new arrow.Utf8())]);
    const struct = arrow.vectorFromArray([{ a: 1, b: 'x' }], structType);
    expect(cellsOf(struct)).toEqual([{ t: 'struct', fields: [{ name: 'a', value: int(1n) }, { name: 'b', value: str('x') }] }]);
    const mapType = new arrow.Map_(new arrow.Field('entries', new arrow.Struct<{ key: arrow.DataType; value: arrow.DataType }>([new arrow.Field('key', new arrow.Utf8(), false), new arrow.Field('value', new arrow.Int32())]), false));
    const map = arrow.vectorFromArray([new Map([['k', 1]])], mapType);
    expect(cellsOf(map)).toEqual([{ t: 'map', entries: [{ key: str('k'), value: int(1n) }] }]);
  });

  it('respects slices (offsets) of the underlying data', () => {
    const sliced = ints([1, null, 3, 4]).slice(1, 3);
    expect(cellsOf(sliced)).toEqual([null, int(3n)]);
    const s = strings(['a', 'bb', null, 'ccc']).slice(1);
    expect(cellsOf(s)).toEqual([str('bb'), null, str('ccc')]);
    const b = arrow.vectorFromArray([true, false, true, true, false, false, false, false, false, true], new arrow.Bool()).slice(9);
    expect(cellsOf(b)).toEqual([{ t: 'bool', v: true }]);
  });

  it('gives rows and the Spark schema line of a table', () => {
    const t = table({ a: ints([1, 2]), 'sum(v)': longs([3n, null]), d: decimals([150n, 0n], 10, 2) });
    expect(tableCells(t).rows).toEqual([
      [int(1n), int(3n), { t: 'decimal', unscaled: 150n, scale: 2 }],
      [int(2n), null, { t: 'decimal', unscaled: 0n, scale: 2 }],
    ]);
    expect(sparkSchemaText(t.schema)).toBe('struct<a:int,sum(v):bigint,d:decimal(10,2)>');
  });
});
