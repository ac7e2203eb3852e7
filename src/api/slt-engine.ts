/**
 * deltasql as a golden-file engine: a fresh Session per file, on its own in-memory warehouse,
 * configured with the settings the file's expected output assumes (ANSI mode, time zone).
 */
import { randomUUID } from 'node:crypto';
import type { SltEngine, SltEngineContext } from '../slt/engine.js';
import { MemoryStore } from '../storage/memory-store.js';
import { Session } from './session.js';

export async function createSltEngine(context?: SltEngineContext): Promise<SltEngine> {
  const space = `slt-${randomUUID()}`;
  const session = await Session.create({ warehouse: `memory://${space}`, config: context?.config ?? {} });
  return {
    async execute(sql) {
      const result = await session.sql(sql);
      if (result.kind === 'rows') return { kind: 'rows', table: result.toArrow() };
      return result.affectedRows === undefined ? { kind: 'ok' } : { kind: 'ok', rowCount: result.affectedRows };
    },
    async close() {
      await session.close();
      MemoryStore.drop(space);
    },
  };
}
