/**
 * A table at one version: protocol, metadata, schema and live files, rebuilt from the log.
 * `loadSnapshot` resolves latest / version / timestamp, replays, and gates on the protocol.
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../common/errors.js';
import { toArrowSchema } from '../common/types/arrow-type.js';
import type { StructField } from '../common/types/data-type.js';
import { parseDeltaSchema } from '../common/types/delta-schema.js';
import type { ObjectStore } from '../storage/object-store.js';
import type {
  CommitInfoAction,
  DomainMetadataAction,
  MetadataAction,
  ProtocolAction,
  RemoveAction,
  StringMap,
  TxnAction,
} from './actions/action-types.js';
import { columnMappingMode, physicalName, type ColumnMappingMode } from './column-mapping.js';
import { DeltaFile, decodeLogPath, type FileContext, type PartitionField } from './delta-file.js';
import { readCommitInfo, versionAtTimestamp } from './log/commit-timestamps.js';
import { readLastCheckpoint } from './log/last-checkpoint.js';
import { listLog, type LogListing } from './log/log-listing.js';
import { replayLog, type ReplayResult } from './log/log-replay.js';
import { segmentFromListing, type LogSegment } from './log/log-segment.js';
import { parseDateDays, parseTimestampMicros } from './partition-value.js';
import { checkReadSupported } from './protocol-support.js';

export interface TableMetadata {
  readonly id: string;
  readonly name: string | undefined;
  readonly description: string | undefined;
  readonly format: MetadataAction['format'];
  readonly schemaString: string;
  readonly schema: readonly StructField[];
  readonly partitionColumns: readonly string[];
  readonly configuration: StringMap;
  readonly createdTime: number | undefined;
}

export interface SnapshotOptions {
  readonly version?: number | undefined;
  /** A Date, epoch milliseconds, or a date/time string (no zone = UTC). */
  readonly timestamp?: Date | string | number | undefined;
}

export class Snapshot {
  readonly version: number;
  readonly protocol: ProtocolAction;
  readonly metadata: TableMetadata;
  readonly columnMappingMode: ColumnMappingMode;
  readonly partitionFields: readonly PartitionField[];
  readonly txns: ReadonlyMap<string, TxnAction>;
  readonly domainMetadata: ReadonlyMap<string, DomainMetadataAction>;
  readonly tombstones: readonly RemoveAction[];
  readonly commitInfo: CommitInfoAction | undefined;
  /** Commit time of this version in epoch ms: the in-commit timestamp when enabled, else file time. */
  readonly timestamp: number;
  readonly inCommitTimestamp: number | undefined;
  private cachedFiles: DeltaFile[] | undefined;
  private fileIndex: Map<string, DeltaFile> | undefined;
  private cachedArrowSchema: arrow.Schema | undefined;
  private readonly context: FileContext;

  constructor(
    readonly store: ObjectStore,
    private readonly replay: ReplayResult,
    readonly segment: LogSegment,
    commitInfo: CommitInfoAction | undefined,
  ) {
    this.version = replay.version;
    this.protocol = replay.protocol;
    const m = replay.metadata;
    const schema = parseDeltaSchema(m.schemaString);
    this.metadata = {
      id: m.id,
      name: m.name,
      description: m.description,
      format: m.format,
      schemaString: m.schemaString,
      schema,
      partitionColumns: m.partitionColumns,
      configuration: m.configuration,
      createdTime: m.createdTime,
    };
    this.columnMappingMode = columnMappingMode(this.protocol, m.configuration);
    this.partitionFields = m.partitionColumns.map((name) => {
      const f = schema.find((x) => x.name === name) ?? schema.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (f === undefined) throw new DeltaSqlError('CORRUPT_LOG', `partition column '${name}' is not in the table schema`);
      return { name: f.name, physicalName: physicalName(f, this.columnMappingMode), type: f.type };
    });
    this.context = { schema, partitionFields: this.partitionFields, mode: this.columnMappingMode };
    this.txns = replay.txns;
    this.domainMetadata = replay.domains;
    this.tombstones = [...replay.tombstones.values()];
    this.commitInfo = commitInfo;
    this.inCommitTimestamp = this.inCommitTimestampsEnabled ? commitInfo?.inCommitTimestamp : undefined;
    const fileTime = segment.lastCommit?.file.lastModified ?? segment.checkpoint?.files[0]?.lastModified ?? 0;
    this.timestamp = this.inCommitTimestamp ?? fileTime;
  }

  get schema(): readonly StructField[] {
    return this.metadata.schema;
  }

  get partitionColumns(): readonly string[] {
    return this.metadata.partitionColumns;
  }

  get inCommitTimestampsEnabled(): boolean {
    return this.metadata.configuration['delta.enableInCommitTimestamps'] === 'true';
  }

  /** The logical schema as Arrow (partition columns included, in schema order). */
  get arrowSchema(): arrow.Schema {
    this.cachedArrowSchema ??= toArrowSchema(this.schema);
    return this.cachedArrowSchema;
  }

  get fileCount(): number {
    return this.replay.files.size;
  }

  /** Live data files (the `add` actions after reconciliation). */
  files(): readonly DeltaFile[] {
    if (this.cachedFiles === undefined) {
      const out: DeltaFile[] = [];
      for (const add of this.replay.files.values()) out.push(new DeltaFile(add, this.context));
      this.cachedFiles = out;
    }
    return this.cachedFiles;
  }

  /** A live file by its path as the log writes it (URI-encoded) or decoded. */
  fileByPath(path: string): DeltaFile | undefined {
    this.fileIndex ??= new Map(this.files().map((f) => [f.path, f]));
    return this.fileIndex.get(path) ?? this.fileIndex.get(decodeLogPath(path));
  }

  get logListing(): LogListing {
    return this.segment.listing;
  }
}

/** Epoch ms from the accepted timestamp forms; bad input is INVALID_ARGUMENT. */
export function toEpochMillis(value: Date | string | number): number {
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value;
  else {
    const micros = parseTimestampMicros(value);
    const days = parseDateDays(value);
    ms = micros !== undefined ? Number(micros / 1000n) : days !== undefined ? days * 86400000 : Date.parse(value);
  }
  if (!Number.isFinite(ms)) throw new DeltaSqlError('INVALID_ARGUMENT', `invalid timestamp ${JSON.stringify(String(value))}`);
  return ms;
}

/** Build the snapshot of the table in `store` at the latest version, a version, or a timestamp. */
export async function loadSnapshot(store: ObjectStore, options: SnapshotOptions = {}): Promise<Snapshot> {
  if (options.version !== undefined && options.timestamp !== undefined) {
    throw new DeltaSqlError('INVALID_ARGUMENT', 'give either a version or a timestamp to time travel, not both');
  }
  const [listing, hint] = await Promise.all([listLog(store), readLastCheckpoint(store)]);
  let version = options.version;
  if (options.timestamp !== undefined) version = await versionAtTimestamp(store, listing, toEpochMillis(options.timestamp));
  const segment = segmentFromListing(listing, version, hint);
  const replay = await replayLog(store, segment);
  checkReadSupported(replay.protocol, store.root);
  let commitInfo = replay.commitInfo;
  if (commitInfo === undefined && segment.lastCommit !== undefined && replay.metadata.configuration['delta.enableInCommitTimestamps'] === 'true') {
    commitInfo = await readCommitInfo(store, segment.lastCommit);
  }
  return new Snapshot(store, replay, segment, commitInfo);
}
