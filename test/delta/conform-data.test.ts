/** Physical → table type casts on Arrow data, independent of Parquet files. */
import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { conformData } from '../../src/delta/arrow/conform-data.js';
import { takeData } from '../../src/delta/arrow/take-data.js';
import { canonData } from './helpers/canonical-rows.js';

const byName = (t: { name: string }, c: readonly arrow.Field[]): number => c.findIndex((f) => f.name === t.name);

describe('conformData', () => {
  it('string views, large strings and dictionaries become Utf8', () => {
    const views = new Uint8Array(32);
    const dv = new DataView(views.buffer);
    dv.setInt32(0, 3, true);
    views.set(new TextEncoder().encode('abc'), 4);
    const long = new TextEncoder().encode('a string longer than twelve');
    dv.setInt32(16, long.length, true);
    dv.setInt32(24, 0, true);
    dv.setInt32(28, 0, true);
    const viewData = new arrow.Data(new arrow.Utf8View(), 0, 2, 0, [undefined, views, undefined] as never, [], undefined, [long]);
    expect(canonData(conformData(viewData, { kind: 'string' }, byName))).toEqual(['abc', 'a string longer than twelve']);

    const large = arrow.vectorFromArray(['x', null, 'yz'], new arrow.LargeUtf8()).data[0];
    expect(large && canonData(conformData(large, { kind: 'string' }, byName))).toEqual(['x', null, 'yz']);

    const dict = arrow.vectorFromArray(['p', 'q', 'p', null], new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32())).data[0];
    expect(dict && canonData(conformData(dict, { kind: 'string' }, byName))).toEqual(['p', 'q', 'p', null]);
  });

  it('nanosecond timestamps floor to microseconds; unsigned ints widen', () => {
    const ns = arrow.makeData({ type: new arrow.TimestampNanosecond(), data: BigInt64Array.from([1_999n, -1n]) });
    const out = conformData(ns, { kind: 'timestamp' }, byName);
    expect([...(out.values as BigInt64Array)]).toEqual([1n, -1n]);
    expect(String(out.type)).toBe('Timestamp<MICROSECOND, UTC>');
    const u32 = arrow.makeData({ type: new arrow.Uint32(), data: Uint32Array.from([4294967295]) });
    expect([...(conformData(u32, { kind: 'long' }, byName).values as BigInt64Array)]).toEqual([4294967295n]);
  });

  it('rescales decimals and keeps nulls through take', () => {
    const words = new Uint32Array([12345, 0, 0, 0, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]);
    const dec = arrow.makeData({ type: new arrow.Decimal(2, 5, 128), data: words, nullBitmap: Uint8Array.from([0b01]), nullCount: 1, length: 2 });
    const widened = conformData(dec, { kind: 'decimal', precision: 10, scale: 4 }, byName);
    expect(canonData(widened)).toEqual(['123.4500', null]);
    expect(canonData(takeData(widened, Int32Array.from([1, 0])))).toEqual([null, '123.4500']);
  });

  it('take keeps list, map and struct rows', () => {
    const list = arrow.vectorFromArray([[1, 2], null, [3]], new arrow.List(new arrow.Field('element', new arrow.Int32()))).data[0];
    expect(list && canonData(takeData(list, Int32Array.from([0, 2])))).toEqual([['1', '2'], ['3']]);
    const struct = arrow.vectorFromArray([{ a: 'x' }, { a: 'y' }], new arrow.Struct([new arrow.Field('a', new arrow.Utf8())])).data[0];
    expect(struct && canonData(takeData(struct, Int32Array.from([1])))).toEqual([{ a: 'y' }]);
  });
});
