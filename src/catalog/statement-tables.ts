/**
 * Tables for one statement: every table the statement names is resolved before binding, and
 * each Delta table is read at one snapshot for the whole statement (a self-join sees one version).
 */
import { DeltaSqlError } from '../common/errors.js';
import type { Snapshot } from '../delta/snapshot.js';
import type { Catalog } from './catalog.js';
import type { FileSchemaInferrer, SnapshotSpec, TableSource } from './table-source.js';

export class StatementTables {
  /** Snapshots pinned by this statement: `${location}@${version}`. */
  private readonly pinned = new Map<string, Promise<Snapshot>>();
  private readonly byVersion = new Map<string, Snapshot>();
  readonly sources = new Map<string, TableSource | Error>();

  constructor(
    private readonly catalog: Catalog,
    private readonly inferFiles?: FileSchemaInferrer,
  ) {}

  /** Resolve a read_parquet / read_csv / read_json call's schema. */
  async addFiles(key: string, format: 'parquet' | 'csv' | 'json', paths: readonly string[], options: Readonly<Record<string, string>>): Promise<void> {
    if (this.sources.has(key)) return;
    if (this.inferFiles === undefined) {
      this.sources.set(key, new DeltaSqlError('UNSUPPORTED', `read_${format}() is not supported here`));
      return;
    }
    try {
      const schema = await this.inferFiles(format, paths, options);
      this.sources.set(key, { kind: 'file', format, paths, options, schema });
    } catch (error) {
      this.sources.set(key, error instanceof Error ? error : new DeltaSqlError('INTERNAL', String(error)));
    }
  }

  private pin = async (location: string, spec: SnapshotSpec, display: string): Promise<Snapshot> => {
    const key = `${location}|${JSON.stringify(spec)}`;
    let p = this.pinned.get(key);
    if (p === undefined) {
      p = this.catalog.loadSnapshot(location, spec, display);
      this.pinned.set(key, p);
    }
    const s = await p;
    this.byVersion.set(`${location}@${s.version}`, s);
    return s;
  };

  async add(key: string, parts: readonly string[], quoted: readonly boolean[], spec: SnapshotSpec): Promise<void> {
    if (this.sources.has(key)) return;
    try {
      this.sources.set(key, await this.catalog.resolve(parts, quoted, spec, this.pin));
    } catch (error) {
      this.sources.set(key, error instanceof Error ? error : new DeltaSqlError('INTERNAL', String(error)));
    }
  }

  /** The snapshot a plan's Delta scan was bound to. */
  snapshot(location: string, version: number): Snapshot | undefined {
    return this.byVersion.get(`${location}@${version}`);
  }
}
