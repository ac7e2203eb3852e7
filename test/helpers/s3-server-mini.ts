/**
 * A small in-memory S3-compatible server on node:http, for what s3rver lacks: conditional
 * creates (`PutObject` with `If-None-Match: *` → 412 PreconditionFailed when the key exists) and
 * ListObjectsV2 pagination. It speaks exactly the subset S3Store uses, path-style only:
 * PutObject (+ If-None-Match), GetObject (+ Range), HeadObject, ListObjectsV2 (prefix,
 * continuation-token, start-after, max-keys, encoding-type=url), DeleteObject, CreateBucket.
 * Anything else answers 501 NotImplemented. Requests must carry a SigV4 Authorization header
 * naming the configured access key id (403 InvalidAccessKeyId otherwise); signatures are not
 * verified.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeAwsChunked, listBucketResult, requestId, sendError } from './s3-server-xml.js';

interface StoredObject {
  readonly bytes: Buffer;
  readonly etag: string;
  readonly lastModified: Date;
}

export interface MiniS3Options {
  readonly buckets: readonly string[];
  readonly accessKeyId: string;
  /** Most keys one ListObjectsV2 page returns (S3: 1000); small values force pagination. */
  readonly pageSize?: number;
  /**
   * Answer 409 ConditionalRequestConflict to a conditional PUT that arrives while another
   * conditional PUT of the same key is still receiving its body (S3 may answer 409 to racing
   * conditional writes; clients retry).
   */
  readonly conflictWhileInFlight?: boolean;
}

export interface MiniS3 {
  readonly endpoint: string;
  /** Keys written by a PUT over an existing object (an unconditional overwrite). */
  readonly overwrites: readonly string[];
  /** How many requests of each kind were served, e.g. `GET range`, `PUT conditional 412`. */
  readonly counts: ReadonlyMap<string, number>;
  objectKeys(bucket: string): string[];
  stop(): Promise<void>;
}

const httpDate = (d: Date): string => d.toUTCString();

function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (header === undefined) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (m === null || (m[1] === '' && m[2] === '')) return undefined; // S3 ignores a malformed Range
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return undefined;
  return { start, end };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startMiniS3(options: MiniS3Options): Promise<MiniS3> {
  const buckets = new Map<string, Map<string, StoredObject>>(options.buckets.map((b) => [b, new Map()]));
  const pageSize = options.pageSize ?? 1000;
  const inFlight = new Set<string>();
  const overwrites: string[] = [];
  const counts = new Map<string, number>();
  const count = (what: string): void => {
    counts.set(what, (counts.get(what) ?? 0) + 1);
  };

  async function putObject(req: IncomingMessage, res: ServerResponse, bucket: string, objects: Map<string, StoredObject>, key: string): Promise<void> {
    const conditional = req.headers['if-none-match'];
    const flightKey = `${bucket}/${key}`;
    if (conditional !== undefined && conditional !== '*') {
      return sendError(res, 'PUT', 501, 'NotImplemented', 'If-None-Match on PutObject supports only "*"', { Header: 'If-None-Match' });
    }
    const racing = conditional === '*' && inFlight.has(flightKey);
    if (conditional === '*' && !racing) inFlight.add(flightKey);
    try {
      let body = await readBody(req);
      const contentEncoding = req.headers['content-encoding'] ?? '';
      const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
      if (contentEncoding.includes('aws-chunked') || payloadHash.startsWith('STREAMING-')) body = decodeAwsChunked(body);
      // In conflict mode a conditional PUT takes a little server time, so racing ones overlap.
      if (options.conflictWhileInFlight === true) await new Promise((resolve) => setTimeout(resolve, 2));
      if (racing && options.conflictWhileInFlight === true) {
        count('PUT conditional 409');
        return sendError(res, 'PUT', 409, 'ConditionalRequestConflict', 'A conflicting conditional operation is currently in progress against this resource. Please try again.', { Key: key });
      }
      // The check and the store happen in one turn of the event loop: atomic.
      if (conditional === '*' && objects.has(key)) {
        count('PUT conditional 412');
        return sendError(res, 'PUT', 412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { Condition: 'If-None-Match' });
      }
      if (objects.has(key)) overwrites.push(key);
      const etag = `"${createHash('md5').update(body).digest('hex')}"`;
      objects.set(key, { bytes: body, etag, lastModified: new Date() });
      count(conditional === '*' ? 'PUT conditional 200' : 'PUT 200');
      res.writeHead(200, { etag, 'content-length': '0', 'x-amz-request-id': requestId() });
      res.end();
    } finally {
      if (conditional === '*' && !racing) inFlight.delete(flightKey);
    }
  }

  function getObject(req: IncomingMessage, res: ServerResponse, method: string, objects: Map<string, StoredObject>, key: string): void {
    const found = objects.get(key);
    if (found === undefined) {
      count(`${method} 404`);
      return sendError(res, method, 404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });
    }
    const size = found.bytes.length;
    const common = { etag: found.etag, 'last-modified': httpDate(found.lastModified), 'accept-ranges': 'bytes', 'content-type': 'application/octet-stream', 'x-amz-request-id': requestId() };
    const range = method === 'GET' ? parseRange(req.headers.range, size) : undefined;
    if (range === 'unsatisfiable') {
      count('GET range 416');
      return sendError(res, method, 416, 'InvalidRange', 'The requested range is not satisfiable', { RangeRequested: req.headers.range ?? '', ActualObjectSize: String(size) }, { 'content-range': `bytes */${size}` });
    }
    if (range !== undefined) {
      count('GET range');
      const slice = found.bytes.subarray(range.start, range.end + 1);
      res.writeHead(206, { ...common, 'content-length': String(slice.length), 'content-range': `bytes ${range.start}-${range.end}/${size}` });
      res.end(slice);
      return;
    }
    count(method);
    res.writeHead(200, { ...common, 'content-length': String(size) });
    res.end(method === 'HEAD' ? undefined : found.bytes);
  }

  function listObjects(res: ServerResponse, bucket: string, objects: Map<string, StoredObject>, query: URLSearchParams): void {
    if (query.has('delimiter')) return sendError(res, 'GET', 501, 'NotImplemented', 'delimiter is not implemented by this test server');
    const prefix = query.get('prefix') ?? '';
    const token = query.get('continuation-token') ?? undefined;
    const startAfter = query.get('start-after') ?? undefined;
    const maxKeys = Math.min(Number(query.get('max-keys') ?? '1000'), 1000);
    let after = startAfter ?? '';
    if (token !== undefined) {
      after = Buffer.from(token, 'base64url').toString('utf8');
      if (after === '') return sendError(res, 'GET', 400, 'InvalidArgument', 'The continuation token provided is incorrect', { ArgumentName: 'continuation-token' });
    }
    const keys = [...objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
    const take = Math.min(maxKeys, pageSize);
    const page = keys.slice(0, take);
    const last = page[page.length - 1];
    const truncated = keys.length > take && last !== undefined;
    count('LIST');
    const body = listBucketResult({
      bucket,
      prefix,
      maxKeys,
      startAfter,
      continuationToken: token,
      nextContinuationToken: truncated ? Buffer.from(last, 'utf8').toString('base64url') : undefined,
      urlEncoded: query.get('encoding-type') === 'url',
      objects: page.map((key) => {
        const o = objects.get(key) as StoredObject;
        return { key, size: o.bytes.length, etag: o.etag, lastModified: o.lastModified };
      }),
    });
    res.writeHead(200, { 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(body)), 'x-amz-request-id': requestId() });
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const auth = req.headers.authorization ?? '';
    const credential = /Credential=([^/,\s]+)\//.exec(auth)?.[1];
    if (credential !== options.accessKeyId) {
      req.resume();
      count('403');
      return sendError(res, method, 403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', { AWSAccessKeyId: credential ?? '' });
    }
    const url = new URL(req.url ?? '/', 'http://loopback');
    const slash = url.pathname.indexOf('/', 1);
    const bucket = decodeURIComponent(slash < 0 ? url.pathname.slice(1) : url.pathname.slice(1, slash));
    const key = slash < 0 ? '' : decodeURIComponent(url.pathname.slice(slash + 1));
    const query = url.searchParams;
    query.delete('x-id'); // the SDK names the operation in the query; not a sub-resource
    if (key === '' && method === 'PUT' && [...query.keys()].length === 0) {
      req.resume();
      if (!buckets.has(bucket)) buckets.set(bucket, new Map());
      res.writeHead(200, { location: `/${bucket}`, 'content-length': '0' });
      return void res.end();
    }
    const objects = buckets.get(bucket);
    if (objects === undefined) {
      req.resume();
      return sendError(res, method, 404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket });
    }
    const subresources = [...query.keys()].filter((k) => !['list-type', 'prefix', 'continuation-token', 'start-after', 'max-keys', 'encoding-type', 'delimiter', 'fetch-owner'].includes(k));
    if (key === '' && method === 'GET' && query.get('list-type') === '2' && subresources.length === 0) return listObjects(res, bucket, objects, query);
    if (key !== '' && [...query.keys()].length === 0) {
      if (method === 'PUT') return putObject(req, res, bucket, objects, key);
      if (method === 'GET' || method === 'HEAD') return getObject(req, res, method, objects, key);
      if (method === 'DELETE') {
        objects.delete(key);
        count('DELETE');
        res.writeHead(204, { 'x-amz-request-id': requestId() });
        return void res.end();
      }
    }
    req.resume();
    sendError(res, method, 501, 'NotImplemented', `${method} ${url.pathname}${url.search} is not implemented by this test server`);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, req.method ?? 'GET', 500, 'InternalError', error instanceof Error ? error.message : String(error));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    overwrites,
    counts,
    objectKeys: (bucket) => [...(buckets.get(bucket)?.keys() ?? [])].sort(),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
