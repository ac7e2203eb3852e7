/**
 * Runs one TPC-H query through deltasql in a worker thread, so a query that never yields can
 * still be stopped (the bench terminates the worker on timeout). A fresh session per worker
 * (after a warm-up query in another session): the first run is cold, the following ones warm. Posts `{ ready }`, then one message per run.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { roundingOf, rowsOfTable } from './answers.js';
import type { WorkerRequest, WorkerMessage } from './deltasql-runner.js';

interface SessionModule {
  Session: {
    create(options: { warehouse: string; threads: number }): Promise<{ sql(text: string): Promise<{ toArrow(): import('apache-arrow').Table }>; close(): Promise<void> }>;
  };
}

const post = (message: WorkerMessage): void => parentPort?.postMessage(message);
const request = workerData as WorkerRequest;

try {
  const mod = (await import('../../../src/api/session.js')) as unknown as SessionModule;
  // Load the engine's modules and warm the JIT in a throwaway session, so the cold run
  // measures a session without caches rather than module loading.
  const warmup = await mod.Session.create({ warehouse: request.warehouse, threads: request.threads });
  await warmup.sql('SELECT count(*), min(n_name) FROM nation WHERE n_regionkey > 0').catch(() => undefined);
  await warmup.close();
  const session = await mod.Session.create({ warehouse: request.warehouse, threads: request.threads });
  post({ kind: 'ready' });
  for (let run = 0; run < request.runs; run++) {
    const start = performance.now();
    try {
      const table = (await session.sql(request.sql)).toArrow();
      const ms = performance.now() - start;
      post({ kind: 'run', ms, rows: run === 0 ? rowsOfTable(table) : [], rounding: roundingOf(table) });
    } catch (error) {
      post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      break;
    }
  }
  await session.close();
} catch (error) {
  post({ kind: 'error', message: `cannot start a deltasql session: ${error instanceof Error ? error.message : String(error)}` });
}
