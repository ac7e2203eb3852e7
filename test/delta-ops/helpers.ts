/** Temp tables for the maintenance-operation tests, built with the write helper's API. */
import * as arrow from 'apache-arrow';
import { INT, LONG, STRING, field } from '../../src/common/types/data-type.js';
import { createDeltaTable, writeDeltaTable } from '../../src/delta/write/index.js';
import { column, storeAt, tempTableDir } from '../delta-write/helpers.js';

export { cleanupTempDirs, readTableRows, storeAt, tempTableDir } from '../delta-write/helpers.js';

export const idRows = (ids: number[], p: string): arrow.Table =>
  new arrow.Table({ id: column(new arrow.Int32(), ids), p: arrow.vectorFromArray(ids.map(() => p), new arrow.Utf8()) });

/** A table partitioned by `p` with an int `id`, created empty. */
export async function newIdTable(prefix: string, properties: Record<string, string> = {}): Promise<string> {
  const dir = tempTableDir(prefix);
  await createDeltaTable(storeAt(dir), { schema: [field('id', INT), field('p', STRING)], partitionColumns: ['p'], properties, mode: 'create' });
  return dir;
}

export async function append(dir: string, ids: number[], p: string): Promise<number> {
  return (await writeDeltaTable(storeAt(dir), idRows(ids, p), { mode: 'append' })).version;
}

export async function overwrite(dir: string, ids: number[], p: string): Promise<number> {
  return (await writeDeltaTable(storeAt(dir), idRows(ids, p), { mode: 'overwrite' })).version;
}

/** Unpartitioned (x long, y long) table; each call to `appendXY` adds one file. */
export async function newXYTable(prefix: string, properties: Record<string, string> = {}): Promise<string> {
  const dir = tempTableDir(prefix);
  await createDeltaTable(storeAt(dir), { schema: [field('x', LONG), field('y', LONG), field('s', STRING)], properties, mode: 'create' });
  return dir;
}

export async function appendXY(dir: string, xs: number[], ys: number[]): Promise<void> {
  const t = new arrow.Table({
    x: column(new arrow.Int64(), xs.map(BigInt)),
    y: column(new arrow.Int64(), ys.map(BigInt)),
    s: arrow.vectorFromArray(xs.map((x, i) => `r${x}-${ys[i]}`), new arrow.Utf8()),
  });
  await writeDeltaTable(storeAt(dir), t, { mode: 'append' });
}

export const ids = (rows: Record<string, unknown>[]): number[] => rows.map((r) => Number(r['id'])).sort((a, b) => a - b);

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
