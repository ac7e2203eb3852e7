/**
 * A small decoder for the Thrift compact protocol, enough for Parquet footers.
 * It decodes generically (field id → value); typed readers pick the fields they need,
 * and unknown fields are kept but ignored, so newer footers still parse.
 */
import { DeltaSqlError } from '../../common/errors.js';

/** A decoded struct: field id → value. */
export type ThriftStruct = Map<number, ThriftValue>;
export type ThriftValue = boolean | number | bigint | Uint8Array | ThriftStruct | ThriftValue[] | ThriftMap;
/** A struct field left undecoded: id, wire type, and the byte span of its value (booleans: empty, value in the type). */
export interface RawThriftField {
  readonly id: number;
  readonly type: number;
  readonly start: number;
  readonly end: number;
}
/** Decoded Thrift map entries (Parquet footers use none, but skipping needs it). */
export interface ThriftMap {
  readonly entries: ReadonlyArray<readonly [ThriftValue, ThriftValue]>;
}

const enum CType {
  Stop = 0,
  True = 1,
  False = 2,
  Byte = 3,
  I16 = 4,
  I32 = 5,
  I64 = 6,
  Double = 7,
  Binary = 8,
  List = 9,
  Set = 10,
  Map = 11,
  Struct = 12,
}

const MAX_DEPTH = 64;

function corrupt(message: string): DeltaSqlError {
  return new DeltaSqlError('CORRUPT_DATA', `invalid Thrift data: ${message}`);
}

/** Reads compact-protocol values from a byte buffer, starting at `offset`. */
export class ThriftCompactReader {
  private pos: number;
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    offset = 0,
  ) {
    this.pos = offset;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get position(): number {
    return this.pos;
  }

  private byte(): number {
    if (this.pos >= this.bytes.length) throw corrupt('unexpected end of data');
    return this.bytes[this.pos++] as number;
  }

  /** Unsigned varint as a number; fine up to 2^53, which covers lengths and 32-bit values. */
  private varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.byte();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    throw corrupt('varint too long');
  }

  /** Unsigned varint as a bigint, exact for all 64 bits. */
  private varint64(): bigint {
    let low = 0;
    let shift = 0;
    // Fast path: the first 4 bytes (28 bits) fit a small integer.
    for (; shift < 28; shift += 7) {
      const b = this.byte();
      low |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return BigInt(low >>> 0);
    }
    let result = BigInt(low >>> 0);
    for (let i = 0; i < 6; i++, shift += 7) {
      const b = this.byte();
      result |= BigInt(b & 0x7f) << BigInt(shift);
      if ((b & 0x80) === 0) return result;
    }
    throw corrupt('varint too long');
  }

  private zigzag32(): number {
    const n = this.varint();
    // n < 2^32 for well-formed i32; decode without 32-bit overflow.
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  }

  private zigzag64(): bigint {
    const n = this.varint64();
    return (n >> 1n) ^ -(n & 1n);
  }

  private binary(): Uint8Array {
    const length = this.varint();
    if (this.pos + length > this.bytes.length) throw corrupt('binary runs past the end');
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  private value(type: number, depth: number): ThriftValue {
    switch (type) {
      case CType.True:
        return true;
      case CType.False:
        return false;
      case CType.Byte: {
        const b = this.byte();
        return b > 127 ? b - 256 : b;
      }
      case CType.I16:
      case CType.I32:
        return this.zigzag32();
      case CType.I64:
        return this.zigzag64();
      case CType.Double: {
        if (this.pos + 8 > this.bytes.length) throw corrupt('double runs past the end');
        const d = this.view.getFloat64(this.pos, true);
        this.pos += 8;
        return d;
      }
      case CType.Binary:
        return this.binary();
      case CType.List:
      case CType.Set:
        return this.list(depth + 1);
      case CType.Map:
        return this.map(depth + 1);
      case CType.Struct:
        return this.struct(depth + 1);
      default:
        throw corrupt(`unknown type ${type}`);
    }
  }

  private list(depth: number): ThriftValue[] {
    if (depth > MAX_DEPTH) throw corrupt('nesting too deep');
    const header = this.byte();
    let size = header >> 4;
    const elemType = header & 0x0f;
    if (size === 15) size = this.varint();
    if (size > this.bytes.length - this.pos && elemType !== CType.True && elemType !== CType.False) {
      // Every element takes at least one byte; a larger count means corrupt data.
      throw corrupt('list longer than the data');
    }
    const out: ThriftValue[] = new Array<ThriftValue>(size);
    for (let i = 0; i < size; i++) {
      // Booleans inside collections are one byte each (1 = true).
      out[i] = elemType === CType.True || elemType === CType.False ? this.byte() === 1 : this.value(elemType, depth);
    }
    return out;
  }

  private map(depth: number): ThriftMap {
    if (depth > MAX_DEPTH) throw corrupt('nesting too deep');
    const size = this.varint();
    if (size === 0) return { entries: [] };
    const types = this.byte();
    const keyType = types >> 4;
    const valueType = types & 0x0f;
    const entries: Array<readonly [ThriftValue, ThriftValue]> = [];
    for (let i = 0; i < size; i++) entries.push([this.value(keyType, depth), this.value(valueType, depth)]);
    return { entries };
  }

  /** A struct's fields as byte spans, to copy them unchanged into a rewritten struct. */
  rawStruct(): RawThriftField[] {
    const out: RawThriftField[] = [];
    let lastId = 0;
    for (;;) {
      const header = this.byte();
      const type = header & 0x0f;
      if (type === CType.Stop) return out;
      const delta = header >> 4;
      const id = delta === 0 ? this.zigzag32() : lastId + delta;
      const start = this.pos;
      this.value(type, 1);
      out.push({ id, type, start, end: this.pos });
      lastId = id;
    }
  }

  /** A list header: element count and element wire type; the elements follow. */
  listHeader(): { readonly size: number; readonly elemType: number } {
    const header = this.byte();
    const size = header >> 4;
    return { size: size === 15 ? this.varint() : size, elemType: header & 0x0f };
  }

  /** A struct: fields until STOP. */
  struct(depth = 0): ThriftStruct {
    if (depth > MAX_DEPTH) throw corrupt('nesting too deep');
    const out: ThriftStruct = new Map();
    let lastId = 0;
    for (;;) {
      const header = this.byte();
      const type = header & 0x0f;
      if (type === CType.Stop) return out;
      const delta = header >> 4;
      const id = delta === 0 ? this.zigzag32() : lastId + delta;
      out.set(id, this.value(type, depth));
      lastId = id;
    }
  }
}

/** Decode one struct from `bytes` (a whole Parquet footer, say). */
export function decodeThriftStruct(bytes: Uint8Array, offset = 0): ThriftStruct {
  return new ThriftCompactReader(bytes, offset).struct();
}

// Typed field accessors: undefined when absent, CORRUPT_DATA when the wire type is wrong.

function wrongType(id: number, expected: string): DeltaSqlError {
  return corrupt(`field ${id} is not ${expected}`);
}

export function fieldI32(s: ThriftStruct, id: number): number | undefined {
  const v = s.get(id);
  if (v === undefined) return undefined;
  if (typeof v !== 'number') throw wrongType(id, 'an integer');
  return v;
}

export function fieldI64(s: ThriftStruct, id: number): bigint | undefined {
  const v = s.get(id);
  if (v === undefined) return undefined;
  if (typeof v === 'number') return BigInt(v);
  if (typeof v !== 'bigint') throw wrongType(id, 'a 64-bit integer');
  return v;
}

/** An i64 as a JS number (sizes, counts, offsets: far below 2^53). */
export function fieldI64Number(s: ThriftStruct, id: number): number | undefined {
  const v = fieldI64(s, id);
  return v === undefined ? undefined : Number(v);
}

export function fieldBool(s: ThriftStruct, id: number): boolean | undefined {
  const v = s.get(id);
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw wrongType(id, 'a boolean');
  return v;
}

export function fieldBinary(s: ThriftStruct, id: number): Uint8Array | undefined {
  const v = s.get(id);
  if (v === undefined) return undefined;
  if (!(v instanceof Uint8Array)) throw wrongType(id, 'binary');
  return v;
}

const utf8 = new TextDecoder();

export function fieldString(s: ThriftStruct, id: number): string | undefined {
  const v = fieldBinary(s, id);
  return v === undefined ? undefined : utf8.decode(v);
}

export function fieldStruct(s: ThriftStruct, id: number): ThriftStruct | undefined {
  const v = s.get(id);
  if (v === undefined) return undefined;
  if (!(v instanceof Map)) throw wrongType(id, 'a struct');
  return v;
}

export function fieldList(s: ThriftStruct, id: number): ThriftValue[] | undefined {
  const v = s.get(id);
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw wrongType(id, 'a list');
  return v;
}

export function fieldStructList(s: ThriftStruct, id: number): ThriftStruct[] | undefined {
  const list = fieldList(s, id);
  if (list === undefined) return undefined;
  return list.map((item) => {
    if (!(item instanceof Map)) throw wrongType(id, 'a list of structs');
    return item;
  });
}

/** The id of the one field set in a Thrift union, and its value. */
export function unionMember(s: ThriftStruct): readonly [number, ThriftValue] | undefined {
  for (const entry of s) return entry;
  return undefined;
}
