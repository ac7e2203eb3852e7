/** Moving table folders into and out of a bucket, and comparing Arrow tables as sorted rows. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type * as arrow from 'apache-arrow';
import type { ObjectStore } from '../../src/storage/object-store.js';

/** Every file under `dir`, as '/'-separated paths relative to it. */
function walk(dir: string, base = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, base), { withFileTypes: true })) {
    const rel = base === '' ? entry.name : `${base}/${entry.name}`;
    if (entry.isDirectory()) out.push(...walk(dir, rel));
    else out.push(rel);
  }
  return out;
}

/** Uploads a local table folder byte for byte (the files `keep` accepts); returns the number of objects. */
export async function uploadFolder(dir: string, store: ObjectStore, keep: (rel: string) => boolean = () => true): Promise<number> {
  const files = walk(dir).filter(keep);
  await Promise.all(files.map((rel) => store.put(rel, new Uint8Array(readFileSync(path.join(dir, rel))))));
  return files.length;
}

/** Downloads every object of a store into `dir` (to run folder-based validators on it). */
export async function downloadStore(store: ObjectStore, dir: string): Promise<number> {
  const objects = await store.list('');
  for (const o of objects) {
    const target = path.join(dir, ...o.path.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, await store.get(o.path));
  }
  return objects.length;
}

/** A JSON text for any Arrow value (bigint, binary, dates, nested rows/lists/maps). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return `${v}n`;
    if (v instanceof Uint8Array) return `bytes:${Buffer.from(v).toString('hex')}`;
    if (v instanceof Map) return Object.fromEntries(v);
    if (typeof v === 'object' && v !== null && 'toJSON' in v && typeof v.toJSON === 'function') return (v.toJSON as () => unknown)();
    return v;
  });
}

/** The table's rows as canonical JSON texts, sorted (row order across files is not defined). */
export function sortedRows(table: arrow.Table): string[] {
  const rows: string[] = [];
  for (const row of table) rows.push(canonical(row));
  return rows.sort();
}
