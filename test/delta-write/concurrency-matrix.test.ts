import * as arrow from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import type { Action, AddAction } from '../../src/delta/actions/action-types.js';
import type { DeltaFile } from '../../src/delta/delta-file.js';
import { loadSnapshot, type Snapshot } from '../../src/delta/snapshot.js';
import { commitActions, DataFileWriter, removeFile, statsConfigFrom, Transaction, writeDeltaTable, type ReadInfo } from '../../src/delta/write/index.js';
import type { LocalStore } from '../../src/storage/local-store.js';
import { validateDeltaTable } from '../helpers/protocol-validator.js';
import { cleanupTempDirs, column, storeAt, tempTableDir } from './helpers.js';

afterAll(cleanupTempDirs);

interface Ctx {
  readonly store: LocalStore;
  readonly snapshot: Snapshot;
  readonly fileA: DeltaFile;
  readonly fileB: DeltaFile;
  newFile(part: 'a' | 'b', dataChange?: boolean): Promise<AddAction>;
}

type Step = (ctx: Ctx) => Promise<{ actions: Action[]; read: ReadInfo; operation: string }>;

async function setup(isolation: 'Serializable' | 'WriteSerializable'): Promise<{ dir: string; ctx: Ctx }> {
  const dir = tempTableDir('dw-matrix-');
  const store = storeAt(dir);
  const batch = new arrow.Table({ id: column(new arrow.Int32(), [1, 2]), p: arrow.vectorFromArray(['a', 'b'], new arrow.Utf8()) });
  await writeDeltaTable(store, batch, { mode: 'append', partitionBy: ['p'], properties: { 'delta.isolationLevel': isolation } });
  const snapshot = await loadSnapshot(store);
  const byPart = (p: string): DeltaFile => {
    const f = snapshot.files().find((x) => x.partitionValues['p'] === p);
    if (f === undefined) throw new Error(`no file for ${p}`);
    return f;
  };
  const newFile = async (part: 'a' | 'b', dataChange = true): Promise<AddAction> => {
    const w = new DataFileWriter(store, { schema: snapshot.schema, partitionColumns: ['p'], mode: 'none', stats: statsConfigFrom({}), dataChange });
    const rows = new arrow.Table({ id: column(new arrow.Int32(), [9]), p: arrow.vectorFromArray([part], new arrow.Utf8()) });
    for (const b of rows.batches) await w.write(b);
    const [add] = await w.close();
    if (add === undefined) throw new Error('no file written');
    return add;
  };
  return { dir, ctx: { store, snapshot, fileA: byPart('a'), fileB: byPart('b'), newFile } };
}

const inA = (f: DeltaFile): boolean => f.partitionValues['p'] === 'a';

const append =
  (part: 'a' | 'b'): Step =>
  async (c) => ({ actions: [await c.newFile(part)], read: {}, operation: 'WRITE' });
/** DELETE/UPDATE of partition a: reads a's file, removes it, writes a rewritten one. */
const rewriteA: Step = async (c) => ({
  actions: [removeFile(c.fileA, Date.now()), await c.newFile('a')],
  read: { predicates: [inA], files: [c.fileA.path] },
  operation: 'UPDATE',
});
const deleteA: Step = async (c) => ({ actions: [removeFile(c.fileA, Date.now())], read: { predicates: [inA], files: [c.fileA.path] }, operation: 'DELETE' });
/** A remove by path that read nothing (e.g. an external file-level delete). */
const blindRemoveA: Step = async (c) => ({ actions: [removeFile(c.fileA, Date.now())], read: {}, operation: 'DELETE' });
const optimizeA: Step = async (c) => ({
  actions: [removeFile(c.fileA, Date.now(), false), await c.newFile('a', false)],
  read: { files: [c.fileA.path] },
  operation: 'OPTIMIZE',
});
const overwrite: Step = async (c) => ({
  actions: [removeFile(c.fileA, Date.now()), removeFile(c.fileB, Date.now()), await c.newFile('a')],
  read: { wholeTable: true },
  operation: 'WRITE',
});
const setProperty: Step = async (c) => ({
  actions: [{ kind: 'metaData', ...c.snapshot.metadata, configuration: { ...c.snapshot.metadata.configuration, x: '1' } }],
  read: {},
  operation: 'SET TBLPROPERTIES',
});
const upgradeProtocol: Step = async () => ({
  actions: [{ kind: 'protocol', minReaderVersion: 1, minWriterVersion: 3, readerFeatures: undefined, writerFeatures: undefined }],
  read: {},
  operation: 'UPGRADE PROTOCOL',
});
const streamingAppend: Step = async (c) => ({
  actions: [await c.newFile('b'), { kind: 'txn', appId: 'stream-1', version: 7, lastUpdated: Date.now() }],
  read: { appIds: ['stream-1'] },
  operation: 'STREAMING UPDATE',
});

type Row = readonly [string, 'Serializable' | 'WriteSerializable', Step, Step, string];

const MATRIX: readonly Row[] = [
  ['INSERT vs INSERT', 'WriteSerializable', append('a'), append('a'), 'ok'],
  ['INSERT vs INSERT (Serializable)', 'Serializable', append('a'), append('a'), 'ok'],
  ['DELETE a vs INSERT a (WriteSerializable: blind appends do not conflict)', 'WriteSerializable', append('a'), deleteA, 'ok'],
  ['DELETE a vs INSERT a (Serializable, matches the read predicate)', 'Serializable', append('a'), deleteA, 'CONCURRENT_APPEND'],
  ['DELETE a vs INSERT b (Serializable, outside the read predicate)', 'Serializable', append('b'), deleteA, 'ok'],
  ['UPDATE a vs UPDATE a', 'WriteSerializable', rewriteA, rewriteA, 'CONCURRENT_APPEND'],
  ['DELETE a vs DELETE a', 'WriteSerializable', deleteA, deleteA, 'CONCURRENT_DELETE_READ'],
  ['remove a vs remove a (nothing read)', 'WriteSerializable', blindRemoveA, blindRemoveA, 'CONCURRENT_DELETE_DELETE'],
  ['UPDATE a vs OPTIMIZE a', 'WriteSerializable', optimizeA, rewriteA, 'CONCURRENT_DELETE_READ'],
  ['OPTIMIZE a vs INSERT a (no data change: snapshot isolation)', 'Serializable', append('a'), optimizeA, 'ok'],
  ['OPTIMIZE a vs DELETE a', 'WriteSerializable', deleteA, optimizeA, 'CONCURRENT_DELETE_READ'],
  ['overwrite vs INSERT (WriteSerializable)', 'WriteSerializable', append('b'), overwrite, 'ok'],
  ['overwrite vs INSERT (Serializable)', 'Serializable', append('b'), overwrite, 'CONCURRENT_APPEND'],
  ['INSERT vs metadata change', 'WriteSerializable', setProperty, append('a'), 'METADATA_CHANGED'],
  ['INSERT vs protocol change', 'WriteSerializable', upgradeProtocol, append('a'), 'PROTOCOL_CHANGED'],
  ['streaming append vs same appId', 'WriteSerializable', streamingAppend, streamingAppend, 'CONCURRENT_TRANSACTION'],
];

const SPARK_NAMES: Readonly<Record<string, string>> = {
  CONCURRENT_APPEND: 'ConcurrentAppendException',
  CONCURRENT_DELETE_READ: 'ConcurrentDeleteReadException',
  CONCURRENT_DELETE_DELETE: 'ConcurrentDeleteDeleteException',
  METADATA_CHANGED: 'MetadataChangedException',
  PROTOCOL_CHANGED: 'ProtocolChangedException',
  CONCURRENT_TRANSACTION: 'ConcurrentTransactionException',
};

describe('concurrency matrix: winner commits first, then ours from the same snapshot', () => {
  it.each(MATRIX)('%s (%s)', async (_name, isolation, winnerStep, oursStep, expected) => {
    const { dir, ctx } = await setup(isolation);
    const winner = await winnerStep(ctx);
    const ours = await oursStep(ctx);
    const t1 = new Transaction(ctx.store, ctx.snapshot).markRead(winner.read).addActions(...winner.actions);
    const t2 = new Transaction(ctx.store, ctx.snapshot).markRead(ours.read).addActions(...ours.actions);
    expect((await t1.commit({ name: winner.operation, parameters: {} })).version).toBe(1);
    const outcome = await t2.commit({ name: ours.operation, parameters: {} }).then(
      (r) => ({ code: 'ok', version: r.version, message: '' }),
      (e: unknown) => ({ code: (e as { code: string }).code, version: -1, message: String((e as Error).message) }),
    );
    expect(outcome.code).toBe(expected);
    if (expected === 'ok') expect(outcome.version).toBe(2);
    else expect(outcome.message).toMatch(new RegExp(`^${SPARK_NAMES[expected]}: .*Conflicting commit: version 1, operation ${winner.operation}`, 's'));
    // The loser leaves nothing in the log.
    const latest = await loadSnapshot(ctx.store);
    expect(latest.version).toBe(expected === 'ok' ? 2 : 1);
    expect(validateDeltaTable(dir)).toEqual([]);
  });
});

describe('UPDATE racing DELETE on the same file', () => {
  it('exactly one wins each round; the loser gets a conflict, never a lost update', async () => {
    for (let round = 0; round < 4; round++) {
      const { dir, ctx } = await setup('WriteSerializable');
      const update = await rewriteA(ctx);
      const del = await deleteA(ctx);
      const outcomes = await Promise.allSettled([
        commitActions(ctx.store, ctx.snapshot, update.actions, { name: 'UPDATE', parameters: {} }, update.read),
        commitActions(ctx.store, ctx.snapshot, del.actions, { name: 'DELETE', parameters: {} }, del.read),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const lost = outcomes.find((o) => o.status === 'rejected');
      const code = (lost?.status === 'rejected' ? (lost.reason as { code: string }).code : '') ?? '';
      expect(['CONCURRENT_DELETE_READ', 'CONCURRENT_APPEND']).toContain(code);
      const latest = await loadSnapshot(ctx.store);
      expect(latest.version).toBe(1);
      const updateWon = outcomes[0]?.status === 'fulfilled';
      // The update's new file is live exactly when the update won; the old file is gone either way.
      expect(latest.files().some((f) => f.path === ctx.fileA.path)).toBe(false);
      expect(latest.files().filter((f) => f.partitionValues['p'] === 'a')).toHaveLength(updateWon ? 1 : 0);
      expect(validateDeltaTable(dir)).toEqual([]);
    }
  });
});
