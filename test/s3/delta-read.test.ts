/**
 * Delta tables written by other implementations, uploaded byte for byte into a loopback bucket
 * and read through `s3://bucket/prefix` with a real S3Client: every version read equals the
 * same read of the local folder.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeltaTable } from '../../src/api/delta-table.js';
import { DeltaSqlError } from '../../src/common/errors.js';
import { startLoopbackS3, type LoopbackS3, type LoopbackS3Kind } from '../helpers/s3-server.js';
import { sortedRows, uploadFolder } from './s3-test-util.js';

const SHARED = '/work/shared/delta-tables';
/** Partitioned (escaped and emoji directory names), checkpointed (single, multi-part, v2), deletion vectors. */
const TABLES = [
  'dat__basic_partitioned',
  'dat__multi_partitioned',
  'dat__with_checkpoint',
  'kernel-rs__multi-part-checkpoint',
  'delta-rs__checkpoint-v2-table',
  'delta__basic-dv-with-checkpoint',
  'kernel-rs__dv-with-columnmapping',
];
/** s3rver (slower: file-system backed) reads one table of each kind; the mini server reads all. */
const S3RVER_TABLES = ['dat__multi_partitioned', 'kernel-rs__multi-part-checkpoint', 'kernel-rs__dv-with-columnmapping'];
const present = (t: string): boolean => existsSync(path.join(SHARED, t, 'delta'));
const tablesFor = (kind: LoopbackS3Kind): string[] => (kind === 's3rver' ? S3RVER_TABLES : TABLES);

describe.each<LoopbackS3Kind>(['s3rver', 'mini'])('Delta reads over S3 (%s)', (kind) => {
  let server: LoopbackS3;
  const available = tablesFor(kind).filter(present);
  beforeAll(async () => {
    // A small page size on the mini server makes every log listing paginate.
    server = await startLoopbackS3(kind, kind === 'mini' ? { pageSize: 5 } : {});
    // Hadoop `.crc` sidecars are skipped: readers ignore them, and they are half the objects.
    await Promise.all(available.map((table) => uploadFolder(path.join(SHARED, table, 'delta'), server.store(`shared/${table}`), (rel) => !rel.endsWith('.crc'))));
  });
  afterAll(async () => {
    await server.stop();
  });

  it('has the shared tables to read', () => {
    expect(available).toEqual(tablesFor(kind));
  });

  it.each(available)('%s: every version reads the same as the local folder', async (table) => {
    const local = await DeltaTable.open(path.join(SHARED, table, 'delta'));
    const uri = `s3://${server.bucket}/shared/${table}`;
    const remote = await DeltaTable.open(uri, { storage: { s3: server.s3 } });
    expect(remote.version).toBe(local.version);
    expect(remote.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(local.schema.fields.map((f) => `${f.name}:${String(f.type)}`));
    expect(remote.partitionColumns).toEqual(local.partitionColumns);
    expect(remote.files().map((f) => f.path).sort()).toEqual(local.files().map((f) => f.path).sort());
    const localRows = sortedRows(await local.toArrow());
    expect(localRows.length).toBeGreaterThan(0);
    expect(sortedRows(await remote.toArrow())).toEqual(localRows);
    // Time travel to the first version too.
    for (const version of local.version > 0 ? [0] : []) {
      const l = await DeltaTable.open(path.join(SHARED, table, 'delta'), { version }).catch((e: unknown) => e);
      const r = await DeltaTable.open(uri, { version, storage: { s3: server.s3 } }).catch((e: unknown) => e);
      if (l instanceof DeltaTable) {
        expect(r).toBeInstanceOf(DeltaTable);
        expect(sortedRows(await (r as DeltaTable).toArrow())).toEqual(sortedRows(await l.toArrow()));
      } else {
        // A version the log no longer has (cleaned up): the same typed error from both stores.
        expect(l).toBeInstanceOf(DeltaSqlError);
        expect((r as DeltaSqlError).code).toBe((l as DeltaSqlError).code);
      }
    }
  });

  it('reads Parquet footers and columns with Range requests', async () => {
    const table = await DeltaTable.open(`s3://${server.bucket}/shared/kernel-rs__multi-part-checkpoint`, { storage: { s3: server.s3 } });
    expect((await table.toArrow({ columns: [table.schema.fields[0]?.name ?? ''] })).numRows).toBeGreaterThan(0);
    if (server.mini !== undefined) expect(server.mini.counts.get('GET range')).toBeGreaterThan(0);
  });

  it('a prefix with no table is TABLE_NOT_FOUND', async () => {
    const error = await DeltaTable.open(`s3://${server.bucket}/shared/no-such-table`, { storage: { s3: server.s3 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeltaSqlError);
    expect((error as DeltaSqlError).code).toBe('TABLE_NOT_FOUND');
  });
});
