/**
 * deltasql through its public Session, one worker thread per query (see deltasql-worker.ts).
 * The 8 Delta tables live in `<dataset>/delta/`, the session's warehouse, so `lineitem` etc.
 * resolve by name.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Row } from './answers.js';
import type { TpchDataset } from './generate.js';

export interface WorkerRequest {
  readonly warehouse: string;
  readonly threads: number;
  readonly sql: string;
  readonly runs: number;
}

export type WorkerMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'run'; readonly ms: number; readonly rows: Row[]; readonly rounding: number[] }
  | { readonly kind: 'error'; readonly message: string };

export interface QueryRuns {
  /** Milliseconds of each completed run: [cold, warm…]. */
  readonly times: number[];
  /** The first run's answer, and per column the rounding its type allows. */
  readonly rows?: Row[];
  readonly rounding?: number[];
  readonly error?: string;
}

/**
 * Run `sql` `runs` times in a fresh session on a worker; each run may take `timeoutMs`
 * before the worker is terminated (which stops even a query that never yields).
 */
export function runDeltaSql(data: TpchDataset, threads: number, sql: string, runs: number, timeoutMs: number): Promise<QueryRuns> {
  const request: WorkerRequest = { warehouse: join(data.dir, 'delta'), threads, sql, runs };
  // The worker needs tsx's loader for its .ts sources: register it, then import the entry.
  const entry = new URL('./deltasql-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: request });
  const times: number[] = [];
  let rows: Row[] | undefined;
  let rounding: number[] = [];
  return new Promise<QueryRuns>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (error?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve({ times, rounding, ...(rows !== undefined ? { rows } : {}), ...(error !== undefined ? { error } : {}) });
    };
    const arm = (ms: number, what: string): void => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(`${what} timed out after ${(ms / 1000).toFixed(0)} s`), ms);
    };
    arm(120_000, 'session start');
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'error') return finish(message.message);
      if (message.kind === 'run') {
        times.push(message.ms);
        if (times.length === 1) {
          rows = message.rows;
          rounding = message.rounding;
        }
        if (times.length === runs) return finish();
      }
      arm(timeoutMs, times.length === 0 ? 'cold run' : 'warm run');
    });
    worker.on('error', (error) => finish(`worker failed: ${error.message}`));
    worker.on('exit', () => finish(times.length < runs ? 'worker exited early' : undefined));
  });
}
