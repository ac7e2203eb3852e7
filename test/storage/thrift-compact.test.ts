import { describe, expect, it } from 'vitest';
import { DeltaSqlError } from '../../src/common/errors.js';
import {
  decodeThriftStruct,
  fieldBinary,
  fieldBool,
  fieldI32,
  fieldI64,
  fieldList,
  fieldString,
  fieldStruct,
  fieldStructList,
  unionMember,
} from '../../src/storage/parquet/thrift-compact.js';

/** Zigzag varint bytes of a (big) integer, as a compact-protocol writer emits them. */
function zigzag(value: bigint): number[] {
  let n = value >= 0n ? value << 1n : ((-value) << 1n) - 1n;
  const out: number[] = [];
  do {
    let b = Number(n & 0x7fn);
    n >>= 7n;
    if (n > 0n) b |= 0x80;
    out.push(b);
  } while (n > 0n);
  return out;
}

describe('Thrift compact decoder', () => {
  it('decodes scalars, short and long field headers, and nested containers', () => {
    const bytes = new Uint8Array([
      0x15, ...zigzag(-3n), // field 1: i32 -3 (delta 1)
      0x11, // field 2: bool true (delta 1)
      0x16, ...zigzag(-(2n ** 62n)), // field 3: i64
      0x18, 3, 0x61, 0x62, 0x63, // field 4: binary 'abc'
      0x05, ...zigzag(300n), ...zigzag(70000n), // field 300 (long form): i32 70000
      0x19, 0x35, ...zigzag(1n), ...zigzag(-1n), ...zigzag(5n), // field 301: list<i32> [1,-1,5]
      0x19, 0x21, 1, 2, // field 302: list<bool> [true, false]
      0x1c, 0x15, ...zigzag(9n), 0x00, // field 303: struct { 1: i32 9 }
      0x19, 0x2c, 0x15, ...zigzag(1n), 0x00, 0x25, ...zigzag(2n), 0x00, // field 304: list<struct> [{1:1},{2:2}]
      0x1b, 2, 0x85, 1, 0x6b, ...zigzag(7n), 0, ...zigzag(8n), // field 305: map<binary,i32> {k: 7, '': 8}
      0x00,
    ]);
    const s = decodeThriftStruct(bytes);
    expect(fieldI32(s, 1)).toBe(-3);
    expect(fieldBool(s, 2)).toBe(true);
    expect(fieldI64(s, 3)).toBe(-(2n ** 62n));
    expect(fieldString(s, 4)).toBe('abc');
    expect(fieldI32(s, 300)).toBe(70000);
    expect(fieldList(s, 301)).toEqual([1, -1, 5]);
    expect(fieldList(s, 302)).toEqual([true, false]);
    expect(fieldI32(fieldStruct(s, 303) ?? new Map(), 1)).toBe(9);
    const list = fieldStructList(s, 304) ?? [];
    expect(list.map((m) => [...m.entries()])).toEqual([[[1, 1]], [[2, 2]]]);
    expect(unionMember(list[1] ?? new Map())).toEqual([2, 2]);
    expect(s.get(305)).toEqual({ entries: [[new Uint8Array([0x6b]), 7], [new Uint8Array([]), 8]] });
    expect(fieldI32(s, 99)).toBeUndefined();
  });

  it('decodes i64 extremes and doubles exactly', () => {
    const max = 2n ** 63n - 1n;
    const min = -(2n ** 63n);
    const d = new Uint8Array(8);
    new DataView(d.buffer).setFloat64(0, -1.5, true);
    const s = decodeThriftStruct(new Uint8Array([0x16, ...zigzag(max), 0x16, ...zigzag(min), 0x17, ...d, 0x12, 0x00]));
    expect(fieldI64(s, 1)).toBe(max);
    expect(fieldI64(s, 2)).toBe(min);
    expect(s.get(3)).toBe(-1.5);
    expect(fieldBool(s, 4)).toBe(false);
  });

  it('raises CORRUPT_DATA on truncated or mistyped input', () => {
    const truncated = () => decodeThriftStruct(new Uint8Array([0x18, 10, 0x61]));
    expect(truncated).toThrow(DeltaSqlError);
    expect(truncated).toThrow(/past the end/);
    const noStop = () => decodeThriftStruct(new Uint8Array([0x15, 0x02]));
    expect(noStop).toThrow(/unexpected end/);
    const s = decodeThriftStruct(new Uint8Array([0x15, 0x02, 0x00]));
    expect(() => fieldBinary(s, 1)).toThrow(/not binary/);
    try {
      truncated();
    } catch (error) {
      expect((error as DeltaSqlError).code).toBe('CORRUPT_DATA');
    }
  });
});
