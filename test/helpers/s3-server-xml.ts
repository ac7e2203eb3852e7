/** S3 REST response bodies (XML) and small HTTP helpers for the loopback test server. */
import type { ServerResponse } from 'node:http';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}

/** `<name>value</name>` with the value escaped. */
export function element(name: string, value: string | number | boolean): string {
  return `<${name}>${xmlEscape(String(value))}</${name}>`;
}

export interface ListedObject {
  readonly key: string;
  readonly size: number;
  readonly etag: string;
  readonly lastModified: Date;
}

export interface ListPage {
  readonly bucket: string;
  readonly prefix: string;
  readonly maxKeys: number;
  readonly objects: readonly ListedObject[];
  readonly continuationToken: string | undefined;
  readonly nextContinuationToken: string | undefined;
  readonly startAfter: string | undefined;
  /** `encoding-type=url`: keys and prefix are URL-encoded in the body. */
  readonly urlEncoded: boolean;
}

/** The ListObjectsV2 `ListBucketResult` document, element order as S3 sends it. */
export function listBucketResult(page: ListPage): string {
  const enc = (s: string): string => (page.urlEncoded ? encodeURIComponent(s).replace(/%2F/g, '/') : s);
  const parts = [
    `<ListBucketResult xmlns="${S3_NS}">`,
    element('Name', page.bucket),
    element('Prefix', enc(page.prefix)),
    ...(page.startAfter !== undefined ? [element('StartAfter', enc(page.startAfter))] : []),
    element('KeyCount', page.objects.length),
    element('MaxKeys', page.maxKeys),
    ...(page.urlEncoded ? [element('EncodingType', 'url')] : []),
    element('IsTruncated', page.nextContinuationToken !== undefined),
    ...(page.continuationToken !== undefined ? [element('ContinuationToken', page.continuationToken)] : []),
    ...(page.nextContinuationToken !== undefined ? [element('NextContinuationToken', page.nextContinuationToken)] : []),
  ];
  for (const o of page.objects) {
    parts.push(
      '<Contents>',
      element('Key', enc(o.key)),
      element('LastModified', o.lastModified.toISOString()),
      element('ETag', o.etag),
      element('Size', o.size),
      element('StorageClass', 'STANDARD'),
      '</Contents>',
    );
  }
  parts.push('</ListBucketResult>');
  return XML_HEAD + parts.join('');
}

/** An S3 error: status, `<Error><Code/><Message/>…</Error>` body (none for HEAD, as S3 does). */
export function sendError(
  res: ServerResponse,
  method: string,
  status: number,
  code: string,
  message: string,
  extra: Readonly<Record<string, string>> = {},
  headers: Readonly<Record<string, string>> = {},
): void {
  const body =
    method === 'HEAD'
      ? ''
      : XML_HEAD +
        `<Error>${element('Code', code)}${element('Message', message)}` +
        Object.entries(extra)
          .map(([k, v]) => element(k, v))
          .join('') +
        `${element('RequestId', requestId())}</Error>`;
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/xml',
    'content-length': String(Buffer.byteLength(body)),
    'x-amz-request-id': requestId(),
  });
  res.end(body);
}

let requestCounter = 0;
export function requestId(): string {
  requestCounter++;
  return `LOOPBACK${requestCounter.toString(16).padStart(8, '0').toUpperCase()}`;
}

/**
 * The payload of an `aws-chunked` body (the SDK may stream with it): `hex-size[;ext]\r\n data \r\n`
 * repeated, a zero-size chunk, then optional trailer headers.
 */
export function decodeAwsChunked(raw: Buffer): Buffer {
  const out: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', pos);
    if (lineEnd < 0) throw new Error('malformed aws-chunked body: missing chunk header');
    const header = raw.subarray(pos, lineEnd).toString('latin1');
    const size = Number.parseInt(header.split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size < 0) throw new Error(`malformed aws-chunked chunk size '${header}'`);
    pos = lineEnd + 2;
    if (size === 0) return Buffer.concat(out);
    if (pos + size > raw.length) throw new Error('malformed aws-chunked body: truncated chunk');
    out.push(raw.subarray(pos, pos + size));
    pos += size + 2;
  }
}
