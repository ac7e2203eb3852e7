/** Opens the object store rooted at a table location URI. */
import { LocalStore } from './local-store.js';
import { parseLocation } from './location.js';
import { MemoryStore } from './memory-store.js';
import type { ObjectStore } from './object-store.js';
import { S3Store } from './s3-store.js';

export interface S3Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface StorageOptions {
  readonly s3?: {
    readonly region?: string;
    readonly endpoint?: string;
    readonly forcePathStyle?: boolean;
    readonly credentials?: S3Credentials;
  };
}

/** A store whose root is `location` itself, so a table root becomes the store root. */
export function openStore(location: string, options: StorageOptions = {}): ObjectStore {
  const parsed = parseLocation(location);
  switch (parsed.kind) {
    case 'file':
      return new LocalStore(parsed.path);
    case 'memory':
      return new MemoryStore(parsed.name);
    case 's3':
      return new S3Store({ bucket: parsed.bucket, prefix: parsed.prefix, ...options.s3 });
  }
}
