/**
 * Typed Delta log actions (PROTOCOL.md "Actions"). Only fields readers use are typed;
 * unknown fields are dropped, unknown actions are skipped, as the protocol requires.
 */

export interface DeletionVectorDescriptor {
  readonly storageType: 'u' | 'i' | 'p';
  readonly pathOrInlineDv: string;
  /** Absent for inline DVs; 0 is assumed when absent for the others. */
  readonly offset: number | undefined;
  readonly sizeInBytes: number;
  readonly cardinality: number;
  readonly maxRowIndex: number | undefined;
}

export type StringMap = Readonly<Record<string, string | null>>;

export interface AddAction {
  readonly kind: 'add';
  readonly path: string;
  readonly partitionValues: StringMap;
  readonly size: number;
  readonly modificationTime: number;
  readonly dataChange: boolean;
  /** The `stats` JSON string, parsed lazily (most scans never look at it). */
  readonly stats: string | undefined;
  /** Checkpoint `stats_parsed` struct, already as plain data. */
  readonly statsParsed: unknown;
  readonly tags: StringMap | undefined;
  readonly deletionVector: DeletionVectorDescriptor | undefined;
  readonly baseRowId: number | undefined;
  readonly defaultRowCommitVersion: number | undefined;
  readonly clusteringProvider: string | undefined;
}

export interface RemoveAction {
  readonly kind: 'remove';
  readonly path: string;
  readonly deletionTimestamp: number | undefined;
  readonly dataChange: boolean;
  readonly extendedFileMetadata: boolean | undefined;
  readonly partitionValues: StringMap | undefined;
  readonly size: number | undefined;
  readonly stats: string | undefined;
  readonly tags: StringMap | undefined;
  readonly deletionVector: DeletionVectorDescriptor | undefined;
  readonly baseRowId: number | undefined;
  readonly defaultRowCommitVersion: number | undefined;
}

export interface MetadataAction {
  readonly kind: 'metaData';
  readonly id: string;
  readonly name: string | undefined;
  readonly description: string | undefined;
  readonly format: { readonly provider: string; readonly options: StringMap };
  readonly schemaString: string;
  readonly partitionColumns: readonly string[];
  readonly configuration: StringMap;
  readonly createdTime: number | undefined;
}

export interface ProtocolAction {
  readonly kind: 'protocol';
  readonly minReaderVersion: number;
  readonly minWriterVersion: number;
  readonly readerFeatures: readonly string[] | undefined;
  readonly writerFeatures: readonly string[] | undefined;
}

export interface TxnAction {
  readonly kind: 'txn';
  readonly appId: string;
  readonly version: number;
  readonly lastUpdated: number | undefined;
}

/** commitInfo is free-form; the whole object is kept, with the fields we use pulled out. */
export interface CommitInfoAction {
  readonly kind: 'commitInfo';
  readonly inCommitTimestamp: number | undefined;
  readonly timestamp: number | undefined;
  readonly operation: string | undefined;
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface CdcAction {
  readonly kind: 'cdc';
  readonly path: string;
  readonly partitionValues: StringMap;
  readonly size: number;
  readonly dataChange: boolean;
  readonly tags: StringMap | undefined;
}

export interface DomainMetadataAction {
  readonly kind: 'domainMetadata';
  readonly domain: string;
  readonly configuration: string;
  readonly removed: boolean;
}

export interface CheckpointMetadataAction {
  readonly kind: 'checkpointMetadata';
  readonly version: number;
  readonly tags: StringMap | undefined;
}

export interface SidecarAction {
  readonly kind: 'sidecar';
  readonly path: string;
  readonly sizeInBytes: number;
  readonly modificationTime: number;
  readonly tags: StringMap | undefined;
}

export type Action =
  | AddAction
  | RemoveAction
  | MetadataAction
  | ProtocolAction
  | TxnAction
  | CommitInfoAction
  | CdcAction
  | DomainMetadataAction
  | CheckpointMetadataAction
  | SidecarAction;

export type ActionKind = Action['kind'];
