/**
 * Delta writes through S3Store with a real S3Client: concurrent appenders race on the
 * conditional-write server (If-None-Match: * → 412 decides each commit), a single writer on
 * s3rver (no conditional writes). The result is read back over S3 and downloaded to a folder
 * for the protocol validator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as arrow from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeltaTable } from '../../src/api/delta-table.js';
import { DeltaSqlError } from '../../src/common/errors.js';
import type { StructField } from '../../src/common/types/data-type.js';
import { createDeltaTable, writeDeltaTable } from '../../src/delta/write/index.js';
import { validateDeltaTable } from '../helpers/protocol-validator.js';
import { startLoopbackS3, type LoopbackS3 } from '../helpers/s3-server.js';
import { downloadStore } from './s3-test-util.js';

const COMMIT = /^_delta_log\/(\d{20})\.json$/;
const dirs: string[] = [];

const SCHEMA: StructField[] = [
  { name: 'id', type: { kind: 'int' }, nullable: false, metadata: {} },
  { name: 'writer', type: { kind: 'string' }, nullable: true, metadata: {} },
  { name: 'seq', type: { kind: 'int' }, nullable: true, metadata: {} },
];

/** `rows` rows for (writer, seq); ids are unique across the whole test. */
function batchOf(writer: string, seq: number, rows: number, firstId: number): arrow.Table {
  return new arrow.Table({
    id: arrow.vectorFromArray(Int32Array.from({ length: rows }, (_, i) => firstId + i)),
    writer: arrow.vectorFromArray(Array.from({ length: rows }, () => writer), new arrow.Utf8()),
    seq: arrow.vectorFromArray(Int32Array.from({ length: rows }, () => seq)),
  });
}

/** Rows as `writer:seq:id`, sorted. */
function rowKeys(table: arrow.Table): string[] {
  const ids = table.getChild('id')?.toArray() ?? [];
  const writers = table.getChild('writer')?.toArray() ?? [];
  const seqs = table.getChild('seq')?.toArray() ?? [];
  const out: string[] = [];
  for (let i = 0; i < table.numRows; i++) out.push(`${String(writers[i])}:${String(seqs[i])}:${String(ids[i])}`);
  return out.sort();
}

async function commitVersions(server: LoopbackS3, prefix: string): Promise<number[]> {
  return (await server.store(prefix).list('_delta_log/')).flatMap((m) => {
    const match = COMMIT.exec(m.path);
    return match ? [Number(match[1])] : [];
  });
}

async function validateDownloaded(server: LoopbackS3, prefix: string): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 's3-validate-'));
  dirs.push(dir);
  expect(await downloadStore(server.store(prefix), dir)).toBeGreaterThan(0);
  return validateDeltaTable(dir);
}

afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('concurrent appenders on the conditional-write server', () => {
  let server: LoopbackS3;
  beforeAll(async () => {
    server = await startLoopbackS3('mini', { pageSize: 4 });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('3 writers x 4 appends with a reader: versions contiguous, no commit overwritten, every row present, snapshots whole, table valid', async () => {
    const prefix = 'warehouse/events';
    const uri = `s3://${server.bucket}/${prefix}`;
    expect(await createDeltaTable(server.store(prefix), { schema: SCHEMA, mode: 'create' })).toEqual({ version: 0, created: true });

    const WRITERS = 3;
    const APPENDS = 4;
    const ROWS = 5;
    const expected: string[] = [];
    // A reader polls while the writers race: every snapshot it opens must be whole (5 rows per commit).
    let writing = true;
    const seen: { version: number; rows: number }[] = [];
    const reader = (async (): Promise<void> => {
      while (writing) {
        const t = await DeltaTable.open(uri, { storage: { s3: server.s3 } });
        seen.push({ version: t.version, rows: (await t.toArrow()).numRows });
      }
    })();
    const versionsByWriter = await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        // Each writer has its own store and client, as separate processes would.
        const store = server.store(prefix);
        const versions: number[] = [];
        for (let seq = 0; seq < APPENDS; seq++) {
          const firstId = (w * APPENDS + seq) * ROWS;
          const result = await writeDeltaTable(store, batchOf(`w${w}`, seq, ROWS, firstId), { mode: 'append' });
          versions.push(result.version);
          for (let i = 0; i < ROWS; i++) expected.push(`w${w}:${seq}:${firstId + i}`);
        }
        return versions;
      }),
    );

    writing = false;
    await reader;
    expect(seen.length).toBeGreaterThan(0);
    for (const snap of seen) expect(snap.rows).toBe(snap.version * ROWS);
    // S3 is strongly consistent: a later open never sees an older version.
    expect(seen.map((x) => x.version)).toEqual(seen.map((x) => x.version).sort((a, b) => a - b));

    const total = WRITERS * APPENDS;
    // Every acknowledged commit got its own version; together they are exactly 1..12.
    expect(versionsByWriter.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    for (const versions of versionsByWriter) expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(await commitVersions(server, prefix)).toEqual(Array.from({ length: total + 1 }, (_, i) => i));
    // The race was real: some conditional creates were refused, and no commit file was replaced.
    expect(server.mini?.counts.get('PUT conditional 412')).toBeGreaterThan(0);
    expect(server.mini?.overwrites.filter((k) => COMMIT.test(k.slice(prefix.length + 1)))).toEqual([]);

    const table = await DeltaTable.open(uri, { storage: { s3: server.s3 } });
    expect(table.version).toBe(total);
    expect(rowKeys(await table.toArrow())).toEqual(expected.sort());
    const history = await table.history();
    expect(history.map((h) => h.version)).toEqual(Array.from({ length: total + 1 }, (_, i) => total - i));
    expect(await validateDownloaded(server, prefix)).toEqual([]);
  });

  it('a second CREATE of the same table loses with a typed error', async () => {
    const prefix = 'warehouse/created-twice';
    const results = await Promise.all([0, 1].map(() => createDeltaTable(server.store(prefix), { schema: SCHEMA, mode: 'create' }).catch((e: unknown) => e)));
    const ok = results.filter((r) => !(r instanceof Error));
    const failed = results.filter((r): r is DeltaSqlError => r instanceof DeltaSqlError);
    expect(ok).toEqual([{ version: 0, created: true }]);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.code).toBe('TABLE_ALREADY_EXISTS');
    expect(await commitVersions(server, prefix)).toEqual([0]);
  });
});

describe('a single writer on s3rver', () => {
  let server: LoopbackS3;
  beforeAll(async () => {
    server = await startLoopbackS3('s3rver');
  });
  afterAll(async () => {
    await server.stop();
  });

  it('creates a partitioned table, appends and overwrites; reads back and validates', async () => {
    const prefix = 'lake/sales';
    const store = server.store(prefix);
    const expected: string[] = [];
    for (let seq = 0; seq < 3; seq++) {
      const result = await writeDeltaTable(store, batchOf(`w${seq % 2}`, seq, 4, seq * 4), { mode: 'append', partitionBy: ['writer'] });
      expect(result.version).toBe(seq);
      for (let i = 0; i < 4; i++) expected.push(`w${seq % 2}:${seq}:${seq * 4 + i}`);
    }
    const uri = `s3://${server.bucket}/${prefix}`;
    const table = await DeltaTable.open(uri, { storage: { s3: server.s3 } });
    expect(table.partitionColumns).toEqual(['writer']);
    expect(rowKeys(await table.toArrow())).toEqual(expected.sort());
    expect(new Set(table.files().map((f) => f.partitionValues['writer']))).toEqual(new Set(['w0', 'w1']));
    expect(await validateDownloaded(server, prefix)).toEqual([]);

    const overwritten = await writeDeltaTable(store, batchOf('w9', 9, 2, 100), { mode: 'overwrite' });
    expect(overwritten.version).toBe(3);
    expect(rowKeys(await (await DeltaTable.open(uri, { storage: { s3: server.s3 } })).toArrow())).toEqual(['w9:9:100', 'w9:9:101']);
    // Time travel over S3 still sees the appended rows.
    expect(rowKeys(await (await DeltaTable.open(uri, { version: 2, storage: { s3: server.s3 } })).toArrow())).toEqual(expected.sort());
    expect(await commitVersions(server, prefix)).toEqual([0, 1, 2, 3]);
    expect(await validateDownloaded(server, prefix)).toEqual([]);
  });
});
