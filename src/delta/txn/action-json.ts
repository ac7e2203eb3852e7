/**
 * Typed actions → the JSON objects of a commit file (PROTOCOL.md "Actions"): absent optional
 * fields are left out, the `add.stats` string is kept verbatim (it holds exact long/decimal text).
 */
import type { Action, DeletionVectorDescriptor } from '../actions/action-types.js';

type Json = Record<string, unknown>;

/** Copy without undefined fields. */
function compact(obj: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out;
}

function dvJson(dv: DeletionVectorDescriptor | undefined): Json | undefined {
  if (dv === undefined) return undefined;
  return compact({ ...dv });
}

export function actionToJson(a: Action): Json {
  switch (a.kind) {
    case 'add':
      return {
        add: compact({
          path: a.path,
          partitionValues: a.partitionValues,
          size: a.size,
          modificationTime: a.modificationTime,
          dataChange: a.dataChange,
          stats: a.stats,
          tags: a.tags,
          deletionVector: dvJson(a.deletionVector),
          baseRowId: a.baseRowId,
          defaultRowCommitVersion: a.defaultRowCommitVersion,
          clusteringProvider: a.clusteringProvider,
        }),
      };
    case 'remove':
      return {
        remove: compact({
          path: a.path,
          deletionTimestamp: a.deletionTimestamp,
          dataChange: a.dataChange,
          extendedFileMetadata: a.extendedFileMetadata,
          partitionValues: a.partitionValues,
          size: a.size,
          stats: a.stats,
          tags: a.tags,
          deletionVector: dvJson(a.deletionVector),
          baseRowId: a.baseRowId,
          defaultRowCommitVersion: a.defaultRowCommitVersion,
        }),
      };
    case 'metaData':
      return {
        metaData: compact({
          id: a.id,
          name: a.name,
          description: a.description,
          format: { provider: a.format.provider, options: a.format.options },
          schemaString: a.schemaString,
          partitionColumns: a.partitionColumns,
          configuration: a.configuration,
          createdTime: a.createdTime,
        }),
      };
    case 'protocol':
      return {
        protocol: compact({
          minReaderVersion: a.minReaderVersion,
          minWriterVersion: a.minWriterVersion,
          readerFeatures: a.readerFeatures,
          writerFeatures: a.writerFeatures,
        }),
      };
    case 'txn':
      return { txn: compact({ appId: a.appId, version: a.version, lastUpdated: a.lastUpdated }) };
    case 'commitInfo':
      return { commitInfo: a.raw };
    case 'cdc':
      return { cdc: compact({ path: a.path, partitionValues: a.partitionValues, size: a.size, dataChange: a.dataChange, tags: a.tags }) };
    case 'domainMetadata':
      return { domainMetadata: { domain: a.domain, configuration: a.configuration, removed: a.removed } };
    case 'checkpointMetadata':
      return { checkpointMetadata: compact({ version: a.version, tags: a.tags }) };
    case 'sidecar':
      return { sidecar: compact({ path: a.path, sizeInBytes: a.sizeInBytes, modificationTime: a.modificationTime, tags: a.tags }) };
  }
}

/** One action per line; `add.stats` stays a JSON string inside the line. */
export function actionsToNdjson(actions: readonly Action[]): string {
  return actions.map((a) => JSON.stringify(actionToJson(a))).join('\n') + '\n';
}
