/** An in-memory stand-in for S3Client: `send` interprets the commands S3Store issues. */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

export class FakeS3Error extends Error {
  readonly $metadata: { httpStatusCode: number };
  constructor(name: string, status: number, message = name) {
    super(message);
    this.name = name;
    this.$metadata = { httpStatusCode: status };
  }
}

export interface SentCommand {
  readonly name: string;
  readonly input: Record<string, unknown>;
}

export class FakeS3 {
  readonly objects = new Map<string, { bytes: Uint8Array; modified: Date }>();
  readonly sent: SentCommand[] = [];
  /** Keys per ListObjectsV2 page, small to exercise pagination. */
  pageSize = 2;
  /** Errors to throw, in order, before handling the next command. */
  readonly injected: Error[] = [];

  asClient(): S3Client {
    return this as unknown as S3Client;
  }

  async send(command: unknown): Promise<unknown> {
    await Promise.resolve();
    const input = (command as { input: Record<string, unknown> }).input;
    this.sent.push({ name: (command as object).constructor.name, input });
    const next = this.injected.shift();
    if (next !== undefined) throw next;
    const key = String(input['Key'] ?? '');
    if (command instanceof GetObjectCommand) {
      const entry = this.objects.get(key);
      if (entry === undefined) throw new FakeS3Error('NoSuchKey', 404, 'The specified key does not exist.');
      let bytes = entry.bytes;
      const range = input['Range'];
      if (typeof range === 'string') {
        const m = /^bytes=(\d+)-(\d+)$/.exec(range);
        if (m === null) throw new FakeS3Error('InvalidArgument', 400);
        const start = Number(m[1]);
        if (start >= bytes.length) throw new FakeS3Error('InvalidRange', 416);
        bytes = bytes.slice(start, Math.min(bytes.length, Number(m[2]) + 1));
      }
      return { Body: { transformToByteArray: async () => bytes.slice() } };
    }
    if (command instanceof PutObjectCommand) {
      if (input['IfNoneMatch'] === '*' && this.objects.has(key)) {
        throw new FakeS3Error('PreconditionFailed', 412, 'At least one of the pre-conditions you specified did not hold');
      }
      this.objects.set(key, { bytes: (input['Body'] as Uint8Array).slice(), modified: new Date() });
      return {};
    }
    if (command instanceof HeadObjectCommand) {
      const entry = this.objects.get(key);
      if (entry === undefined) throw new FakeS3Error('NotFound', 404);
      return { ContentLength: entry.bytes.length, LastModified: entry.modified };
    }
    if (command instanceof DeleteObjectCommand) {
      this.objects.delete(key);
      return {};
    }
    if (command instanceof ListObjectsV2Command) {
      const prefix = String(input['Prefix'] ?? '');
      const keys = [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
      const from = input['ContinuationToken'] === undefined ? 0 : Number(input['ContinuationToken']);
      const page = keys.slice(from, from + this.pageSize);
      const more = from + this.pageSize < keys.length;
      return {
        Contents: page.map((k) => ({ Key: k, Size: this.objects.get(k)?.bytes.length, LastModified: this.objects.get(k)?.modified })),
        IsTruncated: more,
        ...(more ? { NextContinuationToken: String(from + this.pageSize) } : {}),
      };
    }
    throw new Error(`fake S3 does not handle ${(command as object).constructor.name}`);
  }
}
