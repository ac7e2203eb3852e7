/** Ad-hoc timing of core operators on 1M rows: `npx tsx test/executor/perf-probe.ts` (not a test). */
import * as arrow from 'apache-arrow';
import { collectPlan } from '../../executor/run.js';
import type { PhysicalPlan } from '../../planner/physical/physical-plan.js';
import { col, ctx, f, T } from './helpers.js';
import { testFunctions } from './test-functions.js';

const N = 1_000_000;
const k = new BigInt64Array(N);
const v = new Float64Array(N);
const s: string[] = [];
for (let i = 0; i < N; i++) {
  k[i] = BigInt((i * 7919) % 1000);
  v[i] = (i * 31) % 977;
  s.push(`name-${(i * 13) % 50000}`);
}
const table = new arrow.Table({ k: arrow.makeVector(k), v: arrow.makeVector(v), s: arrow.vectorFromArray(s, new arrow.Utf8()) });
const dim = new arrow.Table({ k: arrow.makeVector(BigInt64Array.from({ length: 100000 }, (_, i) => BigInt(i))), w: arrow.makeVector(Float64Array.from({ length: 100000 }, (_, i) => i)) });
const c = ctx({ functions: testFunctions, memoryTables: new Map<string, arrow.Table>([['t', table], ['d', dim]]) });
const scan: PhysicalPlan = { kind: 'memory_scan', schema: [f('k', T.long), f('v', T.double), f('s', T.string)], table: 't', columns: [0, 1, 2] };
const dscan: PhysicalPlan = { kind: 'memory_scan', schema: [f('k', T.long), f('w', T.double)], table: 'd', columns: [0, 1] };

async function time(name: string, plan: PhysicalPlan): Promise<void> {
  const t0 = performance.now();
  const t = await collectPlan(plan, c);
  const ms = performance.now() - t0;
  console.log(`${name}: ${ms.toFixed(0)} ms (${t.numRows} rows out, ${((ms * 1e6) / N).toFixed(0)} ns/input row)`);
}

await time('agg long key 1000 groups count', { kind: 'hash_aggregate', schema: [f('k', T.long), f('n', T.long)], input: scan, groupBy: [col(0, T.long)], aggregates: [{ name: 'count', args: [], distinct: false, type: T.long }] });
await time('agg string key 50000 groups', { kind: 'hash_aggregate', schema: [f('s', T.string), f('n', T.long)], input: scan, groupBy: [col(2, T.string)], aggregates: [{ name: 'count', args: [], distinct: false, type: T.long }] });
await time('join 1M x 100K', { kind: 'hash_join', schema: [f('k', T.long), f('v', T.double), f('s', T.string), f('k2', T.long), f('w', T.double)], joinType: 'inner', left: scan, right: dscan, leftKeys: [col(0, T.long)], rightKeys: [col(0, T.long)], nullSafe: [false], buildSide: 'right' });
await time('sort 1M by double', { kind: 'sort', schema: scan.schema, input: scan, keys: [{ expr: col(1, T.double), ascending: true, nullsFirst: true }] });
await time('sort 1M by string', { kind: 'sort', schema: scan.schema, input: scan, keys: [{ expr: col(2, T.string), ascending: true, nullsFirst: true }] });
await time('top 10 by double', { kind: 'top_n', schema: scan.schema, input: scan, keys: [{ expr: col(1, T.double), ascending: false, nullsFirst: false }], limit: 10, offset: 0 });
await time('filter+project', { kind: 'project', schema: [f('v', T.double)], input: { kind: 'filter', schema: scan.schema, input: scan, predicate: { kind: 'call', name: 'gt', args: [col(1, T.double), { kind: 'literal', value: 500, type: T.double }], type: T.boolean, nullable: true } }, exprs: [col(1, T.double)] });
