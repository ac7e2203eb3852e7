/**
 * The low-level, SQL-free Delta table API: open a table at a version or timestamp, inspect its
 * snapshot, and read it as Arrow. The SQL scan operator uses `readDeltaFile` per file.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../common/errors.js';
import { readHistory, type CommitInfoRow } from '../delta/commit-history.js';
import type { DeltaFile } from '../delta/delta-file.js';
import { readDeltaFile, selectFields } from '../delta/scan/read-delta-file.js';
import { loadSnapshot, type Snapshot } from '../delta/snapshot.js';
import { openStore, type StorageOptions } from '../storage/open-store.js';
import type { ObjectStore } from '../storage/object-store.js';

export type { CommitInfoRow } from '../delta/commit-history.js';
export { DeltaFile } from '../delta/delta-file.js';
export type { FileStats } from '../delta/file-stats.js';
export { readDeltaFile, type DeltaScanContext, type ReadDeltaFileOptions } from '../delta/scan/read-delta-file.js';
export { readDeltaFiles } from '../delta/scan/read-delta-files.js';
export { loadSnapshot, Snapshot, type SnapshotOptions, type TableMetadata } from '../delta/snapshot.js';

/** Files decoded at once by toArrow (I/O overlaps; parquet-wasm decoding stays serial). */
const TO_ARROW_CONCURRENCY = 4;

export interface DeltaTableOpenOptions {
  readonly version?: number | undefined;
  readonly timestamp?: Date | string | number | undefined;
  readonly storage?: StorageOptions | undefined;
}

export interface DeltaScanOptions {
  /** Logical column names; output keeps the table's schema order. Default: all columns. */
  readonly columns?: readonly string[] | undefined;
}

export class DeltaTable {
  private constructor(
    readonly uri: string,
    readonly store: ObjectStore,
    readonly snapshot: Snapshot,
    private readonly storage: StorageOptions | undefined,
  ) {}

  static async open(uri: string, options: DeltaTableOpenOptions = {}): Promise<DeltaTable> {
    const store = openStore(uri, options.storage);
    const snapshot = await loadSnapshot(store, { version: options.version, timestamp: options.timestamp });
    return new DeltaTable(uri, store, snapshot, options.storage);
  }

  /** A table over an already-open store (memory stores, tests, the catalog). */
  static async fromStore(store: ObjectStore, options: DeltaTableOpenOptions = {}): Promise<DeltaTable> {
    const snapshot = await loadSnapshot(store, { version: options.version, timestamp: options.timestamp });
    return new DeltaTable(store.root, store, snapshot, options.storage);
  }

  get version(): number {
    return this.snapshot.version;
  }

  get schema(): arrow.Schema {
    return this.snapshot.arrowSchema;
  }

  get partitionColumns(): string[] {
    return [...this.snapshot.partitionColumns];
  }

  files(): DeltaFile[] {
    return [...this.snapshot.files()];
  }

  /** Commit history up to this snapshot's version, newest first. */
  history(limit?: number): Promise<CommitInfoRow[]> {
    return readHistory(this.store, this.snapshot.logListing, this.snapshot.version, limit);
  }

  private columnsInSchemaOrder(columns: readonly string[] | undefined): string[] | undefined {
    if (columns === undefined) return undefined;
    const wanted = new Set(selectFields(this.snapshot, columns).map((f) => f.name));
    return this.snapshot.schema.filter((f) => wanted.has(f.name)).map((f) => f.name);
  }

  async *scan(options: DeltaScanOptions = {}): AsyncIterable<arrow.RecordBatch> {
    const columns = this.columnsInSchemaOrder(options.columns);
    for (const file of this.snapshot.files()) {
      yield* readDeltaFile(this.store, this.snapshot, file, { columns, storage: this.storage });
    }
  }

  /** The whole scan as one Table; files are read a few at a time, batches kept in file order. */
  async toArrow(options: DeltaScanOptions = {}): Promise<arrow.Table> {
    const columns = this.columnsInSchemaOrder(options.columns);
    const files = this.snapshot.files();
    const perFile: arrow.RecordBatch[][] = new Array<arrow.RecordBatch[]>(files.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < files.length) {
        const i = next++;
        const out: arrow.RecordBatch[] = [];
        for await (const b of readDeltaFile(this.store, this.snapshot, files[i] as DeltaFile, { columns, storage: this.storage })) out.push(b);
        perFile[i] = out;
      }
    };
    await Promise.all(Array.from({ length: Math.min(TO_ARROW_CONCURRENCY, files.length) }, worker));
    const batches = perFile.flat();
    if (batches.length > 0) return new arrow.Table(batches);
    const fields = selectFields(this.snapshot, columns);
    const schema = new arrow.Schema(this.schema.fields.filter((f) => fields.some((x) => x.name === f.name)));
    return new arrow.Table(schema);
  }

  /** The live file with this path (as in the log, or decoded). */
  file(path: string): DeltaFile {
    const found = this.snapshot.fileByPath(path);
    if (found === undefined) throw new DeltaSqlError('FILE_NOT_FOUND', `file ${path} is not part of version ${this.version} of ${this.uri}`);
    return found;
  }
}
