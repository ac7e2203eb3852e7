/**
 * Opening a large Delta log: 1,000 commits, 100,000 add actions, a classic Parquet checkpoint at
 * version 990 plus 9 JSON commits after it. Prints the cold time to load the latest snapshot.
 */
import * as arrow from 'apache-arrow';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSnapshot } from '../../src/delta/snapshot.js';
import { LocalStore } from '../../src/storage/local-store.js';
import { writeParquet } from '../../src/storage/parquet/write-parquet.js';

const COMMITS = 1000;
const FILES_PER_COMMIT = 100;
const CHECKPOINT_VERSION = 990;
const pad20 = (v: number): string => String(v).padStart(20, '0');
const SCHEMA = JSON.stringify({
  type: 'struct',
  fields: [
    { name: 'id', type: 'long', nullable: true, metadata: {} },
    { name: 'value', type: 'string', nullable: true, metadata: {} },
  ],
});

function addFor(version: number, i: number): { path: string; size: bigint; modificationTime: bigint; dataChange: boolean; stats: string } {
  const n = version * FILES_PER_COMMIT + i;
  return {
    path: `part-${String(n).padStart(6, '0')}-c000.snappy.parquet`,
    size: BigInt(10_000 + i),
    modificationTime: BigInt(1_700_000_000_000 + version),
    dataChange: true,
    stats: JSON.stringify({ numRecords: 1000, minValues: { id: n * 1000, value: 'a' }, maxValues: { id: n * 1000 + 999, value: 'z' }, nullCount: { id: 0, value: 0 } }),
  };
}

function checkpointTable(): arrow.Table {
  const rows = 2 + (CHECKPOINT_VERSION + 1) * FILES_PER_COMMIT;
  const protocolType = new arrow.Struct([new arrow.Field('minReaderVersion', new arrow.Int32()), new arrow.Field('minWriterVersion', new arrow.Int32())]);
  const metaType = new arrow.Struct([
    new arrow.Field('id', new arrow.Utf8()),
    new arrow.Field('schemaString', new arrow.Utf8()),
    new arrow.Field('partitionColumns', new arrow.List(new arrow.Field('element', new arrow.Utf8()))),
    new arrow.Field('createdTime', new arrow.Int64()),
  ]);
  const addType = new arrow.Struct([
    new arrow.Field('path', new arrow.Utf8()),
    new arrow.Field('size', new arrow.Int64()),
    new arrow.Field('modificationTime', new arrow.Int64()),
    new arrow.Field('dataChange', new arrow.Bool()),
    new arrow.Field('stats', new arrow.Utf8()),
  ]);
  const protocols: unknown[] = [{ minReaderVersion: 1, minWriterVersion: 2 }, null];
  const metas: unknown[] = [null, { id: 'bench', schemaString: SCHEMA, partitionColumns: [], createdTime: 1n }];
  const adds: unknown[] = [null, null];
  for (let v = 0; v <= CHECKPOINT_VERSION; v++) for (let i = 0; i < FILES_PER_COMMIT; i++) adds.push(addFor(v, i));
  for (let r = 2; r < rows; r++) {
    protocols.push(null);
    metas.push(null);
  }
  return new arrow.Table({
    protocol: arrow.vectorFromArray(protocols, protocolType),
    metaData: arrow.vectorFromArray(metas, metaType),
    add: arrow.vectorFromArray(adds, addType),
  });
}

function commitText(version: number): string {
  const lines: unknown[] = [{ commitInfo: { timestamp: 1_700_000_000_000 + version, operation: 'WRITE' } }];
  if (version === 0) {
    lines.push({ protocol: { minReaderVersion: 1, minWriterVersion: 2 } });
    lines.push({ metaData: { id: 'bench', format: { provider: 'parquet', options: {} }, schemaString: SCHEMA, partitionColumns: [], configuration: {} } });
  }
  for (let i = 0; i < FILES_PER_COMMIT; i++) {
    const a = addFor(version, i);
    lines.push({ add: { ...a, size: Number(a.size), modificationTime: Number(a.modificationTime), partitionValues: {} } });
  }
  return lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
}

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'deltasql-open-bench-'));
  try {
    const t0 = performance.now();
    await mkdir(join(dir, '_delta_log'));
    for (let v = 0; v < COMMITS; v++) await writeFile(join(dir, '_delta_log', `${pad20(v)}.json`), commitText(v));
    const checkpoint = writeParquet(checkpointTable(), { compression: 'snappy' });
    await writeFile(join(dir, '_delta_log', `${pad20(CHECKPOINT_VERSION)}.checkpoint.parquet`), checkpoint);
    await writeFile(join(dir, '_delta_log', '_last_checkpoint'), JSON.stringify({ version: CHECKPOINT_VERSION, size: 2 + (CHECKPOINT_VERSION + 1) * FILES_PER_COMMIT }));
    console.log(`setup: ${COMMITS} commits, ${COMMITS * FILES_PER_COMMIT} adds, checkpoint ${(checkpoint.length / 1e6).toFixed(1)} MB at v${CHECKPOINT_VERSION} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    for (let run = 1; run <= 3; run++) {
      const start = performance.now();
      const cpu0 = process.cpuUsage();
      const snapshot = await loadSnapshot(new LocalStore(dir));
      const files = snapshot.files().length;
      const ms = performance.now() - start;
      const cpu = process.cpuUsage(cpu0);
      // CPU time is printed too: on a shared machine wall time mostly measures the neighbours.
      console.log(
        `open latest snapshot (run ${run}): ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU · version ${snapshot.version} · ${files} files`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
