/**
 * A small encoder for the Thrift compact protocol: enough to rewrite Parquet footers.
 * Fields are written with delta-encoded headers; values are either encoded here (i32, i64,
 * binary, list headers) or copied as raw bytes from a decoded original.
 */
import { invariant } from '../../common/errors.js';

/** Compact-protocol wire types (the low nibble of a field header). */
export const ThriftType = {
  stop: 0,
  true: 1,
  false: 2,
  byte: 3,
  i16: 4,
  i32: 5,
  i64: 6,
  double: 7,
  binary: 8,
  list: 9,
  set: 10,
  map: 11,
  struct: 12,
} as const;

export class ThriftCompactWriter {
  private buffer = new Uint8Array(1024);
  private length = 0;
  /** Last field id per open struct (field headers are deltas from it). */
  private readonly lastIds: number[] = [0];

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  private byte(b: number): void {
    this.ensure(1);
    this.buffer[this.length++] = b;
  }

  private varint(n: number): void {
    invariant(Number.isSafeInteger(n) && n >= 0, `varint out of range: ${n}`);
    while (n >= 0x80) {
      this.byte((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    this.byte(n);
  }

  private varint64(n: bigint): void {
    let v = BigInt.asUintN(64, n);
    while (v >= 0x80n) {
      this.byte(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.byte(Number(v));
  }

  /** A field header: the id as a delta from the previous field when it fits in 4 bits. */
  fieldHeader(id: number, type: number): void {
    const last = this.lastIds[this.lastIds.length - 1] ?? 0;
    const delta = id - last;
    if (delta > 0 && delta <= 15) {
      this.byte((delta << 4) | type);
    } else {
      this.byte(type);
      this.varint(id >= 0 ? id * 2 : -id * 2 - 1);
    }
    this.lastIds[this.lastIds.length - 1] = id;
  }

  /** Start a nested struct value (after its field header or as a list element). */
  beginStruct(): void {
    this.lastIds.push(0);
  }

  /** STOP, closing the innermost struct. */
  endStruct(): void {
    this.byte(ThriftType.stop);
    this.lastIds.pop();
    invariant(this.lastIds.length > 0, 'endStruct without a matching beginStruct');
  }

  i32Field(id: number, value: number): void {
    this.fieldHeader(id, ThriftType.i32);
    this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  i64Field(id: number, value: number | bigint): void {
    this.fieldHeader(id, ThriftType.i64);
    const v = BigInt(value);
    this.varint64((v << 1n) ^ (v >> 63n));
  }

  binaryField(id: number, value: Uint8Array): void {
    this.fieldHeader(id, ThriftType.binary);
    this.varint(value.length);
    this.raw(value);
  }

  /** A list field's header; the caller writes `size` elements of `elemType` next. */
  listField(id: number, elemType: number, size: number): void {
    this.fieldHeader(id, ThriftType.list);
    if (size < 15) {
      this.byte((size << 4) | elemType);
    } else {
      this.byte(0xf0 | elemType);
      this.varint(size);
    }
  }

  /** A field whose value bytes are copied unchanged (booleans carry their value in the type). */
  rawField(id: number, type: number, valueBytes: Uint8Array): void {
    this.fieldHeader(id, type);
    this.raw(valueBytes);
  }

  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** The bytes written so far. */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}
