/** Wraps a store and records every get, to check what the Parquet reader fetches. */
import type { ByteRange, ObjectMeta, ObjectStore } from '../../src/storage/object-store.js';

export class CountingStore implements ObjectStore {
  readonly gets: Array<{ path: string; range: ByteRange | undefined }> = [];
  heads = 0;
  constructor(private readonly inner: ObjectStore) {}
  get root(): string {
    return this.inner.root;
  }
  get(path: string, range?: ByteRange): Promise<Uint8Array> {
    this.gets.push({ path, range });
    return this.inner.get(path, range);
  }
  put(path: string, bytes: Uint8Array): Promise<void> {
    return this.inner.put(path, bytes);
  }
  putIfAbsent(path: string, bytes: Uint8Array): Promise<boolean> {
    return this.inner.putIfAbsent(path, bytes);
  }
  list(prefix: string): Promise<ObjectMeta[]> {
    return this.inner.list(prefix);
  }
  delete(path: string): Promise<void> {
    return this.inner.delete(path);
  }
  head(path: string): Promise<ObjectMeta | undefined> {
    this.heads++;
    return this.inner.head(path);
  }
}
