/** Parse throughput (statements/s) on the 22 TPC-H queries. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../grammar/index.js';

const TPCH_DIR = '/work/shared/tpch';

export default async function bench(): Promise<void> {
  const files = readdirSync(TPCH_DIR).filter((f) => /^q\d+\.sql$/.test(f)).sort();
  const queries = files.map((f) => readFileSync(join(TPCH_DIR, f), 'utf8'));
  const t0 = performance.now();
  parse(queries[0] ?? 'SELECT 1');
  console.log(`first parse (builds the parser): ${(performance.now() - t0).toFixed(0)} ms`);
  for (let i = 0; i < 20; i++) for (const q of queries) parse(q);
  const rounds = 100;
  const start = performance.now();
  for (let i = 0; i < rounds; i++) for (const q of queries) parse(q);
  const ms = performance.now() - start;
  const n = rounds * queries.length;
  console.log(`tpch: ${queries.length} queries × ${rounds} rounds: ${(n / (ms / 1000)).toFixed(0)} statements/s (${((ms / n) * 1000).toFixed(0)} µs/statement)`);
  await Promise.resolve();
}
