/**
 * Decoded Parquet column chunks kept across queries, keyed by (file, row group, column),
 * with a byte budget and least-recently-used eviction.
 *
 * Validity rests on immutability: Delta data files are never rewritten in place (a change
 * writes a new file under a new name), so a (store root + path) names fixed bytes. The file
 * size is part of the key as a cheap guard for stores where that is not guaranteed; callers
 * caching mutable files must use a fresh cache or `clear()` it.
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../common/errors.js';
import { arrowDataBytes, copyArrowData } from './arrow-data-bytes.js';

/** One column of one row group: its field and its decoded batches (in batch order). */
export interface CachedColumn {
  readonly field: arrow.Field;
  readonly chunks: readonly arrow.Data[];
  /** Bytes of the buffers held (what counts against the budget). */
  readonly bytes: number;
}

export interface ColumnChunkCacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly evictions: number;
  readonly entries: number;
  readonly bytes: number;
  readonly maxBytes: number;
}

export interface ColumnChunkCacheOptions {
  /** Memory budget for decoded buffers, in bytes. */
  readonly maxBytes: number;
}

export class ColumnChunkCache {
  readonly maxBytes: number;
  /** Map iteration order is insertion order: the first entry is the least recently used. */
  private readonly entries = new Map<string, CachedColumn>();
  private heldBytes = 0;
  private hitCount = 0;
  private missCount = 0;
  private evictionCount = 0;

  constructor(options: ColumnChunkCacheOptions) {
    if (!Number.isFinite(options.maxBytes) || options.maxBytes < 0) {
      throw new DeltaSqlError('INVALID_ARGUMENT', `cache maxBytes must be a non-negative number, got ${options.maxBytes}`);
    }
    this.maxBytes = options.maxBytes;
  }

  /** The file part of a key: store root, path and size (see the header on immutability). */
  static fileKey(root: string, path: string, size: number): string {
    return `${root.replace(/\/+$/, '')}/${path}#${size}`;
  }

  private static key(file: string, rowGroup: number, column: string): string {
    return `${file}\u0000${rowGroup}\u0000${column}`;
  }

  /** A cached column, marked most recently used; undefined (a miss) when absent. */
  get(file: string, rowGroup: number, column: string): CachedColumn | undefined {
    const key = ColumnChunkCache.key(file, rowGroup, column);
    const entry = this.entries.get(key);
    if (entry === undefined) {
      this.missCount++;
      return undefined;
    }
    this.hitCount++;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Whether an entry is present, without touching recency or counters. */
  has(file: string, rowGroup: number, column: string): boolean {
    return this.entries.has(ColumnChunkCache.key(file, rowGroup, column));
  }

  /**
   * Store a column (copied, so it holds only its own buffers), evicting least recently used
   * entries to stay within the budget. Returns the cached entry, or undefined when the column
   * alone exceeds the budget (it is then not cached).
   */
  set(file: string, rowGroup: number, column: string, field: arrow.Field, chunks: readonly arrow.Data[]): CachedColumn | undefined {
    const key = ColumnChunkCache.key(file, rowGroup, column);
    this.remove(key);
    const bytes = arrowDataBytes(chunks);
    if (bytes > this.maxBytes) return undefined;
    const entry: CachedColumn = { field, chunks: copyArrowData(chunks), bytes };
    this.entries.set(key, entry);
    this.heldBytes += bytes;
    for (const [oldest, old] of this.entries) {
      if (this.heldBytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.heldBytes -= old.bytes;
      this.evictionCount++;
    }
    return entry;
  }

  private remove(key: string): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.entries.delete(key);
    this.heldBytes -= old.bytes;
  }

  /** Keys in eviction order (least recently used first), as [file, rowGroup, column]. */
  keys(): Array<readonly [string, number, string]> {
    return [...this.entries.keys()].map((k) => {
      const [file, group, column] = k.split('\u0000');
      return [file ?? '', Number(group), column ?? ''] as const;
    });
  }

  clear(): void {
    this.entries.clear();
    this.heldBytes = 0;
  }

  get stats(): ColumnChunkCacheStats {
    return {
      hits: this.hitCount,
      misses: this.missCount,
      evictions: this.evictionCount,
      entries: this.entries.size,
      bytes: this.heldBytes,
      maxBytes: this.maxBytes,
    };
  }
}
