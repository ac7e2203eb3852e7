/** Shared test helpers: temp tables, Arrow column builders, and reading a table back as plain rows. */
import { mkdtempSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as arrow from 'apache-arrow';
import { LocalStore } from '../../src/storage/local-store.js';
import { loadSnapshot } from '../../src/delta/snapshot.js';
import { readDeltaFile } from '../../src/delta/scan/read-delta-file.js';

const dirs: string[] = [];

export function tempTableDir(prefix = 'dw-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export function copyTable(source: string): string {
  const dir = tempTableDir('dw-copy-');
  cpSync(source, dir, { recursive: true });
  return dir;
}

export function cleanupTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function storeAt(dir: string): LocalStore {
  return new LocalStore(dir);
}

function bitmapOf(values: readonly unknown[]): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8) + 8);
  let nulls = 0;
  values.forEach((v, i) => {
    if (v === null) nulls++;
    else bitmap[i >> 3] = (bitmap[i >> 3] ?? 0) | (1 << (i & 7));
  });
  return { bitmap, nulls };
}

/** A vector of a primitive type from raw values (bigint for 64-bit and decimals, days, µs). */
export function column(type: arrow.DataType, values: readonly (number | bigint | null)[]): arrow.Vector {
  const { bitmap, nulls } = bitmapOf(values);
  if (type instanceof arrow.Decimal) {
    const words = new Uint32Array(values.length * 4);
    values.forEach((v, i) => {
      let x = BigInt(v ?? 0);
      if (x < 0n) x += 1n << 128n;
      for (let w = 0; w < 4; w++) {
        words[i * 4 + w] = Number(x & 0xffffffffn);
        x >>= 32n;
      }
    });
    return arrow.makeVector(arrow.makeData({ type, length: values.length, nullCount: nulls, nullBitmap: bitmap, data: words }));
  }
  const Ctor = (type as unknown as { ArrayType: { from(v: unknown[]): ArrayBufferView } }).ArrayType;
  const data = Ctor.from(values.map((v) => v ?? (typeof values.find((x) => x !== null) === 'bigint' ? 0n : 0)));
  return arrow.makeVector(arrow.makeData({ type: type as arrow.Int, length: values.length, nullCount: nulls, nullBitmap: bitmap, data: data as Int32Array }));
}

/** Plain JSON-comparable rows: bigints and decimals as strings, binary as arrays, µs timestamps exact. */
export function tableRows(table: arrow.Table): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = Array.from({ length: table.numRows }, () => ({}));
  for (const field of table.schema.fields) {
    const vec = table.getChild(field.name);
    if (vec === null) continue;
    for (let i = 0; i < table.numRows; i++) (out[i] as Record<string, unknown>)[field.name] = normalize(vec, i, field.type);
  }
  return out;
}

function normalize(vec: arrow.Vector, i: number, type: arrow.DataType): unknown {
  if (!vec.isValid(i)) return null;
  if (arrow.DataType.isTimestamp(type)) {
    let row = i;
    for (const d of vec.data) {
      if (row < d.length) return String((d.values as BigInt64Array)[row]);
      row -= d.length;
    }
  }
  return plain(vec.get(i));
}

function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return String(v);
  if (v instanceof Uint8Array) return Array.from(v);
  if (v instanceof Uint32Array) return String(v);
  if (v instanceof arrow.Vector) return Array.from({ length: v.length }, (_, j) => plain(v.get(j)));
  if (v instanceof Map) return Object.fromEntries([...v.entries()].map(([k, x]) => [String(k), plain(x)]));
  if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    const json = (v as { toJSON(): unknown }).toJSON();
    if (json instanceof Map) return plain(json);
    if (typeof json === 'object' && json !== null) return Object.fromEntries(Object.entries(json).map(([k, x]) => [k, plain(x)]));
    return json;
  }
  return v;
}

/** Every row of the table (latest or `version`) read back through the read helper's reader. */
export async function readTableRows(dir: string, version?: number): Promise<Record<string, unknown>[]> {
  const store = storeAt(dir);
  const snapshot = await loadSnapshot(store, version === undefined ? {} : { version });
  const rows: Record<string, unknown>[] = [];
  for (const file of snapshot.files()) {
    for await (const batch of readDeltaFile(store, snapshot, file)) rows.push(...tableRows(new arrow.Table([batch])));
  }
  return rows;
}

export function sortRows(rows: Record<string, unknown>[], key: string): Record<string, unknown>[] {
  return [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key]), 'en', { numeric: true }));
}
