/**
 * Dense group ids for key rows arriving batch by batch (hash aggregate, DISTINCT, set operations).
 * NULL keys form one group, NaN one group, -0.0 joins 0.0 (makeRowEquals / hashRows agree).
 * Keys of each batch that introduced a group are kept (as Data) and gathered at the end.
 */
import type * as arrow from 'apache-arrow';
import { concatData } from './concat.js';
import { intKeyEquals } from './int-key-equals.js';
import { hashRows } from './row-hash.js';
import { makeRowEquals } from './row-compare.js';
import { take } from './take.js';

export class GroupTable {
  numGroups = 0;
  private slots = new Int32Array(1024).fill(-1);
  private groupHash = new Uint32Array(256);
  private groupChunk = new Int32Array(256);
  private groupRow = new Int32Array(256);
  private readonly chunks: (readonly arrow.Data[])[] = [];

  constructor(private readonly keyTypes: readonly arrow.DataType[]) {}

  /** Group id of every row of `keys` (columns of `n` rows), creating groups as needed. */
  assign(keys: readonly arrow.Data[], n: number): Uint32Array {
    const ids = new Uint32Array(n);
    if (keys.length === 0) {
      if (this.numGroups === 0 && n > 0) this.addGroup(0, -1, 0);
      return ids;
    }
    const hashes = hashRows(keys, n);
    const eqCache = new Map<number, (i: number, j: number) => boolean>();
    const eqFor = (c: number): ((i: number, j: number) => boolean) => {
      let f = eqCache.get(c);
      if (!f) {
        f = intKeyEquals(keys, this.chunks[c]!, false) ?? makeRowEquals(keys, this.chunks[c]!);
        eqCache.set(c, f);
      }
      return f;
    };
    let myChunk = -1;
    for (let i = 0; i < n; i++) {
      const h = hashes[i]!;
      let mask = this.slots.length - 1;
      let s = h & mask;
      let found = -1;
      for (;;) {
        const g = this.slots[s]!;
        if (g < 0) break;
        if (this.groupHash[g] === h && eqFor(this.groupChunk[g]!)(i, this.groupRow[g]!)) {
          found = g;
          break;
        }
        s = (s + 1) & mask;
      }
      if (found < 0) {
        if (myChunk < 0) {
          myChunk = this.chunks.length;
          this.chunks.push(keys);
        }
        found = this.addGroup(h, myChunk, i);
        if (this.numGroups * 2 > this.slots.length) {
          this.rehash();
          mask = this.slots.length - 1;
        } else this.slots[s] = found;
      }
      ids[i] = found;
    }
    return ids;
  }

  private addGroup(h: number, chunk: number, row: number): number {
    const g = this.numGroups++;
    if (g >= this.groupHash.length) {
      const cap = this.groupHash.length * 2;
      this.groupHash = grow(this.groupHash, new Uint32Array(cap));
      this.groupChunk = grow(this.groupChunk, new Int32Array(cap));
      this.groupRow = grow(this.groupRow, new Int32Array(cap));
    }
    this.groupHash[g] = h;
    this.groupChunk[g] = chunk;
    this.groupRow[g] = row;
    return g;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let g = 0; g < this.numGroups; g++) {
      let s = this.groupHash[g]! & mask;
      while (slots[s]! >= 0) s = (s + 1) & mask;
      slots[s] = g;
    }
    this.slots = slots;
  }

  /** The key columns, one row per group in group-id order. */
  keyColumns(): arrow.Data[] {
    const bases: number[] = [];
    let total = 0;
    for (const c of this.chunks) {
      bases.push(total);
      total += c[0]?.length ?? 0;
    }
    const idx = new Int32Array(this.numGroups);
    for (let g = 0; g < this.numGroups; g++) idx[g] = bases[this.groupChunk[g]!]! + this.groupRow[g]!;
    return this.keyTypes.map((t, k) => take(concatData(this.chunks.map((c) => c[k]!), t), idx));
  }
}

function grow<T extends Uint32Array | Int32Array>(src: T, dst: T): T {
  dst.set(src);
  return dst;
}
