/** Builds small Delta tables in a MemoryStore for log tests: commits as JSON lines, data via writeParquet. */
import * as arrow from 'apache-arrow';
import { MemoryStore } from '../../../src/storage/memory-store.js';
import { writeParquet } from '../../../src/storage/parquet/write-parquet.js';

export const pad20 = (v: number): string => String(v).padStart(20, '0');

export function schemaString(fields: { name: string; type: unknown; metadata?: Record<string, unknown> }[]): string {
  return JSON.stringify({ type: 'struct', fields: fields.map((f) => ({ name: f.name, type: f.type, nullable: true, metadata: f.metadata ?? {} })) });
}

export const protocol = (r = 1, w = 2, readerFeatures?: string[]): unknown => ({
  protocol: { minReaderVersion: r, minWriterVersion: w, ...(readerFeatures ? { readerFeatures, writerFeatures: readerFeatures } : {}) },
});

export const metaData = (schema: string, partitionColumns: string[] = [], configuration: Record<string, string> = {}): unknown => ({
  metaData: { id: 'test-id', format: { provider: 'parquet', options: {} }, schemaString: schema, partitionColumns, configuration, createdTime: 1 },
});

export const add = (path: string, size: number, extra: Record<string, unknown> = {}): unknown => ({
  add: { path, size, partitionValues: {}, modificationTime: 1, dataChange: true, ...extra },
});

export const remove = (path: string, extra: Record<string, unknown> = {}): unknown => ({
  remove: { path, deletionTimestamp: 2, dataChange: true, ...extra },
});

export const commitInfo = (extra: Record<string, unknown> = {}): unknown => ({ commitInfo: { timestamp: 1, operation: 'WRITE', ...extra } });

export async function putCommit(store: MemoryStore, version: number, actions: unknown[]): Promise<void> {
  await store.put(`_delta_log/${pad20(version)}.json`, new TextEncoder().encode(actions.map((a) => JSON.stringify(a)).join('\n') + '\n'));
}

/** Write a Parquet data file of int32 column `id`; returns its size. */
export async function putIds(store: MemoryStore, path: string, ids: number[], name = 'id'): Promise<number> {
  const table = new arrow.Table({ [name]: arrow.vectorFromArray(Int32Array.from(ids)) });
  const bytes = writeParquet(table);
  await store.put(path, bytes);
  return bytes.length;
}

export function freshStore(): MemoryStore {
  return new MemoryStore();
}
