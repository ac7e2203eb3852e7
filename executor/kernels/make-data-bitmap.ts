/**
 * Validity (and boolean value) bitmaps: Arrow's LSB-first bit order, one bit per row.
 * Kernels work on bitmaps aligned to row 0 so they can combine them a byte at a time;
 * `alignedValidity` does the one shift needed when an input is a slice with `offset % 8 != 0`.
 */
import type * as arrow from 'apache-arrow';

/** Bytes needed for `length` bits, rounded up to a multiple of 8 bytes as Arrow prefers. */
export function bitmapBytes(length: number): number {
  return ((length + 63) >> 6) << 3;
}

/** A bitmap with every bit set (all valid / all true) for `length` rows. */
export function allSetBitmap(length: number): Uint8Array {
  const out = new Uint8Array(bitmapBytes(length));
  out.fill(0xff, 0, length >> 3);
  const rem = length & 7;
  if (rem) out[length >> 3] = (1 << rem) - 1;
  return out;
}

export function getBit(bitmap: Uint8Array, i: number): boolean {
  return ((bitmap[i >> 3]! >> (i & 7)) & 1) === 1;
}

export function setBit(bitmap: Uint8Array, i: number): void {
  bitmap[i >> 3]! |= 1 << (i & 7);
}

export function clearBit(bitmap: Uint8Array, i: number): void {
  bitmap[i >> 3]! &= ~(1 << (i & 7));
}

/** Copy `length` bits starting at bit `offset` of `src` into a new bitmap starting at bit 0. */
export function sliceBits(src: Uint8Array, offset: number, length: number): Uint8Array {
  if ((offset & 7) === 0) {
    const start = offset >> 3;
    const out = new Uint8Array(bitmapBytes(length));
    out.set(src.subarray(start, Math.min(src.length, start + ((length + 7) >> 3))));
    maskTail(out, length);
    return out;
  }
  const out = new Uint8Array(bitmapBytes(length));
  for (let i = 0; i < length; i++) {
    const j = offset + i;
    if ((src[j >> 3]! >> (j & 7)) & 1) out[i >> 3]! |= 1 << (i & 7);
  }
  return out;
}

function maskTail(bits: Uint8Array, length: number): void {
  const rem = length & 7;
  if (rem) bits[length >> 3]! &= (1 << rem) - 1;
  bits.fill(0, (length + 7) >> 3);
}

/**
 * The validity of `data` aligned to row 0, or null when every row is valid.
 * Never mutate the result: it may share memory with `data`'s buffer when no copy is needed.
 */
export function alignedValidity(data: arrow.Data): Uint8Array | null {
  if (data.typeId === 1 /* Null */) return new Uint8Array(bitmapBytes(data.length));
  const bitmap = data.nullBitmap;
  if (!bitmap || bitmap.length === 0 || data.nullCount === 0) return null;
  if (data.offset === 0) return bitmap;
  return sliceBits(bitmap, data.offset, data.length);
}

/** AND of validity bitmaps (null = all valid); returns a fresh bitmap or null. */
export function andValidity(length: number, ...bitmaps: (Uint8Array | null)[]): Uint8Array | null {
  let out: Uint8Array | null = null;
  for (const b of bitmaps) {
    if (!b) continue;
    if (!out) {
      out = new Uint8Array(bitmapBytes(length));
      out.set(b.subarray(0, Math.min(b.length, out.length)));
    } else {
      const n = Math.min(out.length, b.length);
      for (let i = 0; i < n; i++) out[i]! &= b[i]!;
    }
  }
  if (out) maskTail(out, length);
  return out;
}

/** Number of unset bits among the first `length` bits. */
export function countNulls(bitmap: Uint8Array | null, length: number): number {
  if (!bitmap) return 0;
  let set = 0;
  const full = length >> 3;
  for (let i = 0; i < full; i++) set += POPCOUNT[bitmap[i]!]!;
  for (let i = full << 3; i < length; i++) if (getBit(bitmap, i)) set++;
  return length - set;
}

const POPCOUNT = new Uint8Array(256);
for (let i = 1; i < 256; i++) POPCOUNT[i] = (i & 1) + POPCOUNT[i >> 1]!;

/** Bit-pack a JS boolean-ish per-row array (1 = set). */
export function packBits(flags: ArrayLike<number | boolean>, length = flags.length): Uint8Array {
  const out = new Uint8Array(bitmapBytes(length));
  for (let i = 0; i < length; i++) if (flags[i]) out[i >> 3]! |= 1 << (i & 7);
  return out;
}
