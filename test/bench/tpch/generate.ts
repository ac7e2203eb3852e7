/**
 * TPC-H-shaped data for the benchmark: a deterministic generator (seeded, scale factor
 * parameter) modelled on dbgen's row counts, key relationships, value domains and text,
 * written as plain Parquet files (for DuckDB) and as Delta tables (through the write path),
 * under a cache folder that later runs reuse.
 *
 * Layout: <dir>/parquet/<table>/part-NNNNN.parquet, <dir>/delta/<table>/, <dir>/manifest.json.
 * Generation happens in a private folder renamed into place at the end, so concurrent runs
 * never see (or write into) a half-built dataset: the first to finish wins, the others reuse it.
 */
import type * as arrow from 'apache-arrow';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeDeltaTable } from '../../../src/delta/write/index.js';
import { LocalStore } from '../../../src/storage/local-store.js';
import { writeParquet } from '../../../src/storage/parquet/write-parquet.js';
import type { MoneyType } from './columns.js';
import { customer, nation, part, partsupp, region, supplier, type GenContext } from './dimension-tables.js';
import { orderChunks } from './order-tables.js';
import { Prng } from './prng.js';
import { TextPool } from './text-pool.js';

export const TPCH_TABLES = ['region', 'nation', 'supplier', 'customer', 'part', 'partsupp', 'orders', 'lineitem'] as const;
export type TpchTable = (typeof TPCH_TABLES)[number];

/** Same row-group size as DuckDB's Parquet writer, so both engines see similar layouts. */
const ROW_GROUP_SIZE = 122_880;
const FORMAT_VERSION = 2;

export interface TpchOptions {
  readonly sf: number;
  /** decimal(15,2) (the TPC-H spec) or double; default 'decimal'. */
  readonly money?: MoneyType;
  readonly seed?: number;
  /** Cache folder; default `.tmp/tpch-v<format>-sf<sf>-<money>` under the current directory. */
  readonly dir?: string;
  /** Also write Delta tables; default true. */
  readonly delta?: boolean;
  readonly log?: (message: string) => void;
}

export interface TpchDataset {
  readonly dir: string;
  readonly sf: number;
  readonly money: MoneyType;
  readonly rows: Readonly<Record<TpchTable, number>>;
  /** Absolute Parquet file paths per table. */
  readonly parquet: Readonly<Record<TpchTable, readonly string[]>>;
  /** Absolute Delta table folders per table, when written. */
  readonly delta: Readonly<Record<TpchTable, string>> | undefined;
  /** Seconds spent generating (0 when reused). */
  readonly seconds: number;
}

interface Manifest {
  readonly version: number;
  readonly sf: number;
  readonly money: MoneyType;
  readonly seed: number;
  readonly delta: boolean;
  readonly rows: Record<TpchTable, number>;
  readonly parquet: Record<TpchTable, string[]>;
}

async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

function dataset(dir: string, m: Manifest, seconds: number): TpchDataset {
  const parquet = Object.fromEntries(TPCH_TABLES.map((t) => [t, m.parquet[t].map((f) => join(dir, f))])) as Record<TpchTable, string[]>;
  const delta = m.delta ? (Object.fromEntries(TPCH_TABLES.map((t) => [t, join(dir, 'delta', t)])) as Record<TpchTable, string>) : undefined;
  return { dir, sf: m.sf, money: m.money, rows: m.rows, parquet, delta, seconds };
}

/** Generate (or reuse) the 8 tables at scale factor `sf`. */
export async function generateTpch(options: TpchOptions): Promise<TpchDataset> {
  const money = options.money ?? 'decimal';
  const seed = options.seed ?? 19_920_101;
  const withDelta = options.delta ?? true;
  const dir = resolve(options.dir ?? join('.tmp', `tpch-v${FORMAT_VERSION}-sf${options.sf}-${money}`));
  const log = options.log ?? (() => undefined);
  const usable = (m: Manifest | undefined): m is Manifest =>
    m?.version === FORMAT_VERSION && m.sf === options.sf && m.money === money && m.seed === seed && (m.delta || !withDelta);
  const existing = await readManifest(dir);
  if (usable(existing)) {
    log(`reusing ${dir}`);
    return dataset(dir, existing, 0);
  }
  const started = performance.now();
  const final = dir;
  const work = `${final}.partial-${process.pid}`;
  await rm(work, { recursive: true, force: true });
  const ctx: GenContext = { sf: options.sf, seed, money, pool: new TextPool(Prng.of(seed, 'text')) };
  const rows = Object.fromEntries(TPCH_TABLES.map((t) => [t, 0])) as Record<TpchTable, number>;
  const parquet = Object.fromEntries(TPCH_TABLES.map((t) => [t, [] as string[]])) as Record<TpchTable, string[]>;

  const write = async (name: TpchTable, table: arrow.Table): Promise<void> => {
    const file = join('parquet', name, `part-${String(parquet[name].length).padStart(5, '0')}.parquet`);
    await mkdir(join(work, 'parquet', name), { recursive: true });
    await writeFile(join(work, file), writeParquet(table, { rowGroupSize: ROW_GROUP_SIZE, compression: 'snappy' }));
    parquet[name].push(file);
    rows[name] += table.numRows;
    if (withDelta) {
      await writeDeltaTable(new LocalStore(join(work, 'delta', name)), table, { mode: 'append', rowGroupSize: ROW_GROUP_SIZE, compression: 'snappy' });
    }
  };

  const dimensions: Array<[TpchTable, (c: GenContext) => arrow.Table]> = [
    ['region', region], ['nation', nation], ['supplier', supplier], ['customer', customer], ['part', part], ['partsupp', partsupp],
  ];
  for (const [name, make] of dimensions) {
    await write(name, make(ctx));
    log(`${name}: ${rows[name]} rows`);
  }
  for (const chunk of orderChunks(ctx)) {
    await write('orders', chunk.orders);
    await write('lineitem', chunk.lineitem);
    log(`orders: ${rows.orders} rows, lineitem: ${rows.lineitem} rows`);
  }
  const manifest: Manifest = { version: FORMAT_VERSION, sf: options.sf, money, seed, delta: withDelta, rows, parquet };
  await writeFile(join(work, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const winner = await readManifest(final);
  if (usable(winner)) {
    // Another run finished the same dataset first: use it, drop ours.
    await rm(work, { recursive: true, force: true });
    return dataset(final, winner, (performance.now() - started) / 1000);
  }
  await rm(final, { recursive: true, force: true });
  await rename(work, final);
  return dataset(final, manifest, (performance.now() - started) / 1000);
}
