/**
 * Full-scan throughput of TPC-H lineitem (SCAN_SF, default TPCH_SF or 0.1) through ParquetFile:
 * whole-file vs column-chunk range reads, cold vs a warm ColumnChunkCache, against raw
 * parquet-wasm decoding of the same columns (the floor). Best of SCAN_REPEAT (default 3) runs;
 * rows/s, MB/s of the compressed column chunks read, resident memory after each mode and the peak.
 */
import * as arrow from 'apache-arrow';
import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { ParquetFile as WasmParquetFile } from 'parquet-wasm';
import { ColumnChunkCache } from '../../src/storage/cache/column-chunk-cache.js';
import { LocalStore } from '../../src/storage/local-store.js';
import { ParquetFile, type ParquetFetchMode } from '../../src/storage/parquet/parquet-file.js';
import type { MoneyType } from './tpch/columns.js';
import { generateTpch } from './tpch/generate.js';

const COLUMN_SETS: Record<string, readonly string[]> = {
  'Q6 (4 cols)': ['l_quantity', 'l_extendedprice', 'l_discount', 'l_shipdate'],
  'Q1 (7 cols)': ['l_returnflag', 'l_linestatus', 'l_quantity', 'l_extendedprice', 'l_discount', 'l_tax', 'l_shipdate'],
  'all 16 cols': [],
};

interface Scan {
  readonly rows: number;
  readonly ms: number;
  /** CPU time of the process (user + system): steadier than wall time on a busy machine. */
  readonly cpuMs: number;
}

async function measure(body: () => Promise<number>): Promise<Scan> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const rows = await body();
  const used = process.cpuUsage(cpu);
  return { rows, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

const mb = (bytes: number): number => bytes / 2 ** 20;

function rawDecode(paths: readonly string[], columns: readonly string[] | undefined): Promise<Scan> {
  return measure(async () => {
    let rows = 0;
    for (const path of paths) {
      const file = await WasmParquetFile.fromFile(new Blob([await readFile(path)]));
      const groups = file.metadata().numRowGroups();
      for (let g = 0; g < groups; g++) {
        const table = await file.read({ rowGroups: [g], batchSize: 65_536, ...(columns ? { columns: [...columns] } : {}) });
        rows += arrow.tableFromIPC(table.intoIPCStream()).numRows;
      }
      file.free();
    }
    return rows;
  });
}

function fileScan(store: LocalStore, paths: readonly string[], columns: readonly string[] | undefined, fetch: ParquetFetchMode, cache?: ColumnChunkCache): Promise<Scan> {
  return measure(async () => {
    let rows = 0;
    for (const path of paths) {
      const file = await ParquetFile.open(store, path, { fetch });
      for await (const batch of file.readRowGroups({ ...(columns ? { columns } : {}), ...(cache ? { cache } : {}) })) rows += batch.numRows;
      await file.close();
    }
    return rows;
  });
}

export default async function scanDecodeBench(): Promise<void> {
  const sf = Number(process.env.SCAN_SF ?? process.env.TPCH_SF ?? 0.1);
  const money = (process.env.TPCH_MONEY ?? 'decimal') as MoneyType;
  const data = await generateTpch({ sf, money, log: (m) => console.log(`  generate: ${m}`) });
  const files = data.parquet.lineitem;
  const root = dirname(dirname(files[0] as string));
  const store = new LocalStore(root);
  const paths = files.map((f) => relative(root, f));
  const metas = await Promise.all(paths.map((p) => ParquetFile.open(store, p)));
  const chunkBytes = (columns: readonly string[]): number =>
    metas.reduce((n, f) => n + f.metadata.rowGroups.reduce((m, rg) => m + rg.columns.filter((c) => columns.length === 0 || columns.includes(c.path[0] ?? '')).reduce((k, c) => k + c.totalCompressedSize, 0), 0), 0);
  console.log(`lineitem SF ${sf}: ${data.rows.lineitem} rows in ${files.length} file(s), ${metas.reduce((n, f) => n + f.metadata.rowGroups.length, 0)} row groups, ${mb(metas.reduce((n, f) => n + f.size, 0)).toFixed(1)} MB`);
  console.log(['columns'.padEnd(12), 'mode'.padEnd(22), 'ms'.padStart(8), 'cpu ms'.padStart(8), 'Mrows/s'.padStart(8), 'MB/s'.padStart(8), 'vs raw'.padStart(7), 'cpu vs'.padStart(7), 'RSS MB'.padStart(7)].join('  '));
  const repeat = Number(process.env.SCAN_REPEAT ?? 3);
  await rawDecode(files.slice(0, 1), COLUMN_SETS['Q6 (4 cols)']); // warm-up: wasm instance and JIT
  for (const [label, set] of Object.entries(COLUMN_SETS)) {
    const columns = set.length === 0 ? undefined : set;
    const bytes = chunkBytes(set);
    let cache = new ColumnChunkCache({ maxBytes: 4 * 2 ** 30 });
    const modes: Array<[string, () => Promise<Scan>]> = [
      ['raw parquet-wasm', () => rawDecode(files, columns)],
      ['whole file', () => fileScan(store, paths, columns, 'whole')],
      ['ranges', () => fileScan(store, paths, columns, 'ranges')],
      ['ranges + cache (cold)', () => {
        cache = new ColumnChunkCache({ maxBytes: 4 * 2 ** 30 });
        return fileScan(store, paths, columns, 'ranges', cache);
      }],
      ['ranges + cache (warm)', () => fileScan(store, paths, columns, 'ranges', cache)],
    ];
    let rawMs = 0;
    let rawCpu = 0;
    for (const [mode, run] of modes) {
      // Best of `repeat` runs: the machine is shared, the minimum is the least disturbed.
      let best: Scan | undefined;
      for (let i = 0; i < repeat; i++) {
        const scan = await run();
        if (scan.rows !== data.rows.lineitem) throw new Error(`${mode} read ${scan.rows} rows, expected ${data.rows.lineitem}`);
        if (best === undefined || scan.ms < best.ms) best = scan;
      }
      const scan = best as Scan;
      if (mode === 'raw parquet-wasm') {
        rawMs = scan.ms;
        rawCpu = scan.cpuMs;
      }
      console.log([
        label.padEnd(12),
        mode.padEnd(22),
        scan.ms.toFixed(0).padStart(8),
        scan.cpuMs.toFixed(0).padStart(8),
        (scan.rows / scan.ms / 1000).toFixed(2).padStart(8),
        (mb(bytes) / (scan.ms / 1000)).toFixed(0).padStart(8),
        `${(scan.ms / rawMs).toFixed(2)}×`.padStart(7),
        `${(scan.cpuMs / rawCpu).toFixed(2)}×`.padStart(7),
        mb(process.memoryUsage().rss).toFixed(0).padStart(7),
      ].join('  '));
    }
    console.log(`${''.padEnd(12)}  cache: ${cache.stats.entries} entries, ${mb(cache.stats.bytes).toFixed(0)} MB decoded`);
  }
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
