/**
 * Delta's RoaringBitmapArray (PROTOCOL.md "Deletion Vector Format"): magic 1681511377, then the
 * portable 64-bit Roaring format (bucket count, then per bucket a 32-bit key and a standard 32-bit
 * Roaring bitmap with array, bitmap and run containers), little endian. Also accepted: the older
 * "native" layout (magic 1681511376: int32 bitmap count, then per bitmap its byte size and data,
 * keys implied by position), and either header written big endian, as the protocol's own inline
 * example is. The 32-bit Roaring payload is always little endian.
 */
import { DeltaSqlError } from '../../common/errors.js';

export const DV_MAGIC = 1681511377;
export const DV_MAGIC_NATIVE = 1681511376;
const SERIAL_COOKIE_NO_RUN = 12346;
const SERIAL_COOKIE = 12347;
const NO_OFFSET_THRESHOLD = 4;

function corrupt(message: string): never {
  throw new DeltaSqlError('CORRUPT_DATA', `invalid deletion vector: ${message}`);
}

class Reader {
  pos = 0;
  constructor(readonly view: DataView) {}
  need(n: number): void {
    if (this.pos + n > this.view.byteLength) corrupt('truncated bitmap data');
  }
  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }
  u32(littleEndian = true): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, littleEndian);
    this.pos += 4;
    return v;
  }
  u64(littleEndian = true): number {
    this.need(8);
    const v = this.view.getBigUint64(this.pos, littleEndian);
    this.pos += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) corrupt('bucket count out of range');
    return Number(v);
  }
}

/** Append the values of one 32-bit Roaring bitmap (each plus `high`) to `out`. */
function read32(r: Reader, high: number, out: number[]): void {
  const cookie = r.u32();
  let size: number;
  let runFlags: Uint8Array | undefined;
  if ((cookie & 0xffff) === SERIAL_COOKIE) {
    size = (cookie >>> 16) + 1;
    const n = (size + 7) >>> 3;
    r.need(n);
    runFlags = new Uint8Array(r.view.buffer, r.view.byteOffset + r.pos, n);
    r.pos += n;
  } else if (cookie === SERIAL_COOKIE_NO_RUN) {
    size = r.u32();
  } else {
    return corrupt(`unknown Roaring cookie ${cookie}`);
  }
  const keys = new Uint16Array(size);
  const cards = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    keys[i] = r.u16();
    cards[i] = r.u16() + 1;
  }
  if (runFlags === undefined || size >= NO_OFFSET_THRESHOLD) r.pos += 4 * size; // offset header, not needed
  for (let i = 0; i < size; i++) {
    const base = high + (keys[i] ?? 0) * 65536;
    const card = cards[i] ?? 0;
    const isRun = runFlags !== undefined && ((runFlags[i >>> 3] ?? 0) & (1 << (i & 7))) !== 0;
    if (isRun) {
      const runs = r.u16();
      for (let k = 0; k < runs; k++) {
        const start = r.u16();
        const len = r.u16();
        for (let v = start; v <= start + len; v++) out.push(base + v);
      }
    } else if (card <= 4096) {
      for (let k = 0; k < card; k++) out.push(base + r.u16());
    } else {
      r.need(8192);
      for (let w = 0; w < 2048; w++) {
        let word = r.view.getUint32(r.pos + w * 4, true);
        while (word !== 0) {
          const bit = 31 - Math.clz32(word & -word);
          out.push(base + w * 32 + bit);
          word &= word - 1;
        }
      }
      r.pos += 8192;
    }
  }
}

/** Decode a serialized RoaringBitmapArray (magic included) to sorted row indexes. */
export function decodeRoaringBitmapArray(bytes: Uint8Array): Float64Array {
  const r = new Reader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const le = r.view.byteLength >= 4 && (r.view.getUint32(0, true) === DV_MAGIC || r.view.getUint32(0, true) === DV_MAGIC_NATIVE);
  const magic = r.u32(le);
  if (magic !== DV_MAGIC && magic !== DV_MAGIC_NATIVE) corrupt(`magic number ${r.view.getUint32(0, true)} is not ${DV_MAGIC}`);
  const out: number[] = [];
  if (magic === DV_MAGIC) {
    const buckets = r.u64(le);
    for (let b = 0; b < buckets; b++) {
      const key = r.u32(le);
      read32(r, key * 4294967296, out);
    }
  } else {
    const bitmaps = r.u32(le);
    for (let b = 0; b < bitmaps; b++) {
      const size = r.u32(le);
      const end = r.pos + size;
      read32(r, b * 4294967296, out);
      r.pos = end;
    }
  }
  const sorted = Float64Array.from(out);
  sorted.sort();
  return sorted;
}
