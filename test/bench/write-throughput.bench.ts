/**
 * Delta write throughput: a 10M-row append (id long, value double, name string, day date) in
 * 64K-row batches to a local table (rows/s and MB/s of Parquet written), then the latency of
 * small commits (one 1-row append each) on the same table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as arrow from 'apache-arrow';
import { writeDeltaTable } from '../../src/delta/write/index.js';
import { LocalStore } from '../../src/storage/local-store.js';

const ROWS = Number(process.env['WRITE_BENCH_ROWS'] ?? 10_000_000);
const BATCH = 65536;
const COMMITS = 20;

function makeBatch(start: number, n: number): arrow.RecordBatch {
  const ids = new BigInt64Array(n);
  // Low/high 32-bit words of each id (little-endian), without a BigInt per row.
  const idWords = new Uint32Array(ids.buffer);
  const values = new Float64Array(n);
  const days = new Int32Array(n);
  const offsets = new Int32Array(n + 1);
  const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'].map((s) => new TextEncoder().encode(s));
  let total = 0;
  for (let i = 0; i < n; i++) total += (names[(start + i) & 7] as Uint8Array).length;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const r = start + i;
    idWords[2 * i] = r >>> 0;
    idWords[2 * i + 1] = Math.floor(r / 4294967296);
    values[i] = (r % 1000) * 0.5;
    days[i] = 18000 + (r % 365);
    const name = names[r & 7] as Uint8Array;
    bytes.set(name, at);
    at += name.length;
    offsets[i + 1] = at;
  }
  const table = new arrow.Table({
    id: arrow.makeVector(ids),
    value: arrow.makeVector(values),
    name: arrow.makeVector(arrow.makeData({ type: new arrow.Utf8(), length: n, valueOffsets: offsets, data: bytes })),
    day: arrow.makeVector(arrow.makeData({ type: new arrow.DateDay(), length: n, data: days })),
  });
  return table.batches[0] as arrow.RecordBatch;
}

let arrowBytes = 0;

async function* batches(): AsyncGenerator<arrow.RecordBatch> {
  for (let start = 0; start < ROWS; start += BATCH) {
    const b = makeBatch(start, Math.min(BATCH, ROWS - start));
    arrowBytes += b.data.byteLength;
    yield b;
  }
}

export default async function writeThroughput(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'deltasql-write-bench-'));
  try {
    const store = new LocalStore(dir);
    const t0 = performance.now();
    const result = await writeDeltaTable(store, batches(), { mode: 'append' });
    const seconds = (performance.now() - t0) / 1000;
    const mb = result.metrics.numOutputBytes / 1e6;
    console.log(`append ${ROWS.toLocaleString('en')} rows: ${seconds.toFixed(2)} s · ${Math.round(ROWS / seconds).toLocaleString('en')} rows/s · ${(arrowBytes / 1e6 / seconds).toFixed(1)} MB/s of Arrow input (${(arrowBytes / 1e6).toFixed(0)} MB) · ${(mb / seconds).toFixed(1)} MB/s of Parquet (${mb.toFixed(1)} MB in ${result.metrics.numFiles} files, zstd)`);
    const latencies: number[] = [];
    for (let i = 0; i < COMMITS; i++) {
      const t = performance.now();
      await writeDeltaTable(store, [makeBatch(ROWS + i, 1)], { mode: 'append' });
      latencies.push(performance.now() - t);
    }
    latencies.sort((a, b) => a - b);
    const median = latencies[Math.floor(latencies.length / 2)] ?? 0;
    const p90 = latencies[Math.floor(latencies.length * 0.9)] ?? 0;
    console.log(`commit latency (1-row append, ${COMMITS} commits incl. ${Math.floor(COMMITS / 10)} checkpoint(s)): median ${median.toFixed(1)} ms · p90 ${p90.toFixed(1)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
