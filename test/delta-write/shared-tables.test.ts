import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as arrow from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { DeltaSqlError } from '../../src/common/errors.js';
import { readDeltaFile } from '../../src/delta/scan/read-delta-file.js';
import { loadSnapshot } from '../../src/delta/snapshot.js';
import { writeDeltaTable } from '../../src/delta/write/index.js';
import { validateDeltaTable } from '../helpers/protocol-validator.js';
import { cleanupTempDirs, copyTable, readTableRows, storeAt } from './helpers.js';

afterAll(cleanupTempDirs);

const SHARED = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../shared/delta-tables');
const TABLES = existsSync(SHARED) ? readdirSync(SHARED).filter((n) => existsSync(path.join(SHARED, n, 'delta', '_delta_log'))) : [];

/** Tables whose protocol needs a writer feature deltasql does not implement, and the feature named. */
const REFUSED: Readonly<Record<string, string>> = {
  'delta-rs__checkpoint-v2-table': "'v2Checkpoint', 'identityColumns'",
  'kernel-rs__v2-checkpoints-parquet-with-sidecars': "'v2Checkpoint'",
};

describe('appending to tables written by Spark, Databricks and delta-rs (copies)', () => {
  it('finds the shared tables', () => {
    expect(TABLES.length).toBeGreaterThan(15);
  });

  it.each(TABLES)('%s', async (name) => {
    const dir = copyTable(path.join(SHARED, name, 'delta'));
    const store = storeAt(dir);
    const snapshot = await loadSnapshot(store);
    // Append a copy of the rows of one live file: exactly the table's types, partitions and names.
    const file = snapshot.files().find((f) => f.deletionVector === undefined) ?? snapshot.files()[0];
    const batches: arrow.RecordBatch[] = [];
    if (file !== undefined) for await (const b of readDeltaFile(store, snapshot, file)) batches.push(b);
    const data = batches.length > 0 ? new arrow.Table(batches) : new arrow.Table(snapshot.arrowSchema, []);
    const before = await readTableRows(dir);
    const outcome = await writeDeltaTable(store, data.batches, { mode: 'append' }).then(
      (r) => r,
      (e: unknown) => e,
    );
    const refused = REFUSED[name];
    if (refused !== undefined) {
      expect(outcome).toBeInstanceOf(DeltaSqlError);
      expect((outcome as DeltaSqlError).code).toBe('PROTOCOL_UNSUPPORTED');
      expect((outcome as DeltaSqlError).message).toContain(refused);
      expect((await loadSnapshot(store)).version).toBe(snapshot.version);
      return;
    }
    if (outcome instanceof Error) throw outcome;
    expect((outcome as { version: number }).version).toBe(snapshot.version + 1);
    const after = await readTableRows(dir);
    expect(after.length).toBe(before.length + data.numRows);
    expect(validateDeltaTable(dir)).toEqual([]);
  });
});
