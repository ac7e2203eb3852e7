/**
 * Growable UTF-8 / binary column builder for kernels whose output sizes are not known up front.
 * Appends raw bytes (no decoding) or JS strings (encoded once).
 */
import type * as arrow from 'apache-arrow';
import type { DataType } from '../../src/common/types/data-type.js';
import { bitmapBytes } from './make-data-bitmap.js';
import { makeBinaryData } from './make-data.js';

const encoder = new TextEncoder();

export class StringColumnBuilder {
  private bytes: Uint8Array;
  private readonly offsets: Int32Array;
  private readonly validity: Uint8Array;
  private pos = 0;
  private row = 0;
  private nulls = 0;

  constructor(
    readonly length: number,
    readonly type: DataType = { kind: 'string' },
    byteHint = length * 8,
  ) {
    this.bytes = new Uint8Array(Math.max(16, byteHint));
    this.offsets = new Int32Array(length + 1);
    this.validity = new Uint8Array(bitmapBytes(length));
  }

  private reserve(extra: number): void {
    if (this.pos + extra <= this.bytes.length) return;
    let cap = this.bytes.length * 2;
    while (cap < this.pos + extra) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.bytes.subarray(0, this.pos));
    this.bytes = next;
  }

  /** Append bytes `src[start, end)` as the next row. */
  appendBytes(src: Uint8Array, start = 0, end = src.length): void {
    const n = end - start;
    this.reserve(n);
    this.bytes.set(src.subarray(start, end), this.pos);
    this.pos += n;
    this.finishRow(true);
  }

  /** Append several byte ranges as one row (concatenated). */
  appendParts(parts: readonly Uint8Array[]): void {
    let n = 0;
    for (const p of parts) n += p.length;
    this.reserve(n);
    for (const p of parts) {
      this.bytes.set(p, this.pos);
      this.pos += p.length;
    }
    this.finishRow(true);
  }

  appendString(s: string): void {
    // Worst case 3 bytes per UTF-16 unit.
    this.reserve(s.length * 3);
    if (s.length <= 24) {
      // Short ASCII text: copy code units directly (cheaper than encodeInto per call).
      let p = this.pos;
      let ascii = true;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) {
          ascii = false;
          break;
        }
        this.bytes[p++] = c;
      }
      if (ascii) {
        this.pos = p;
        this.finishRow(true);
        return;
      }
    }
    const { written } = encoder.encodeInto(s, this.bytes.subarray(this.pos));
    this.pos += written;
    this.finishRow(true);
  }

  appendNull(): void {
    this.finishRow(false);
  }

  private finishRow(valid: boolean): void {
    if (valid) this.validity[this.row >> 3]! |= 1 << (this.row & 7);
    else this.nulls++;
    this.row++;
    this.offsets[this.row] = this.pos;
  }

  finish(): arrow.Data {
    return makeBinaryData(this.type, this.offsets, this.bytes.subarray(0, this.pos), this.nulls > 0 ? this.validity : null, this.row);
  }
}
