/**
 * What the catalog hands the planner for a table name: a resolved source with its schema.
 * Delta sources are pinned to one snapshot for the whole statement.
 */
import type { StructField } from '../common/types/data-type.js';
import type { Query } from '../../grammar/ast/index.js';

/** Per-file facts used for pruning: partition values as Delta stores them (strings), parsed stats. */
export interface DeltaFileInfo {
  readonly path: string;
  readonly size: number;
  readonly partitionValues: Readonly<Record<string, string | null>>;
  readonly stats: FileStats | undefined;
}

/** Delta `stats`: values keyed by physical/logical column name; nested structs are nested objects. */
export interface FileStats {
  readonly numRecords: number | undefined;
  readonly minValues: Readonly<Record<string, unknown>>;
  readonly maxValues: Readonly<Record<string, unknown>>;
  readonly nullCount: Readonly<Record<string, unknown>>;
  /** True when the writer truncated string min/max (Delta truncates to a prefix). */
  readonly tightBounds?: boolean;
}

export interface DeltaTableSource {
  readonly kind: 'delta';
  readonly name: string;
  readonly location: string;
  readonly version: number;
  readonly schema: readonly StructField[];
  readonly partitionColumns: readonly string[];
  readonly files: readonly DeltaFileInfo[];
}

export interface MemoryTableSource {
  readonly kind: 'memory';
  readonly name: string;
  readonly schema: readonly StructField[];
  readonly rowCount: number;
}

export interface ViewSource {
  readonly kind: 'view';
  readonly name: string;
  readonly query: Query;
  readonly columns: readonly string[] | undefined;
}

/** read_parquet / read_csv / read_json over paths, with the schema inferred before binding. */
export interface FileTableSource {
  readonly kind: 'file';
  readonly format: 'parquet' | 'csv' | 'json';
  readonly paths: readonly string[];
  readonly options: Readonly<Record<string, string>>;
  readonly schema: readonly StructField[];
}

export type TableSource = DeltaTableSource | MemoryTableSource | ViewSource | FileTableSource;

/** Infers the columns of files (supplied by the session: reading files is the executor's job). */
export type FileSchemaInferrer = (
  format: 'parquet' | 'csv' | 'json',
  paths: readonly string[],
  options: Readonly<Record<string, string>>,
) => Promise<StructField[]>;

/** How to time-travel a Delta table. */
export type SnapshotSpec =
  | { readonly kind: 'latest' }
  | { readonly kind: 'version'; readonly version: number }
  | { readonly kind: 'timestamp'; readonly timestampMs: number };
