/**
 * One log line (or checkpoint row) → a typed action. The wrapper object has one key naming the
 * action; unknown keys are ignored (returns undefined) so newer writers do not break us.
 */
import type {
  Action,
  AddAction,
  DeletionVectorDescriptor,
  MetadataAction,
  ProtocolAction,
  RemoveAction,
} from './action-types.js';
import { ActionFormatError, FieldReader, isRecord, type Json } from './field-reader.js';

export { ActionFormatError } from './field-reader.js';

export function parseDeletionVector(value: unknown): DeletionVectorDescriptor | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw new ActionFormatError(`deletionVector must be an object`);
  const r = new FieldReader('deletionVector', value);
  const storageType = r.string('storageType');
  if (storageType !== 'u' && storageType !== 'i' && storageType !== 'p') {
    throw new ActionFormatError(`deletionVector.storageType must be 'u', 'i' or 'p', got '${storageType}'`);
  }
  return {
    storageType,
    pathOrInlineDv: r.string('pathOrInlineDv'),
    offset: r.optLong('offset'),
    sizeInBytes: r.long('sizeInBytes'),
    cardinality: r.long('cardinality'),
    maxRowIndex: r.optLong('maxRowIndex'),
  };
}

function parseAdd(obj: Json): AddAction {
  const r = new FieldReader('add', obj);
  return {
    kind: 'add',
    path: r.string('path'),
    partitionValues: r.stringMap('partitionValues'),
    size: r.long('size'),
    modificationTime: r.optLong('modificationTime') ?? 0,
    dataChange: r.bool('dataChange', true),
    stats: r.optString('stats'),
    statsParsed: obj['stats_parsed'] ?? undefined,
    tags: r.optStringMap('tags'),
    deletionVector: parseDeletionVector(obj['deletionVector']),
    baseRowId: r.optLong('baseRowId'),
    defaultRowCommitVersion: r.optLong('defaultRowCommitVersion'),
    clusteringProvider: r.optString('clusteringProvider'),
  };
}

function parseRemove(obj: Json): RemoveAction {
  const r = new FieldReader('remove', obj);
  return {
    kind: 'remove',
    path: r.string('path'),
    deletionTimestamp: r.optLong('deletionTimestamp'),
    dataChange: r.bool('dataChange', true),
    extendedFileMetadata: r.optBool('extendedFileMetadata'),
    partitionValues: r.optStringMap('partitionValues'),
    size: r.optLong('size'),
    stats: r.optString('stats'),
    tags: r.optStringMap('tags'),
    deletionVector: parseDeletionVector(obj['deletionVector']),
    baseRowId: r.optLong('baseRowId'),
    defaultRowCommitVersion: r.optLong('defaultRowCommitVersion'),
  };
}

function parseMetadata(obj: Json): MetadataAction {
  const r = new FieldReader('metaData', obj);
  const format = r.record('format');
  const fr = format ? new FieldReader('metaData.format', format) : undefined;
  return {
    kind: 'metaData',
    id: r.string('id'),
    name: r.optString('name'),
    description: r.optString('description'),
    format: { provider: fr?.optString('provider') ?? 'parquet', options: fr?.stringMap('options') ?? {} },
    schemaString: r.string('schemaString'),
    partitionColumns: r.stringArray('partitionColumns'),
    configuration: r.stringMap('configuration'),
    createdTime: r.optLong('createdTime'),
  };
}

function parseProtocol(obj: Json): ProtocolAction {
  const r = new FieldReader('protocol', obj);
  return {
    kind: 'protocol',
    minReaderVersion: r.long('minReaderVersion'),
    minWriterVersion: r.long('minWriterVersion'),
    readerFeatures: r.optStringArray('readerFeatures'),
    writerFeatures: r.optStringArray('writerFeatures'),
  };
}

function parseBody(key: string, body: Json): Action | undefined {
  switch (key) {
    case 'add':
      return parseAdd(body);
    case 'remove':
      return parseRemove(body);
    case 'metaData':
      return parseMetadata(body);
    case 'protocol':
      return parseProtocol(body);
    case 'txn': {
      const r = new FieldReader('txn', body);
      return { kind: 'txn', appId: r.string('appId'), version: r.long('version'), lastUpdated: r.optLong('lastUpdated') };
    }
    case 'commitInfo': {
      const r = new FieldReader('commitInfo', body);
      const ict = body['inCommitTimestamp'];
      const ts = body['timestamp'];
      return {
        kind: 'commitInfo',
        inCommitTimestamp: ict === undefined || ict === null ? undefined : r.long('inCommitTimestamp'),
        timestamp: typeof ts === 'number' || typeof ts === 'bigint' ? r.long('timestamp') : undefined,
        operation: typeof body['operation'] === 'string' ? body['operation'] : undefined,
        raw: body,
      };
    }
    case 'cdc': {
      const r = new FieldReader('cdc', body);
      return {
        kind: 'cdc',
        path: r.string('path'),
        partitionValues: r.stringMap('partitionValues'),
        size: r.long('size'),
        dataChange: r.bool('dataChange', false),
        tags: r.optStringMap('tags'),
      };
    }
    case 'domainMetadata': {
      const r = new FieldReader('domainMetadata', body);
      return {
        kind: 'domainMetadata',
        domain: r.string('domain'),
        configuration: r.optString('configuration') ?? '',
        removed: r.bool('removed', false),
      };
    }
    case 'checkpointMetadata': {
      const r = new FieldReader('checkpointMetadata', body);
      return { kind: 'checkpointMetadata', version: r.long('version'), tags: r.optStringMap('tags') };
    }
    case 'sidecar': {
      const r = new FieldReader('sidecar', body);
      return {
        kind: 'sidecar',
        path: r.string('path'),
        sizeInBytes: r.long('sizeInBytes'),
        modificationTime: r.optLong('modificationTime') ?? 0,
        tags: r.optStringMap('tags'),
      };
    }
    default:
      return undefined;
  }
}

/**
 * Parse one action wrapper such as `{"add": {...}}`. Returns the known actions it holds
 * (normally one); unknown action names are skipped.
 */
export function parseActions(wrapper: unknown, out: Action[]): void {
  if (!isRecord(wrapper)) throw new ActionFormatError('a log line must be a JSON object');
  for (const key in wrapper) {
    const body = wrapper[key];
    if (body === undefined || body === null) continue;
    if (!isRecord(body)) {
      if (isKnown(key)) throw new ActionFormatError(`action '${key}' must be an object`);
      continue;
    }
    const action = parseBody(key, body);
    if (action !== undefined) out.push(action);
  }
}

const KNOWN = new Set(['add', 'remove', 'metaData', 'protocol', 'txn', 'commitInfo', 'cdc', 'domainMetadata', 'checkpointMetadata', 'sidecar']);

function isKnown(key: string): boolean {
  return KNOWN.has(key);
}

export function parseAction(wrapper: unknown): Action | undefined {
  const out: Action[] = [];
  parseActions(wrapper, out);
  return out[0];
}
