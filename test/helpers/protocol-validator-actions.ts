/** Field presence and JSON types of each action (PROTOCOL.md "Actions"), for the validator. */

export type JsonObject = Record<string, unknown>;

type Check = 'string' | 'integer' | 'boolean' | 'stringMap' | 'stringArray' | 'object' | 'number';
type Spec = Readonly<Record<string, readonly [Check, boolean]>>;

const SPECS: Readonly<Record<string, Spec>> = {
  add: {
    path: ['string', true],
    partitionValues: ['stringMap', true],
    size: ['integer', true],
    modificationTime: ['integer', true],
    dataChange: ['boolean', true],
    stats: ['string', false],
    tags: ['stringMap', false],
    deletionVector: ['object', false],
    baseRowId: ['integer', false],
    defaultRowCommitVersion: ['integer', false],
  },
  remove: {
    path: ['string', true],
    dataChange: ['boolean', true],
    deletionTimestamp: ['integer', false],
    extendedFileMetadata: ['boolean', false],
    partitionValues: ['stringMap', false],
    size: ['integer', false],
    tags: ['stringMap', false],
  },
  metaData: {
    id: ['string', true],
    format: ['object', true],
    schemaString: ['string', true],
    partitionColumns: ['stringArray', true],
    configuration: ['stringMap', true],
    createdTime: ['integer', false],
    name: ['string', false],
    description: ['string', false],
  },
  protocol: {
    minReaderVersion: ['integer', true],
    minWriterVersion: ['integer', true],
    readerFeatures: ['stringArray', false],
    writerFeatures: ['stringArray', false],
  },
  txn: { appId: ['string', true], version: ['integer', true], lastUpdated: ['integer', false] },
  commitInfo: { timestamp: ['integer', false], operation: ['string', false], operationParameters: ['object', false] },
  domainMetadata: { domain: ['string', true], configuration: ['string', true], removed: ['boolean', true] },
  cdc: { path: ['string', true], partitionValues: ['stringMap', true], size: ['integer', true], dataChange: ['boolean', true] },
};

function isType(v: unknown, check: Check): boolean {
  switch (check) {
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'stringArray':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'stringMap':
      return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => x === null || typeof x === 'string');
  }
}

export function checkActionFields(kind: string, body: JsonObject): string[] {
  const spec = SPECS[kind];
  if (spec === undefined) return [];
  const problems: string[] = [];
  for (const [name, [check, required]] of Object.entries(spec)) {
    const v = body[name];
    if (v === undefined || (v === null && !required)) {
      if (required) problems.push(`${kind}.${name} is missing`);
      continue;
    }
    if (!isType(v, check)) problems.push(`${kind}.${name} should be ${check}, got ${JSON.stringify(v)}`);
  }
  if (kind === 'add' && typeof body['size'] === 'number' && body['size'] < 0) problems.push('add.size is negative');
  if (kind === 'protocol') {
    const r = body['minReaderVersion'];
    const w = body['minWriterVersion'];
    if (w === 7 && !Array.isArray(body['writerFeatures'])) problems.push('protocol: writer version 7 needs writerFeatures');
    if (r === 3 && !Array.isArray(body['readerFeatures'])) problems.push('protocol: reader version 3 needs readerFeatures');
    if (r !== 3 && body['readerFeatures'] !== undefined) problems.push('protocol: readerFeatures without reader version 3');
    if (w !== 7 && body['writerFeatures'] !== undefined) problems.push('protocol: writerFeatures without writer version 7');
    if (Array.isArray(body['readerFeatures']) && Array.isArray(body['writerFeatures'])) {
      const writer = body['writerFeatures'];
      for (const f of body['readerFeatures']) if (!writer.includes(f)) problems.push(`protocol: reader feature '${String(f)}' is not listed as a writer feature`);
    }
  }
  if (kind === 'metaData' && typeof body['format'] === 'object' && body['format'] !== null) {
    const format = body['format'] as JsonObject;
    if (typeof format['provider'] !== 'string') problems.push('metaData.format.provider is missing');
  }
  return problems;
}
