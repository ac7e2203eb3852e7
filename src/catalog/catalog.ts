/**
 * The session catalog: a warehouse where table `name` lives at `<warehouse>/<name>` (names
 * case-insensitive, stored lower-case), `delta.\`location\`` for any location, Arrow tables
 * registered in the session, and temporary views. Resolution pins one snapshot per table per
 * statement (see StatementTables).
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../common/errors.js';
import { fromArrowSchema } from '../common/types/arrow-type.js';
import type { Query } from '../../grammar/ast/index.js';
import { loadSnapshot, type Snapshot } from '../delta/snapshot.js';
import { joinLocation } from '../storage/location.js';
import { openStore, type StorageOptions } from '../storage/open-store.js';
import type { ObjectStore } from '../storage/object-store.js';
import { fileViews } from './delta-file-view.js';
import type { DeltaTableSource, SnapshotSpec, TableSource } from './table-source.js';

export interface ViewDefinition {
  readonly name: string;
  readonly query: Query;
  readonly columns: readonly string[] | undefined;
  readonly sql: string;
}

export interface RegisteredTable {
  readonly name: string;
  readonly table: arrow.Table;
}

export interface CatalogOptions {
  readonly warehouse: string;
  readonly storage?: StorageOptions | undefined;
}

const DEFAULT_DB = 'default';

/** Table names become folder names: refuse anything that could leave the warehouse. */
export function checkTableName(name: string): string {
  const n = name.toLowerCase();
  if (n === '' || n === '.' || n === '..' || /[/\\\0]/.test(n) || n.startsWith('.') || n.includes('..')) {
    throw new DeltaSqlError('INVALID_ARGUMENT', `invalid table name \`${name}\`: names cannot contain path separators or '..'`);
  }
  return n;
}

export class Catalog {
  readonly warehouse: string;
  readonly storage: StorageOptions | undefined;
  private readonly registered = new Map<string, RegisteredTable>();
  private readonly views = new Map<string, ViewDefinition>();
  currentDatabase = DEFAULT_DB;

  constructor(options: CatalogOptions) {
    this.warehouse = options.warehouse;
    this.storage = options.storage;
  }

  register(name: string, table: arrow.Table): void {
    this.registered.set(name.toLowerCase(), { name, table });
  }

  unregister(name: string): boolean {
    return this.registered.delete(name.toLowerCase());
  }

  registeredTable(name: string): RegisteredTable | undefined {
    return this.registered.get(name.toLowerCase());
  }

  /** Registered tables by the name memory scans use (lower-case). */
  memoryTables(): Map<string, arrow.Table> {
    return new Map([...this.registered].map(([k, v]) => [k, v.table]));
  }

  createView(def: ViewDefinition, replace: boolean): void {
    const key = def.name.toLowerCase();
    if (!replace && this.views.has(key)) {
      throw new DeltaSqlError('TABLE_ALREADY_EXISTS', `view \`${def.name}\` already exists`, { hint: 'use CREATE OR REPLACE TEMP VIEW' });
    }
    this.views.set(key, def);
  }

  dropView(name: string): boolean {
    return this.views.delete(name.toLowerCase());
  }

  view(name: string): ViewDefinition | undefined {
    return this.views.get(name.toLowerCase());
  }

  viewNames(): string[] {
    return [...this.views.values()].map((v) => v.name);
  }

  registeredNames(): string[] {
    return [...this.registered.values()].map((r) => r.name);
  }

  /** Location of a warehouse table. */
  tableLocation(parts: readonly string[]): string {
    if (parts.length === 2) {
      const db = (parts[0] ?? '').toLowerCase();
      if (db !== DEFAULT_DB && db !== 'spark_catalog') {
        throw new DeltaSqlError('TABLE_NOT_FOUND', `database \`${parts[0]}\` does not exist (only \`default\` is supported)`);
      }
    } else if (parts.length !== 1) {
      throw new DeltaSqlError('TABLE_NOT_FOUND', `table \`${parts.join('.')}\` cannot be found`);
    }
    const name = checkTableName(parts[parts.length - 1] ?? '');
    return joinLocation(this.warehouse, name);
  }

  /** `delta.\`path\`` → the path; otherwise undefined. */
  static pathOf(parts: readonly string[], quoted: readonly boolean[]): string | undefined {
    if (parts.length === 2 && (parts[0] ?? '').toLowerCase() === 'delta' && quoted[1] === true) return parts[1];
    return undefined;
  }

  openStore(location: string): ObjectStore {
    return openStore(location, this.storage);
  }

  async tableExists(location: string): Promise<boolean> {
    const store = this.openStore(location);
    const entries = await store.list('_delta_log/');
    return entries.length > 0;
  }

  /** Warehouse tables: folders with a `_delta_log`. */
  async listTables(): Promise<string[]> {
    const store = this.openStore(this.warehouse);
    let entries;
    try {
      entries = await store.list('');
    } catch (error) {
      if (error instanceof DeltaSqlError && (error.code === 'FILE_NOT_FOUND' || error.code === 'IO')) return [];
      throw error;
    }
    const names = new Set<string>();
    for (const e of entries) {
      const m = /^([^/]+)\/_delta_log\//.exec(e.path);
      if (m?.[1] !== undefined) names.add(m[1]);
    }
    return [...names].sort();
  }

  async loadSnapshot(location: string, spec: SnapshotSpec, displayName: string): Promise<Snapshot> {
    const store = this.openStore(location);
    try {
      if (spec.kind === 'version') return await loadSnapshot(store, { version: spec.version });
      if (spec.kind === 'timestamp') return await loadSnapshot(store, { timestamp: spec.timestampMs });
      return await loadSnapshot(store);
    } catch (error) {
      if (error instanceof DeltaSqlError && (error.code === 'FILE_NOT_FOUND' || error.code === 'TABLE_NOT_FOUND') && spec.kind === 'latest') {
        throw new DeltaSqlError('TABLE_NOT_FOUND', `table or view \`${displayName}\` cannot be found`, { cause: error });
      }
      throw error;
    }
  }

  /** Resolve a name (non-Delta kinds do not time travel). Delta snapshots go through `pin`. */
  async resolve(
    parts: readonly string[],
    quoted: readonly boolean[],
    spec: SnapshotSpec,
    pin: (location: string, spec: SnapshotSpec, display: string) => Promise<Snapshot>,
  ): Promise<TableSource> {
    const display = parts.join('.');
    const path = Catalog.pathOf(parts, quoted);
    if (path === undefined && parts.length === 1 && spec.kind === 'latest') {
      const v = this.view(parts[0] ?? '');
      if (v !== undefined) return { kind: 'view', name: v.name, query: v.query, columns: v.columns };
      const r = this.registeredTable(parts[0] ?? '');
      if (r !== undefined) {
        return { kind: 'memory', name: r.name.toLowerCase(), schema: fromArrowSchema(r.table.schema), rowCount: r.table.numRows };
      }
    }
    const location = path ?? this.tableLocation(parts);
    const snapshot = await pin(location, spec, display);
    const source: DeltaTableSource = {
      kind: 'delta',
      name: display,
      location,
      version: snapshot.version,
      schema: snapshot.schema,
      partitionColumns: snapshot.partitionColumns,
      files: fileViews(snapshot),
    };
    return source;
  }
}
