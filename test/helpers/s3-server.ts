/**
 * Loopback S3 servers for tests: started on 127.0.0.1 at a free port inside the test run,
 * stopped in afterAll; nothing outside the machine is contacted.
 *
 * Two servers, each used for what it really supports (verified by test/s3/server-capabilities.test.ts):
 *
 * - `s3rver` 3.7.1 (npm, pure JavaScript, file-system backed in a temp folder; checks SigV4
 *   signatures against its fixed account S3RVER/S3RVER):
 *     GetObject with Range        yes (206 + Content-Range; a start past the end → 416 InvalidRange)
 *     HeadObject / DeleteObject   yes (missing key: 404 / 204)
 *     ListObjectsV2, one page     yes (up to 1000 keys)
 *     ListObjectsV2 pagination    NO: its continuation tokens use DES, which Node 20's OpenSSL 3
 *                                 lacks, so any truncated listing answers 500 InternalError
 *     PutObject If-None-Match: *  NO: the header is ignored on PUT and the object is silently
 *                                 overwritten (200). Delta commits against s3rver are safe only
 *                                 with one writer at a time.
 * - `startMiniS3` (test/helpers/s3-server-mini.ts, node:http, in memory): the exact subset
 *   S3Store uses with S3's XML shapes and status codes, including If-None-Match: * → 412
 *   PreconditionFailed, optional 409 ConditionalRequestConflict for racing conditional PUTs,
 *   and ListObjectsV2 pagination with a configurable page size. It checks only the access key
 *   id, not signatures.
 *
 * Concurrency (commit races) is therefore proven on the mini server; reads, single-writer
 * writes and error handling run on both. Against s3rver, S3Store's commitMode 'verify' refuses
 * to commit (UNSUPPORTED) and 'single-writer' commits safely for one writer
 * (test/s3/commit-mode.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import S3rver from 's3rver';
import { S3Store, type S3StoreOptions } from '../../src/storage/s3-store.js';
import type { StorageOptions } from '../../src/storage/open-store.js';
import { startMiniS3, type MiniS3 } from './s3-server-mini.js';

// The SDK must never probe instance metadata (a network call) in tests.
process.env['AWS_EC2_METADATA_DISABLED'] = 'true';

export type LoopbackS3Kind = 's3rver' | 'mini';

export interface S3Capabilities {
  readonly conditionalWrites: boolean;
  readonly rangeReads: boolean;
  readonly listPagination: boolean;
}

/** What each server supports (asserted by the capability tests, so this table cannot go stale). */
export const DOCUMENTED_CAPABILITIES: Readonly<Record<LoopbackS3Kind, S3Capabilities>> = {
  s3rver: { conditionalWrites: false, rangeReads: true, listPagination: false },
  mini: { conditionalWrites: true, rangeReads: true, listPagination: true },
};

export type S3ConnectionOptions = NonNullable<StorageOptions['s3']>;

export interface LoopbackS3 {
  readonly kind: LoopbackS3Kind;
  readonly endpoint: string;
  readonly bucket: string;
  /** Options for `openStore('s3://bucket/prefix', { s3 })` / `DeltaTable.open(…, { storage: { s3 } })`. */
  readonly s3: S3ConnectionOptions;
  /** The mini server's own view (overwrites, request counts); undefined for s3rver. */
  readonly mini: MiniS3 | undefined;
  /** An S3Store rooted at `s3://bucket/prefix` talking to this server (`extra` overrides options). */
  store(prefix: string, extra?: StoreExtras): S3Store;
  stop(): Promise<void>;
}

export type StoreExtras = Partial<Omit<S3StoreOptions, 'bucket' | 'prefix' | 'client'>>;

export interface StartOptions {
  readonly bucket?: string;
  /** mini only: keys per ListObjectsV2 page. */
  readonly pageSize?: number;
  /** mini only: 409 for overlapping conditional PUTs of one key. */
  readonly conflictWhileInFlight?: boolean;
}

/** s3rver's built-in account; it rejects any other key. */
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
/** Fixed dummy credentials for the mini server: not real, never used anywhere else. */
const MINI_CREDENTIALS = { accessKeyId: 'LOOPBACKTESTKEY00001', secretAccessKey: 'loopback-dummy-secret-0123456789abcdef' } as const;

function handle(kind: LoopbackS3Kind, endpoint: string, bucket: string, credentials: { accessKeyId: string; secretAccessKey: string }, mini: MiniS3 | undefined, stop: () => Promise<void>): LoopbackS3 {
  const s3: S3ConnectionOptions = { region: 'us-east-1', endpoint, forcePathStyle: true, credentials };
  return {
    kind,
    endpoint,
    bucket,
    s3,
    mini,
    store: (prefix, extra = {}) => new S3Store({ bucket, prefix, ...s3, ...extra }),
    stop,
  };
}

export async function startLoopbackS3(kind: LoopbackS3Kind, options: StartOptions = {}): Promise<LoopbackS3> {
  const bucket = options.bucket ?? 'deltasql-test';
  if (kind === 'mini') {
    const mini = await startMiniS3({
      buckets: [bucket],
      accessKeyId: MINI_CREDENTIALS.accessKeyId,
      ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
      ...(options.conflictWhileInFlight !== undefined ? { conflictWhileInFlight: options.conflictWhileInFlight } : {}),
    });
    return handle('mini', mini.endpoint, bucket, MINI_CREDENTIALS, mini, () => mini.stop());
  }
  const directory = mkdtempSync(path.join(tmpdir(), 's3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const address = await server.run();
  const stop = async (): Promise<void> => {
    try {
      await server.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  };
  return handle('s3rver', `http://127.0.0.1:${address.port}`, bucket, S3RVER_CREDENTIALS, undefined, stop);
}
