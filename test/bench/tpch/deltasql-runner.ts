/**
 * deltasql through its public Session: the 8 Delta tables live in `<dataset>/delta/`, which
 * is the session's warehouse, so `lineitem` etc. resolve by name. The Session is loaded
 * dynamically: if it is missing or fails to load, the bench says so and runs DuckDB alone.
 */
import type * as arrow from 'apache-arrow';
import { join } from 'node:path';
import type { TpchDataset } from './generate.js';

export interface DeltaSqlSession {
  sql(text: string, params?: undefined, options?: { signal?: AbortSignal }): Promise<{ toArrow(): arrow.Table }>;
  close(): Promise<void>;
}

export type OpenSession = () => Promise<DeltaSqlSession>;

interface SessionModule {
  Session: { create(options: { warehouse: string; threads: number }): Promise<DeltaSqlSession> };
}

/** A factory of fresh sessions over the dataset, or the reason there is none. */
export async function deltaSqlSessions(data: TpchDataset, threads: number): Promise<OpenSession | string> {
  if (data.delta === undefined) return 'the dataset has no Delta tables';
  let mod: SessionModule;
  try {
    mod = (await import('../../../src/api/session.js')) as unknown as SessionModule;
  } catch (error) {
    return `cannot load src/api/session.ts: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (typeof mod.Session?.create !== 'function') return 'src/api/session.ts exports no Session.create';
  const warehouse = join(data.dir, 'delta');
  return () => mod.Session.create({ warehouse, threads });
}
