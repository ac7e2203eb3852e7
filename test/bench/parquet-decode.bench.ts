/**
 * Parquet decode throughput: a synthetic ~2M-row, 4-column file (int64 id, double value,
 * low-cardinality string, µs timestamp) in a temp folder; times the footer read and
 * decoding one vs all columns, one row group per call.
 */
import * as arrow from 'apache-arrow';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LocalStore } from '../../src/storage/local-store.js';
import { readParquetFooter } from '../../src/storage/parquet/parquet-footer.js';
import { ParquetFile } from '../../src/storage/parquet/parquet-file.js';
import { writeParquet } from '../../src/storage/parquet/write-parquet.js';

const ROWS = 2_000_000;
const ROW_GROUP = 262_144;
const CATEGORIES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];

function syntheticTable(): arrow.Table {
  const id = new BigInt64Array(ROWS);
  const value = new Float64Array(ROWS);
  const ts = new BigInt64Array(ROWS);
  const encoded = CATEGORIES.map((c) => new TextEncoder().encode(c));
  const offsets = new Int32Array(ROWS + 1);
  let bytes = 0;
  for (let i = 0; i < ROWS; i++) bytes += (encoded[i % CATEGORIES.length] as Uint8Array).length;
  const chars = new Uint8Array(bytes);
  let seed = 42;
  for (let i = 0, at = 0; i < ROWS; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    id[i] = BigInt(i);
    value[i] = seed / 2 ** 32;
    ts[i] = 1_700_000_000_000_000n + BigInt(i) * 1000n;
    const word = encoded[i % CATEGORIES.length] as Uint8Array;
    chars.set(word, at);
    at += word.length;
    offsets[i + 1] = at;
  }
  return new arrow.Table({
    id: arrow.makeVector(id),
    value: arrow.makeVector(value),
    category: arrow.makeVector(arrow.makeData({ type: new arrow.Utf8(), length: ROWS, valueOffsets: offsets, data: chars })),
    ts: arrow.makeVector(arrow.makeData({ type: new arrow.TimestampMicrosecond('UTC'), length: ROWS, data: ts })),
  });
}

async function timeDecode(file: ParquetFile, columns: readonly string[] | undefined): Promise<{ ms: number; rows: number }> {
  const start = performance.now();
  let rows = 0;
  for await (const batch of file.readRowGroups(columns ? { columns } : {})) rows += batch.numRows;
  return { ms: performance.now() - start, rows };
}

export default async function parquetDecodeBench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'deltasql-bench-'));
  try {
    const store = new LocalStore(dir);
    let t = performance.now();
    const table = syntheticTable();
    const built = performance.now() - t;
    t = performance.now();
    const bytes = writeParquet(table, { rowGroupSize: ROW_GROUP });
    const written = performance.now() - t;
    await store.put('synthetic.parquet', bytes);
    const mb = bytes.length / 2 ** 20;
    console.log(`rows ${ROWS.toLocaleString('en')} · ${Math.ceil(ROWS / ROW_GROUP)} row groups · file ${mb.toFixed(1)} MiB (snappy) · build ${built.toFixed(0)} ms · write ${written.toFixed(0)} ms (${(ROWS / (written / 1000) / 1e6).toFixed(2)} M rows/s)`);

    const reps = 20;
    t = performance.now();
    for (let i = 0; i < reps; i++) await readParquetFooter(store, 'synthetic.parquet');
    console.log(`footer read (head + 1 range read + decode): ${((performance.now() - t) / reps).toFixed(2)} ms`);

    const file = await ParquetFile.open(store, 'synthetic.parquet', { size: bytes.length });
    await timeDecode(file, ['id']); // warm-up: fetch bytes once, instantiate the wasm reader
    const chunkBytes = (names: readonly string[], key: 'totalCompressedSize' | 'totalUncompressedSize'): number =>
      file.metadata.rowGroups.reduce(
        (sum, rg) => sum + rg.columns.filter((c) => names.includes(c.path[0] as string)).reduce((s, c) => s + c[key], 0),
        0,
      );
    const cases: Array<[string, readonly string[]]> = [
      ['1 column (id int64)', ['id']],
      ['1 column (category string)', ['category']],
      ['all 4 columns', ['id', 'value', 'category', 'ts']],
    ];
    for (const [label, columns] of cases) {
      const { ms, rows } = await timeDecode(file, columns);
      const packed = chunkBytes(columns, 'totalCompressedSize') / 2 ** 20;
      const unpacked = chunkBytes(columns, 'totalUncompressedSize') / 2 ** 20;
      const perSec = (x: number): string => (x / (ms / 1000)).toFixed(1);
      console.log(
        `decode ${label}: ${ms.toFixed(0)} ms · ${perSec(rows / 1e6)} M rows/s · ${perSec(packed)} MiB/s of file bytes (${packed.toFixed(1)} MiB) · ${perSec(unpacked)} MiB/s uncompressed pages (${unpacked.toFixed(1)} MiB)`,
      );
    }
    await file.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
