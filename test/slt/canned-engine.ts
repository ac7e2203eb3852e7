/** Test-only engine double: answers fixed SQL texts with canned Arrow tables, statuses or errors. */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../src/common/errors.js';
import type { SltEngine, SltEngineContext, SltEngineFactory, SltOutcome } from '../../src/slt/engine.js';

export type CannedAnswer = SltOutcome | Error;

export function normalizeSql(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim().replace(/;$/, '');
}

export function rows(table: arrow.Table): SltOutcome {
  return { kind: 'rows', table };
}

export const OK: SltOutcome = { kind: 'ok' };

/** A table of named columns, each an Arrow vector. */
export function table(columns: Record<string, arrow.Vector>): arrow.Table {
  return new arrow.Table(columns);
}

export function ints(values: (number | null)[]): arrow.Vector {
  return arrow.vectorFromArray(values, new arrow.Int32());
}

export function longs(values: (bigint | null)[]): arrow.Vector {
  return arrow.vectorFromArray(values, new arrow.Int64());
}

export function doubles(values: (number | null)[]): arrow.Vector {
  return arrow.vectorFromArray(values, new arrow.Float64());
}

export function strings(values: (string | null)[]): arrow.Vector {
  return arrow.vectorFromArray(values, new arrow.Utf8());
}

export function bools(values: (boolean | null)[]): arrow.Vector {
  return arrow.vectorFromArray(values, new arrow.Bool());
}

/** A Decimal128(precision, scale) vector from unscaled bigints. */
export function decimals(unscaled: (bigint | null)[], precision: number, scale: number): arrow.Vector {
  const words = new Uint32Array(unscaled.length * 4);
  const validity = new Uint8Array(Math.ceil(unscaled.length / 8));
  unscaled.forEach((v, i) => {
    if (v === null) return;
    validity[i >> 3]! |= 1 << (i & 7);
    let x = BigInt.asUintN(128, v);
    for (let w = 0; w < 4; w++) {
      words[i * 4 + w] = Number(x & 0xffffffffn);
      x >>= 32n;
    }
  });
  const nullCount = unscaled.filter((v) => v === null).length;
  const data = arrow.makeData({ type: new arrow.Decimal(scale, precision, 128), length: unscaled.length, nullCount, nullBitmap: validity, data: words });
  return arrow.makeVector(data);
}

export interface CannedEngine extends SltEngine {
  readonly executed: string[];
  readonly contexts: SltEngineContext[];
  closed: number;
}

/** Answers by normalized SQL text; anything else raises UNSUPPORTED. A function answer is called per run. */
export function cannedEngine(answers: Record<string, CannedAnswer | (() => CannedAnswer)>): CannedEngine {
  const map = new Map(Object.entries(answers).map(([k, v]) => [normalizeSql(k), v]));
  const engine: CannedEngine = {
    executed: [],
    contexts: [],
    closed: 0,
    execute(sql: string): Promise<SltOutcome> {
      const key = normalizeSql(sql);
      engine.executed.push(key);
      const found = map.get(key);
      const answer = typeof found === 'function' ? found() : found;
      if (answer === undefined) return Promise.reject(new DeltaSqlError('UNSUPPORTED', `canned engine has no answer for: ${key}`));
      if (answer instanceof Error) return Promise.reject(answer);
      return Promise.resolve(answer);
    },
    close(): Promise<void> {
      engine.closed++;
      return Promise.resolve();
    },
  };
  return engine;
}

export function factoryOf(engine: CannedEngine): SltEngineFactory {
  return (context) => {
    engine.contexts.push(context);
    return Promise.resolve(engine);
  };
}
