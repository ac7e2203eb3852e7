/**
 * A live data file of a snapshot: the `add` action with decoded path, typed partition values and
 * parsed stats (both computed on first use: opening a 100K-file table must not parse them all).
 */
import type { DataType, StructField } from '../common/types/data-type.js';
import type { AddAction, DeletionVectorDescriptor, StringMap } from './actions/action-types.js';
import type { ColumnMappingMode } from './column-mapping.js';
import { parseFileStats, type FileStats } from './file-stats.js';
import { parsePartitionValue, type PartitionScalar } from './partition-value.js';

export interface PartitionField {
  readonly name: string;
  readonly physicalName: string;
  readonly type: DataType;
}

/** What every file of one snapshot shares. */
export interface FileContext {
  readonly schema: readonly StructField[];
  readonly partitionFields: readonly PartitionField[];
  readonly mode: ColumnMappingMode;
}

/** Log paths are URI-encoded (e.g. `a=%20b/part-0.parquet`); absolute URIs stay absolute. */
export function decodeLogPath(path: string): string {
  if (!path.includes('%')) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** `<storageType><pathOrInlineDv>[@<offset>]` (PROTOCOL.md "Derived Fields"). */
export function deletionVectorId(dv: DeletionVectorDescriptor | undefined): string {
  if (dv === undefined) return '';
  return dv.offset === undefined ? `${dv.storageType}${dv.pathOrInlineDv}` : `${dv.storageType}${dv.pathOrInlineDv}@${dv.offset}`;
}

export class DeltaFile {
  /** Decoded path: relative to the table root, or an absolute URI. */
  readonly path: string;
  readonly size: number;
  readonly modificationTime: number;
  /** Partition values as the log stores them (keys are physical names under column mapping). */
  readonly partitionValues: StringMap;
  readonly deletionVector: DeletionVectorDescriptor | undefined;
  readonly baseRowId: number | undefined;
  readonly defaultRowCommitVersion: number | undefined;
  readonly tags: StringMap | undefined;
  readonly dataChange: boolean;
  private typed: Readonly<Record<string, PartitionScalar>> | undefined;
  private parsedStats: FileStats | null | undefined;

  constructor(
    readonly add: AddAction,
    private readonly context: FileContext,
  ) {
    this.path = decodeLogPath(add.path);
    this.size = add.size;
    this.modificationTime = add.modificationTime;
    this.partitionValues = add.partitionValues;
    this.deletionVector = add.deletionVector;
    this.baseRowId = add.baseRowId;
    this.defaultRowCommitVersion = add.defaultRowCommitVersion;
    this.tags = add.tags;
    this.dataChange = add.dataChange;
  }

  /** Typed partition values keyed by logical column name. */
  get typedPartitionValues(): Readonly<Record<string, PartitionScalar>> {
    if (this.typed === undefined) {
      const out: Record<string, PartitionScalar> = {};
      for (const f of this.context.partitionFields) {
        const raw = this.partitionValues[f.physicalName] ?? this.partitionValues[f.name];
        out[f.name] = parsePartitionValue(raw, f.type, f.name);
      }
      this.typed = out;
    }
    return this.typed;
  }

  /** Parsed statistics keyed by logical names, or undefined when the writer recorded none. */
  get stats(): FileStats | undefined {
    if (this.parsedStats === undefined) {
      this.parsedStats = parseFileStats(this.add.stats, this.add.statsParsed, this.context.schema, this.context.mode) ?? null;
    }
    return this.parsedStats ?? undefined;
  }

  /** Physical rows in the file, when known. */
  get numRecords(): number | undefined {
    return this.stats?.numRecords;
  }

  /** Rows the deletion vector removes (0 without one). */
  get deletedRowCount(): number {
    return this.deletionVector?.cardinality ?? 0;
  }

  get deletionVectorId(): string {
    return deletionVectorId(this.deletionVector);
  }
}
