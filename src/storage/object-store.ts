/**
 * The object-store interface every table lives on (ARCHITECTURE.md §6).
 * Paths are store-relative keys with `/` separators and no leading slash.
 * Implementations: local folder, memory, S3.
 */

/** A byte range: `start` inclusive, `end` exclusive. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

export interface ObjectMeta {
  /** Store-relative path. */
  readonly path: string;
  readonly size: number;
  /** Last modification time in epoch milliseconds. */
  readonly lastModified: number;
}

export interface ObjectStore {
  /** A URI naming the store's root, e.g. `file:///data/t`, `s3://bucket/prefix`, `memory://x`. */
  readonly root: string;
  /** Whole object or a byte range of it. Missing object: DeltaSqlError FILE_NOT_FOUND naming the path. */
  get(path: string, range?: ByteRange): Promise<Uint8Array>;
  /** Create or overwrite. Never used for `_delta_log/` commit files. */
  put(path: string, bytes: Uint8Array): Promise<void>;
  /** Atomically create; false when the object already exists (a lost commit race). */
  putIfAbsent(path: string, bytes: Uint8Array): Promise<boolean>;
  /** Every object whose path starts with `prefix`, sorted by path. */
  list(prefix: string): Promise<ObjectMeta[]>;
  /** Delete; deleting a missing object is not an error. */
  delete(path: string): Promise<void>;
  /** Metadata, or undefined when the object does not exist. */
  head(path: string): Promise<ObjectMeta | undefined>;
}
