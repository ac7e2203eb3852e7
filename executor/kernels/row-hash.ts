/**
 * Hash key columns row-wise into a Uint32Array, consistent with makeRowEquals: NULLs hash alike,
 * -0.0 and 0.0 alike, every NaN alike; strings hash their UTF-8 bytes.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../src/common/errors.js';
import { decodeDictionary } from './take.js';

const NULL_HASH = 0x9e3779b9 | 0;

function mix(h: number, v: number): number {
  let k = Math.imul(v, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hash of every row over `columns` (each of `n` rows). */
export function hashRows(columns: readonly arrow.Data[], n: number): Uint32Array {
  const h = new Int32Array(n);
  for (const c of columns) mixColumn(c.typeId === arrow.Type.Dictionary ? decodeDictionary(c) : c, h);
  const out = new Uint32Array(h.buffer);
  for (let i = 0; i < n; i++) out[i] = fmix(h[i]!);
  return out;
}

const f64 = new Float64Array(1);
const f64w = new Uint32Array(f64.buffer);

/** Mix column `d` (length = h.length) into the running row hashes `h`. */
function mixColumn(d: arrow.Data, h: Int32Array): void {
  const n = d.length;
  const bm = d.nullBitmap;
  const hasNulls = d.typeId === arrow.Type.Null || (!!bm && bm.length > 0 && d.nullCount > 0);
  const off = d.offset;
  const valid = (i: number): boolean => {
    if (!hasNulls) return true;
    if (d.typeId === arrow.Type.Null) return false;
    const j = off + i;
    return ((bm[j >> 3]! >> (j & 7)) & 1) === 1;
  };
  switch (d.typeId) {
    case arrow.Type.Null:
      for (let i = 0; i < n; i++) h[i] = mix(h[i]!, NULL_HASH);
      return;
    case arrow.Type.Bool: {
      const v = d.values as Uint8Array;
      for (let i = 0; i < n; i++) h[i] = mix(h[i]!, valid(i) ? ((v[(off + i) >> 3]! >> ((off + i) & 7)) & 1) + 1 : NULL_HASH);
      return;
    }
    case arrow.Type.Float: {
      const v = d.values as Float64Array;
      for (let i = 0; i < n; i++) {
        if (!valid(i)) {
          h[i] = mix(h[i]!, NULL_HASH);
          continue;
        }
        let x = v[i]!;
        if (x === 0) x = 0;
        else if (x !== x) x = NaN;
        f64[0] = x;
        h[i] = mix(mix(h[i]!, f64w[0]!), f64w[1]!);
      }
      return;
    }
    case arrow.Type.Int:
    case arrow.Type.Date:
    case arrow.Type.Timestamp:
    case arrow.Type.Time:
    case arrow.Type.Duration:
    case arrow.Type.Interval:
    case arrow.Type.Decimal:
    case arrow.Type.FixedSizeBinary: {
      const v = d.values as unknown as ArrayBufferView & { length: number };
      if (d.typeId === arrow.Type.FixedSizeBinary) break;
      const words = v.byteLength >= 4 && v.byteLength % 4 === 0 && v.byteOffset % 4 === 0;
      const per = (v.byteLength / Math.max(1, v.length)) * (d.typeId === arrow.Type.Decimal ? 4 : 1);
      if (words && per >= 4) {
        const w = new Int32Array(v.buffer, v.byteOffset, v.byteLength >> 2);
        const stride = per >> 2;
        for (let i = 0; i < n; i++) {
          if (!valid(i)) {
            h[i] = mix(h[i]!, NULL_HASH);
            continue;
          }
          let x = h[i]!;
          for (let s = 0; s < stride; s++) x = mix(x, w[i * stride + s]!);
          h[i] = x;
        }
      } else {
        const a = v as unknown as { [k: number]: number };
        for (let i = 0; i < n; i++) h[i] = mix(h[i]!, valid(i) ? a[i]! | 0 : NULL_HASH);
      }
      return;
    }
    case arrow.Type.Utf8:
    case arrow.Type.Binary: {
      const o = d.valueOffsets as Int32Array;
      const b = d.values as Uint8Array;
      for (let i = 0; i < n; i++) {
        if (!valid(i)) {
          h[i] = mix(h[i]!, NULL_HASH);
          continue;
        }
        let x = 0x811c9dc5 | 0;
        for (let p = o[i]!, e = o[i + 1]!; p < e; p++) x = Math.imul(x ^ b[p]!, 16777619);
        h[i] = mix(h[i]!, x);
      }
      return;
    }
    case arrow.Type.Struct: {
      for (const c of d.children) mixColumn(c.length === n ? c : c.slice(0, n), h);
      for (let i = 0; i < n; i++) if (!valid(i)) h[i] = mix(h[i]!, NULL_HASH);
      return;
    }
    case arrow.Type.List: {
      const o = d.valueOffsets as Int32Array;
      const child = d.children[0]!;
      const ch = new Int32Array(child.length);
      mixColumn(child, ch);
      for (let i = 0; i < n; i++) {
        if (!valid(i)) {
          h[i] = mix(h[i]!, NULL_HASH);
          continue;
        }
        let x = mix(h[i]!, o[i + 1]! - o[i]!);
        for (let p = o[i]!, e = o[i + 1]!; p < e; p++) x = mix(x, ch[p]!);
        h[i] = x;
      }
      return;
    }
    default:
      break;
  }
  throw new DeltaSqlError('UNSUPPORTED', `hashing values of type ${String(d.type)} is not supported`);
}
