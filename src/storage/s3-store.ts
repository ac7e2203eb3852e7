/**
 * An object store over S3 (or any S3-compatible service) via @aws-sdk/client-s3.
 * Create-if-absent is `PutObject` with `If-None-Match: *`: 412 means the key
 * exists; 409 (a concurrent conditional write in flight) is retried.
 * The SDK is imported on first use: loading it costs ~150 ms of CPU, which every
 * CLI start would otherwise pay even without S3.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { DeltaSqlError } from '../common/errors.js';
import type { ByteRange, ObjectMeta, ObjectStore } from './object-store.js';

export interface S3StoreOptions {
  readonly bucket: string;
  /** Key prefix of the store root, without leading or trailing slash ('' for the bucket root). */
  readonly prefix?: string;
  /** An existing client (tests inject a fake); otherwise one is built from the options below. */
  readonly client?: S3Client;
  readonly region?: string;
  readonly endpoint?: string;
  readonly forcePathStyle?: boolean;
  /** Omit to use the SDK's default chain (environment, profile, SSO, instance metadata…). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
  /** Retries of putIfAbsent on 409 ConditionalRequestConflict. */
  readonly conflictRetries?: number;
  /**
   * How putIfAbsent (every Delta commit) stays safe. Some S3-compatible servers ignore
   * `If-None-Match: *` on PUT and silently overwrite (s3rver does).
   * - 'conditional' (default): trust the endpoint to honour If-None-Match (AWS S3 does).
   * - 'verify': the same, after checking once per store with a probe object (created twice
   *   under the root, then deleted) that the endpoint refuses the second create; if it does not,
   *   every putIfAbsent fails with UNSUPPORTED instead of risking a lost commit.
   * - 'single-writer': for endpoints without conditional writes, when only one writer commits
   *   at a time: HEAD, then PUT, then read back; a commit file found replaced by another writer
   *   fails with CONCURRENT_TRANSACTION (detected, not prevented).
   */
  readonly commitMode?: S3CommitMode;
}

export type S3CommitMode = 'conditional' | 'verify' | 'single-writer';

interface SdkErrorShape {
  readonly name: string;
  readonly status: number | undefined;
  readonly message: string;
}

function describeSdkError(error: unknown): SdkErrorShape {
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const meta = record['$metadata'];
  const status =
    typeof meta === 'object' && meta !== null && typeof (meta as Record<string, unknown>)['httpStatusCode'] === 'number'
      ? ((meta as Record<string, unknown>)['httpStatusCode'] as number)
      : undefined;
  const name = typeof record['name'] === 'string' ? record['name'] : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return { name, status, message };
}

type S3Sdk = typeof import('@aws-sdk/client-s3');
let sdkModule: Promise<S3Sdk> | undefined;
const loadSdk = (): Promise<S3Sdk> => (sdkModule ??= import('@aws-sdk/client-s3'));

type ClientConfig = NonNullable<ConstructorParameters<typeof import('@aws-sdk/client-s3').S3Client>[0]>;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class S3Store implements ObjectStore {
  readonly root: string;
  private readonly bucket: string;
  /** '' or a key prefix ending in '/'. */
  private readonly base: string;
  /** The injected client, or one built on first use from `clientConfig`. */
  private client: S3Client | undefined;
  private readonly clientConfig: ClientConfig;
  private readonly secrets: readonly string[];
  private readonly conflictRetries: number;
  private readonly commitMode: S3CommitMode;
  /** 'verify' mode: whether the endpoint honours If-None-Match, probed once. */
  private conditionalProbe: Promise<boolean> | undefined;

  constructor(options: S3StoreOptions) {
    if (options.bucket === '') throw new DeltaSqlError('INVALID_ARGUMENT', 'S3 store needs a bucket');
    this.bucket = options.bucket;
    const prefix = (options.prefix ?? '').split('/').filter((p) => p !== '').join('/');
    this.base = prefix === '' ? '' : `${prefix}/`;
    this.root = `s3://${this.bucket}${prefix === '' ? '' : `/${prefix}`}`;
    this.conflictRetries = options.conflictRetries ?? 8;
    this.commitMode = options.commitMode ?? 'conditional';
    const creds = options.credentials;
    this.secrets = creds ? [creds.accessKeyId, creds.secretAccessKey, creds.sessionToken ?? ''].filter((s) => s.length >= 4) : [];
    this.client = options.client;
    this.clientConfig = {
        ...(options.region !== undefined ? { region: options.region } : {}),
        ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
        ...(options.forcePathStyle !== undefined ? { forcePathStyle: options.forcePathStyle } : {}),
        ...(creds !== undefined
          ? {
              credentials: {
                accessKeyId: creds.accessKeyId,
                secretAccessKey: creds.secretAccessKey,
                ...(creds.sessionToken !== undefined ? { sessionToken: creds.sessionToken } : {}),
              },
            }
          : {}),
    };
  }

  /** The SDK module and the client, both loaded on the first request. */
  private async sdk(): Promise<{ readonly sdk: S3Sdk; readonly client: S3Client }> {
    const sdk = await loadSdk();
    this.client ??= new sdk.S3Client(this.clientConfig);
    return { sdk, client: this.client };
  }

  private key(path: string): string {
    return this.base + path;
  }

  /** Error text with any configured secret masked: credentials never reach a message. */
  private scrub(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('***');
    return out;
  }

  private failure(error: unknown, action: string, path: string): DeltaSqlError {
    if (error instanceof DeltaSqlError) return error;
    const { name, status, message } = describeSdkError(error);
    // Also a 404, but a missing bucket is a configuration error, not a missing file.
    if (name === 'NoSuchBucket') {
      return new DeltaSqlError('IO', `cannot ${action} ${path} in ${this.root}: NoSuchBucket: bucket '${this.bucket}' does not exist`);
    }
    if (name === 'NoSuchKey' || name === 'NotFound' || status === 404) {
      return new DeltaSqlError('FILE_NOT_FOUND', `file not found: ${path} (in ${this.root})`);
    }
    const detail = this.scrub(`${name}${status !== undefined ? ` (HTTP ${status})` : ''}: ${message}`);
    return new DeltaSqlError('IO', `cannot ${action} ${path} in ${this.root}: ${detail}`);
  }

  async get(path: string, range?: ByteRange): Promise<Uint8Array> {
    if (range !== undefined && range.end <= range.start) {
      // An empty range is not expressible as an HTTP Range; only check existence.
      if ((await this.head(path)) === undefined) throw this.failure({ name: 'NoSuchKey' }, 'read', path);
      return new Uint8Array(0);
    }
    try {
      const { sdk, client } = await this.sdk();
      const response = await client.send(
        new sdk.GetObjectCommand({
          Bucket: this.bucket,
          Key: this.key(path),
          ...(range !== undefined ? { Range: `bytes=${Math.max(0, range.start)}-${range.end - 1}` } : {}),
        }),
      );
      const body: unknown = response.Body;
      if (body === undefined || body === null) return new Uint8Array(0);
      if (typeof body === 'object' && 'transformToByteArray' in body && typeof body.transformToByteArray === 'function') {
        const bytes: unknown = await (body.transformToByteArray as () => Promise<unknown>)();
        if (bytes instanceof Uint8Array) return bytes;
      }
      throw new DeltaSqlError('IO', `cannot read ${path} in ${this.root}: unexpected response body`);
    } catch (error) {
      const { name, status } = describeSdkError(error);
      // A range starting past the end: the object exists, the slice is empty (as local and memory stores do).
      if (range !== undefined && (status === 416 || name === 'InvalidRange')) return new Uint8Array(0);
      throw this.failure(error, 'read', path);
    }
  }

  async put(path: string, bytes: Uint8Array): Promise<void> {
    try {
      const { sdk, client } = await this.sdk();
      await client.send(new sdk.PutObjectCommand({ Bucket: this.bucket, Key: this.key(path), Body: bytes }));
    } catch (error) {
      throw this.failure(error, 'write', path);
    }
  }

  async putIfAbsent(path: string, bytes: Uint8Array): Promise<boolean> {
    if (this.commitMode === 'single-writer') return this.putIfAbsentSingleWriter(path, bytes);
    if (this.commitMode === 'verify') {
      this.conditionalProbe ??= this.probeConditionalWrites();
      let honoured: boolean;
      try {
        honoured = await this.conditionalProbe;
      } catch (error) {
        this.conditionalProbe = undefined; // a failed probe (network, auth) is retried next time
        throw error;
      }
      if (!honoured) {
        throw new DeltaSqlError('UNSUPPORTED', `the S3 endpoint of ${this.root} ignores conditional writes (If-None-Match: *): concurrent commits could overwrite each other, so ${path} was not written`, {
          hint: "Use an endpoint with conditional writes, or commitMode 'single-writer' if only one writer ever commits to this table at a time.",
        });
      }
    }
    return this.putConditional(path, bytes);
  }

  /** Creates a probe object twice with If-None-Match: *; true when the second create is refused. */
  private async probeConditionalWrites(): Promise<boolean> {
    const probe = `.deltasql-conditional-write-probe-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    try {
      if (!(await this.putConditional(probe, new Uint8Array([1])))) return true;
      return !(await this.putConditional(probe, new Uint8Array([2])));
    } finally {
      await this.delete(probe);
    }
  }

  private async putIfAbsentSingleWriter(path: string, bytes: Uint8Array): Promise<boolean> {
    if ((await this.head(path)) !== undefined) return false;
    if (!(await this.putConditional(path, bytes))) return false;
    const stored = await this.get(path);
    if (stored.length !== bytes.length || stored.some((b, i) => b !== bytes[i])) {
      throw new DeltaSqlError('CONCURRENT_TRANSACTION', `${path} in ${this.root} was replaced by another writer while committing`, {
        hint: "commitMode 'single-writer' allows one writer at a time; this endpoint has no conditional writes to arbitrate between several.",
      });
    }
    return true;
  }

  /** PutObject with If-None-Match: * (412: exists → false; 409: retried with backoff). */
  private async putConditional(path: string, bytes: Uint8Array): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        const { sdk, client } = await this.sdk();
        await client.send(
          new sdk.PutObjectCommand({ Bucket: this.bucket, Key: this.key(path), Body: bytes, IfNoneMatch: '*' }),
        );
        return true;
      } catch (error) {
        const { name, status } = describeSdkError(error);
        if (status === 412 || name === 'PreconditionFailed') return false;
        const conflict = status === 409 || name === 'ConditionalRequestConflict';
        if (!conflict || attempt >= this.conflictRetries) throw this.failure(error, 'create', path);
        // Exponential backoff with full jitter, capped at ~1 s.
        await sleep(Math.random() * Math.min(1000, 25 * 2 ** attempt));
      }
    }
  }

  async list(prefix: string): Promise<ObjectMeta[]> {
    const out: ObjectMeta[] = [];
    let token: string | undefined;
    try {
      const { sdk, client } = await this.sdk();
      do {
        const response = await client.send(
          new sdk.ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: this.key(prefix),
            ...(token !== undefined ? { ContinuationToken: token } : {}),
          }),
        );
        for (const item of response.Contents ?? []) {
          if (item.Key === undefined || !item.Key.startsWith(this.base)) continue;
          out.push({
            path: item.Key.slice(this.base.length),
            size: item.Size ?? 0,
            lastModified: item.LastModified?.getTime() ?? 0,
          });
        }
        token = response.IsTruncated === true ? response.NextContinuationToken : undefined;
      } while (token !== undefined);
    } catch (error) {
      throw this.failure(error, 'list', prefix);
    }
    out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return out;
  }

  async delete(path: string): Promise<void> {
    try {
      const { sdk, client } = await this.sdk();
      await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(path) }));
    } catch (error) {
      const failure = this.failure(error, 'delete', path);
      if (failure.code !== 'FILE_NOT_FOUND') throw failure;
    }
  }

  async head(path: string): Promise<ObjectMeta | undefined> {
    try {
      const { sdk, client } = await this.sdk();
      const response = await client.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: this.key(path) }));
      return { path, size: response.ContentLength ?? 0, lastModified: response.LastModified?.getTime() ?? 0 };
    } catch (error) {
      const failure = this.failure(error, 'stat', path);
      if (failure.code === 'FILE_NOT_FOUND') return undefined;
      throw failure;
    }
  }
}
