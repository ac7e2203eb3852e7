/**
 * Probes each loopback server with a plain S3Client and checks the capability table documented
 * in test/helpers/s3-server.ts, so the documentation fails loudly if a server changes.
 */
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTED_CAPABILITIES, startLoopbackS3, type LoopbackS3, type LoopbackS3Kind, type S3Capabilities } from '../helpers/s3-server.js';

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('$metadata' in error)) return undefined;
  const meta: unknown = error.$metadata;
  if (typeof meta !== 'object' || meta === null || !('httpStatusCode' in meta)) return undefined;
  return typeof meta.httpStatusCode === 'number' ? meta.httpStatusCode : undefined;
}

async function probe(server: LoopbackS3): Promise<S3Capabilities & { overwroteOnConditional: boolean }> {
  const client = new S3Client({ ...server.s3 });
  const Bucket = server.bucket;
  const text = async (Key: string, Range?: string): Promise<string> => {
    const r = await client.send(new GetObjectCommand({ Bucket, Key, ...(Range !== undefined ? { Range } : {}) }));
    return r.Body === undefined ? '' : await r.Body.transformToString();
  };
  try {
    await client.send(new PutObjectCommand({ Bucket, Key: 'probe/cond', Body: 'first', IfNoneMatch: '*' }));
    let conditionalWrites = false;
    try {
      await client.send(new PutObjectCommand({ Bucket, Key: 'probe/cond', Body: 'second', IfNoneMatch: '*' }));
    } catch (error) {
      conditionalWrites = statusOf(error) === 412;
    }
    const overwroteOnConditional = (await text('probe/cond')) === 'second';

    await client.send(new PutObjectCommand({ Bucket, Key: 'probe/range', Body: '0123456789' }));
    const rangeReads = (await text('probe/range', 'bytes=2-4')) === '234';

    for (const k of ['a', 'b', 'c']) await client.send(new PutObjectCommand({ Bucket, Key: `probe/list/${k}`, Body: k }));
    let listPagination = false;
    try {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: 'probe/list/', MaxKeys: 1, ...(token !== undefined ? { ContinuationToken: token } : {}) }));
        keys.push(...(page.Contents ?? []).map((c) => c.Key ?? ''));
        token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
      } while (token !== undefined);
      listPagination = keys.join() === 'probe/list/a,probe/list/b,probe/list/c';
    } catch (error) {
      // s3rver: HTTP 500 (DES is not in OpenSSL 3); anything else is a new failure worth seeing.
      expect(statusOf(error)).toBe(500);
    }
    return { conditionalWrites, rangeReads, listPagination, overwroteOnConditional };
  } finally {
    client.destroy();
  }
}

describe.each<LoopbackS3Kind>(['s3rver', 'mini'])('%s capabilities', (kind) => {
  let server: LoopbackS3;
  beforeAll(async () => {
    server = await startLoopbackS3(kind);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('match the documented table', async () => {
    const found = await probe(server);
    const { overwroteOnConditional, ...caps } = found;
    expect(caps).toEqual(DOCUMENTED_CAPABILITIES[kind]);
    // Without conditional writes the second creator silently replaced the first one's object.
    expect(overwroteOnConditional).toBe(!DOCUMENTED_CAPABILITIES[kind].conditionalWrites);
  });

  it('listens on loopback only', () => {
    expect(new URL(server.endpoint).hostname).toBe('127.0.0.1');
  });
});
