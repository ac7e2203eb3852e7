/**
 * Protocol and metadata for a new table (PROTOCOL.md "Protocol Evolution"): the lowest protocol
 * the table's features need: 1/2 plain; CHECK constraints writer 3; generated columns or change
 * data feed writer 4; column mapping reader 2 / writer 5; anything that only exists as a table
 * feature (timestamp_ntz, deletion vectors, type widening, `delta.feature.*`) 3/7 listing them.
 */
import { randomUUID } from 'node:crypto';
import { DeltaSqlError } from '../../common/errors.js';
import type { DataType, StructField } from '../../common/types/data-type.js';
import { deltaSchemaToJson } from '../../common/types/delta-schema.js';
import type { MetadataAction, ProtocolAction } from '../actions/action-types.js';
import { assignColumnMapping, MAX_COLUMN_ID_KEY } from './column-mapping-assign.js';
import { READER_WRITER_FEATURES, SUPPORTED_WRITER_FEATURES } from './writer-features.js';

export interface NewTableSpec {
  readonly schema: readonly StructField[];
  readonly partitionColumns: readonly string[];
  readonly properties: Readonly<Record<string, string>>;
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  /** Keep this table id (CREATE OR REPLACE keeps the table's identity). */
  readonly id?: string | undefined;
}

/** Legacy protocol version each feature maps to, when it has one. */
const LEGACY: Readonly<Record<string, { reader: number; writer: number }>> = {
  appendOnly: { reader: 1, writer: 2 },
  invariants: { reader: 1, writer: 2 },
  checkConstraints: { reader: 1, writer: 3 },
  changeDataFeed: { reader: 1, writer: 4 },
  generatedColumns: { reader: 1, writer: 4 },
  columnMapping: { reader: 2, writer: 5 },
};

function someType(t: DataType, test: (t: DataType) => boolean): boolean {
  if (test(t)) return true;
  switch (t.kind) {
    case 'struct':
      return t.fields.some((f) => someField(f, test, () => false));
    case 'array':
      return someType(t.element, test);
    case 'map':
      return someType(t.key, test) || someType(t.value, test);
    default:
      return false;
  }
}

function someField(f: StructField, typeTest: (t: DataType) => boolean, fieldTest: (f: StructField) => boolean): boolean {
  if (fieldTest(f)) return true;
  if (someType(f.type, typeTest)) return true;
  return f.type.kind === 'struct' && f.type.fields.some((c) => someField(c, typeTest, fieldTest));
}

const hasField = (schema: readonly StructField[], test: (f: StructField) => boolean): boolean => schema.some((f) => someField(f, () => false, test));
const hasType = (schema: readonly StructField[], test: (t: DataType) => boolean): boolean => schema.some((f) => someType(f.type, test));

/** The features a schema + properties use, and the properties with protocol-only keys taken out. */
export function featuresOf(schema: readonly StructField[], properties: Readonly<Record<string, string>>): { features: Set<string>; configuration: Record<string, string>; minReader: number; minWriter: number } {
  const features = new Set<string>();
  const configuration: Record<string, string> = {};
  let minReader = 1;
  let minWriter = 2;
  for (const [k, v] of Object.entries(properties)) {
    if (k.startsWith('delta.feature.')) {
      if (v !== 'supported' && v !== 'enabled') throw new DeltaSqlError('INVALID_ARGUMENT', `table property ${k} must be 'supported', got '${v}'`);
      features.add(k.slice('delta.feature.'.length));
    } else if (k === 'delta.minReaderVersion') minReader = Math.max(minReader, Number(v));
    else if (k === 'delta.minWriterVersion') minWriter = Math.max(minWriter, Number(v));
    else configuration[k] = v;
  }
  const on = (key: string): boolean => configuration[key]?.toLowerCase() === 'true';
  if (on('delta.appendOnly')) features.add('appendOnly');
  if (on('delta.enableChangeDataFeed')) features.add('changeDataFeed');
  if (on('delta.enableDeletionVectors')) features.add('deletionVectors');
  if (on('delta.enableTypeWidening')) features.add('typeWidening');
  if (on('delta.enableInCommitTimestamps')) features.add('inCommitTimestamp');
  if (on('delta.enableRowTracking')) features.add('rowTracking');
  const mode = configuration['delta.columnMapping.mode'];
  if (mode === 'name' || mode === 'id') features.add('columnMapping');
  else if (mode !== undefined && mode !== 'none') throw new DeltaSqlError('INVALID_ARGUMENT', `invalid delta.columnMapping.mode '${mode}': use none, name or id`);
  if (Object.keys(configuration).some((k) => k.startsWith('delta.constraints.'))) features.add('checkConstraints');
  if (hasField(schema, (f) => f.metadata['delta.invariants'] !== undefined)) features.add('invariants');
  if (hasField(schema, (f) => f.metadata['delta.generationExpression'] !== undefined)) features.add('generatedColumns');
  if (hasField(schema, (f) => Object.keys(f.metadata).some((k) => k.startsWith('delta.identity.')))) features.add('identityColumns');
  if (hasType(schema, (t) => t.kind === 'timestamp_ntz')) features.add('timestampNtz');
  return { features, configuration, minReader, minWriter };
}

export function protocolFor(features: ReadonlySet<string>, minReader = 1, minWriter = 2): ProtocolAction {
  const unsupported = [...features].filter((f) => !SUPPORTED_WRITER_FEATURES.has(f));
  if (unsupported.length > 0) {
    throw new DeltaSqlError('PROTOCOL_UNSUPPORTED', `cannot create a table needing the Delta feature${unsupported.length > 1 ? 's' : ''} ${unsupported.map((f) => `'${f}'`).join(', ')}: deltasql does not write ${unsupported.length > 1 ? 'them' : 'it'}`);
  }
  const needsTableFeatures = minWriter >= 7 || minReader >= 3 || [...features].some((f) => LEGACY[f] === undefined);
  if (!needsTableFeatures) {
    let reader = minReader;
    let writer = minWriter;
    for (const f of features) {
      const legacy = LEGACY[f];
      if (legacy !== undefined) {
        reader = Math.max(reader, legacy.reader);
        writer = Math.max(writer, legacy.writer);
      }
    }
    return { kind: 'protocol', minReaderVersion: reader, minWriterVersion: writer, readerFeatures: undefined, writerFeatures: undefined };
  }
  const writerFeatures = [...features].sort();
  const readerFeatures = writerFeatures.filter((f) => READER_WRITER_FEATURES.has(f));
  const reader = readerFeatures.length > 0 ? 3 : Math.max(minReader, 1);
  return {
    kind: 'protocol',
    minReaderVersion: reader,
    minWriterVersion: 7,
    readerFeatures: reader === 3 ? readerFeatures : undefined,
    writerFeatures,
  };
}

const INVALID_NAME_CHARS = /[ ,;{}()\n\t=]/;

function checkSchema(spec: NewTableSpec, columnMapping: boolean): void {
  const seen = new Set<string>();
  for (const f of spec.schema) {
    const lower = f.name.toLowerCase();
    if (seen.has(lower)) throw new DeltaSqlError('ANALYSIS_ERROR', `found duplicate column(s) in the table schema: '${f.name}'`);
    seen.add(lower);
    if (!columnMapping && INVALID_NAME_CHARS.test(f.name)) {
      throw new DeltaSqlError('ANALYSIS_ERROR', `column name '${f.name}' contains invalid characters among " ,;{}()\\n\\t=": enable column mapping (delta.columnMapping.mode = 'name') to use such names`);
    }
  }
  if (spec.schema.length === 0) throw new DeltaSqlError('ANALYSIS_ERROR', 'a Delta table needs at least one column');
  for (const p of spec.partitionColumns) {
    const f = spec.schema.find((x) => x.name.toLowerCase() === p.toLowerCase());
    if (f === undefined) throw new DeltaSqlError('UNKNOWN_COLUMN', `partition column '${p}' is not in the table schema`);
    if (f.type.kind === 'struct' || f.type.kind === 'array' || f.type.kind === 'map') {
      throw new DeltaSqlError('ANALYSIS_ERROR', `cannot partition by '${p}': partition columns must have an atomic type`);
    }
  }
  if (spec.partitionColumns.length > 0 && spec.partitionColumns.length >= spec.schema.length) {
    throw new DeltaSqlError('ANALYSIS_ERROR', 'cannot use all columns for partition columns');
  }
}

/** Protocol + metadata actions for a table created from `spec`. */
export function newTableActions(spec: NewTableSpec, now: number = Date.now()): { protocol: ProtocolAction; metadata: MetadataAction } {
  const { features, configuration, minReader, minWriter } = featuresOf(spec.schema, spec.properties);
  const columnMapping = features.has('columnMapping');
  checkSchema(spec, columnMapping);
  const protocol = protocolFor(features, minReader, minWriter);
  let schema = [...spec.schema];
  if (columnMapping) {
    const assigned = assignColumnMapping(schema, Number(configuration[MAX_COLUMN_ID_KEY] ?? '0'));
    schema = assigned.fields;
    configuration[MAX_COLUMN_ID_KEY] = String(assigned.maxColumnId);
  }
  const partitionColumns = spec.partitionColumns.map((p) => spec.schema.find((f) => f.name.toLowerCase() === p.toLowerCase())?.name ?? p);
  const metadata: MetadataAction = {
    kind: 'metaData',
    id: spec.id ?? randomUUID(),
    name: spec.name,
    description: spec.description,
    format: { provider: 'parquet', options: {} },
    schemaString: deltaSchemaToJson(schema),
    partitionColumns,
    configuration,
    createdTime: now,
  };
  return { protocol, metadata };
}
