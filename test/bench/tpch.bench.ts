/**
 * TPC-H: generates (or reuses) the 8 tables at scale factor TPCH_SF (default 0.1) as Delta
 * tables and plain Parquet, runs the 22 queries through deltasql (cold: a fresh session in a
 * worker thread, terminated on timeout; warm: the best of two more runs in that session) and through DuckDB (read_parquet views on the same files,
 * same threads), checks that the answers agree, and prints times, ratios and geometric means.
 *
 * Env: TPCH_SF, TPCH_THREADS (default 2), TPCH_MONEY (decimal | double, default decimal),
 * TPCH_QUERIES (e.g. "1,6,18"), TPCH_TIMEOUT_S (per deltasql run, default 120),
 * TPCH_ENGINES (default "deltasql,duckdb"; name one to run only it).
 */
import { readFileSync } from 'node:fs';
import { compareAnswers, rowsOfTable, type Row } from './tpch/answers.js';
import type { MoneyType } from './tpch/columns.js';
import { runDeltaSql } from './tpch/deltasql-runner.js';
import { openDuckDb } from './tpch/duckdb-runner.js';
import { generateTpch } from './tpch/generate.js';

const QUERY_DIR = '/work/shared/tpch';

interface Outcome {
  readonly ms?: number;
  readonly rows?: Row[];
  readonly error?: string;
}

const message = (error: unknown): string => (error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error)).split('\n')[0] ?? '';

/** One timed run; a run that outlives the timeout is aborted and reported (the timer also keeps Node alive). */
async function timed(run: (signal: AbortSignal) => Promise<Row[]>, timeoutMs: number): Promise<Outcome> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Error(`timed out after ${timeoutMs / 1000} s`));
    }, timeoutMs);
  });
  const start = performance.now();
  try {
    const rows = await Promise.race([run(abort.signal), timeout]);
    return { ms: performance.now() - start, rows };
  } catch (error) {
    return { error: message(error) };
  } finally {
    clearTimeout(timer);
  }
}

const fmt = (ms: number | undefined): string => (ms === undefined ? '—' : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));
const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined ? '—' : `${(a / b).toFixed(2)}×`);
const geomean = (values: readonly number[]): number | undefined =>
  values.length === 0 ? undefined : Math.exp(values.reduce((s, v) => s + Math.log(Math.max(v, 0.01)), 0) / values.length);

export default async function tpchBench(): Promise<void> {
  const sf = Number(process.env.TPCH_SF ?? 0.1);
  const threads = Number(process.env.TPCH_THREADS ?? 2);
  const money = (process.env.TPCH_MONEY ?? 'decimal') as MoneyType;
  const timeoutMs = Number(process.env.TPCH_TIMEOUT_S ?? 120) * 1000;
  const only = process.env.TPCH_QUERIES?.split(',').map(Number);
  const engines = (process.env.TPCH_ENGINES ?? 'deltasql,duckdb').split(',').map((e) => e.trim().toLowerCase());
  const queries = Array.from({ length: 22 }, (_, i) => i + 1).filter((q) => only === undefined || only.includes(q));

  const data = await generateTpch({ sf, money, log: (m) => console.log(`  generate: ${m}`) });
  const lineitemMb = data.parquet.lineitem.reduce((n, f) => n + readFileSync(f).length, 0) / 2 ** 20;
  console.log(`SF ${sf} (${money} money), ${threads} threads; lineitem ${data.rows.lineitem} rows, ${lineitemMb.toFixed(1)} MB Parquet;` +
    ` ${data.seconds > 0 ? `generated in ${data.seconds.toFixed(1)} s` : 'reused'} (${data.dir})`);

  const duck = engines.includes('duckdb') ? await openDuckDb(data, threads) : undefined;
  if (engines.includes('duckdb')) console.log(duck === undefined ? 'DuckDB: @duckdb/node-api is not installed (npm install --no-save @duckdb/node-api); DuckDB columns stay empty' : `DuckDB ${duck.version}`);

  const header = ['query', 'cold ms', 'warm ms', 'duckdb ms', 'cold/duck', 'warm/duck', 'rows', 'answer'];
  const widths = [5, 9, 9, 9, 9, 9, 6, 40];
  const line = (cells: readonly string[]): void => console.log(cells.map((c, i) => (i === 7 ? c : c.padStart(widths[i] ?? 8))).join('  '));
  line(header);
  const cold: number[] = [];
  const warm: number[] = [];
  const duckTimes: number[] = [];
  const coldRatios: number[] = [];
  const warmRatios: number[] = [];
  let agree = 0;
  const errors: string[] = [];
  for (const q of queries) {
    const name = `q${String(q).padStart(2, '0')}`;
    const sql = readFileSync(`${QUERY_DIR}/${name}.sql`, 'utf8');
    let duckOut: Outcome = { error: 'DuckDB not available' };
    if (duck !== undefined) {
      await duck.run(sql).catch(() => undefined); // warm-up: DuckDB's own file metadata cache
      const duckRuns = [await timed(async () => (await duck.run(sql)).rows, timeoutMs), await timed(async () => (await duck.run(sql)).rows, timeoutMs)];
      duckOut = duckRuns.find((r) => r.error !== undefined) ?? { ms: Math.min(...duckRuns.map((r) => r.ms ?? Infinity)), rows: duckRuns[0]?.rows ?? [] };
    }
    // deltasql: a fresh session in a worker (cold), then two warm runs; the best warm run counts.
    const runs = engines.includes('deltasql') ? await runDeltaSql(data, threads, sql, 3, timeoutMs) : { times: [], error: 'not run (TPCH_ENGINES)' };
    const coldOut: Outcome = runs.times[0] !== undefined ? { ms: runs.times[0], rows: runs.rows ?? [] } : { error: runs.error ?? 'no run' };
    const warmTimes = runs.times.slice(1);
    const warmOut: Outcome = warmTimes.length > 0 ? { ms: Math.min(...warmTimes) } : { error: runs.error ?? 'no warm run' };
    if (runs.error !== undefined && runs.times.length > 0) console.log(`  ${name}: after ${runs.times.length} run(s): ${runs.error}`);
    let answer: string;
    if (engines.length < 2) {
      const out = engines.includes('duckdb') ? duckOut : coldOut;
      answer = out.error === undefined ? 'one engine only' : `error: ${out.error}`;
    }
    else if (coldOut.error !== undefined) answer = `deltasql error: ${coldOut.error}`;
    else if (duckOut.error !== undefined) answer = `DuckDB: ${duckOut.error}`;
    else {
      const diff = compareAnswers(coldOut.rows ?? [], duckOut.rows ?? [], 1e-6, runs.rounding);
      answer = diff === undefined ? 'agree' : `DIFFERENT: ${diff}`;
      if (diff === undefined) agree++;
    }
    if (answer !== 'agree' && answer !== 'one engine only') errors.push(`${name}: ${answer}`);
    if (coldOut.ms !== undefined) cold.push(coldOut.ms);
    if (warmOut.ms !== undefined) warm.push(warmOut.ms);
    if (duckOut.ms !== undefined) duckTimes.push(duckOut.ms);
    if (coldOut.ms !== undefined && duckOut.ms !== undefined) coldRatios.push(coldOut.ms / duckOut.ms);
    if (warmOut.ms !== undefined && duckOut.ms !== undefined) warmRatios.push(warmOut.ms / duckOut.ms);
    const rows = String((coldOut.rows ?? duckOut.rows)?.length ?? '—');
    line([name, fmt(coldOut.ms), fmt(warmOut.ms), fmt(duckOut.ms), ratio(coldOut.ms, duckOut.ms), ratio(warmOut.ms, duckOut.ms), rows, answer.slice(0, 120)]);
  }
  const g = (v: readonly number[]): string => fmt(geomean(v));
  const gr = (v: readonly number[]): string => (v.length === 0 ? '—' : `${(geomean(v) ?? 0).toFixed(2)}×`);
  line(['geo', g(cold), g(warm), g(duckTimes), gr(coldRatios), gr(warmRatios), '', `${agree}/${queries.length} agree (ratios over ${coldRatios.length} queries both engines answered)`]);
  if (errors.length > 0) console.log(`\nnot agreeing or failing:\n${errors.map((e) => `  ${e}`).join('\n')}`);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  duck?.close();
}
