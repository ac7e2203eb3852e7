/** Typed-array column builders for the TPC-H generator (no per-row JS objects in the big tables). */
import * as arrow from 'apache-arrow';

/** Money and quantities: decimal(15,2) as in the TPC-H spec, or double (as many benchmarks load them). */
export type MoneyType = 'decimal' | 'double';

export function int32Vector(values: Int32Array): arrow.Vector {
  return arrow.makeVector(values);
}

export function dateVector(days: Int32Array): arrow.Vector {
  return new arrow.Vector([arrow.makeData({ type: new arrow.DateDay(), length: days.length, nullCount: 0, data: days })]);
}

/** Values given in cents (exact integers) as decimal(15,2) words or as doubles. */
export function moneyVector(cents: Float64Array, money: MoneyType): arrow.Vector {
  if (money === 'double') {
    const values = new Float64Array(cents.length);
    for (let i = 0; i < cents.length; i++) values[i] = (cents[i] as number) / 100;
    return arrow.makeVector(values);
  }
  const words = new Uint32Array(cents.length * 4);
  for (let i = 0; i < cents.length; i++) {
    const v = cents[i] as number;
    const high = Math.floor(v / 4294967296);
    words[i * 4] = v - high * 4294967296;
    words[i * 4 + 1] = high >>> 0;
    const sign = v < 0 ? 0xffffffff : 0;
    words[i * 4 + 2] = sign;
    words[i * 4 + 3] = sign;
  }
  const type = new arrow.Decimal(2, 15, 128);
  return new arrow.Vector([arrow.makeData({ type, length: cents.length, nullCount: 0, data: words })]);
}

/** An append-only UTF-8 column (ASCII input: one byte per char). */
export class Utf8Builder {
  private bytes: Uint8Array;
  private readonly offsets: Int32Array;
  private count = 0;
  private at = 0;

  constructor(rows: number, bytesPerRow = 16) {
    this.offsets = new Int32Array(rows + 1);
    this.bytes = new Uint8Array(Math.max(64, rows * bytesPerRow));
  }

  private ensure(extra: number): void {
    if (this.at + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.at + extra));
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }

  /** Appends the characters of an ASCII string to the current value (call `end()` to finish it). */
  text(s: string): this {
    this.ensure(s.length);
    for (let i = 0; i < s.length; i++) this.bytes[this.at++] = s.charCodeAt(i);
    return this;
  }

  /** Appends raw bytes to the current value. */
  raw(source: Uint8Array, start: number, end: number): this {
    this.ensure(end - start);
    this.bytes.set(source.subarray(start, end), this.at);
    this.at += end - start;
    return this;
  }

  /** A zero-padded decimal number of `width` digits. */
  padded(n: number, width: number): this {
    const s = String(n);
    for (let i = s.length; i < width; i++) this.text('0');
    return this.text(s);
  }

  end(): void {
    this.offsets[++this.count] = this.at;
  }

  /** One whole value. */
  push(s: string): void {
    this.text(s).end();
  }

  vector(): arrow.Vector {
    const data = arrow.makeData({
      type: new arrow.Utf8(),
      length: this.count,
      nullCount: 0,
      valueOffsets: this.offsets.subarray(0, this.count + 1),
      data: this.bytes.subarray(0, this.at),
    });
    return new arrow.Vector([data]);
  }
}

/** Days since the epoch of a civil date. */
export function days(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}
