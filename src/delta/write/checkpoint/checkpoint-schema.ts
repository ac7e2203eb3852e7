/**
 * The Arrow schema of a classic checkpoint (PROTOCOL.md "Checkpoint Schema"): one nullable struct
 * column per action type, each row holding exactly one action.
 */
import * as arrow from 'apache-arrow';

const f = (name: string, type: arrow.DataType, nullable = true): arrow.Field => new arrow.Field(name, type, nullable);
const str = (): arrow.Utf8 => new arrow.Utf8();
const long = (): arrow.Int64 => new arrow.Int64();

export function stringMap(): arrow.Map_ {
  return new arrow.Map_(
    f('entries', new arrow.Struct<{ key: arrow.Utf8; value: arrow.Utf8 }>([f('key', str(), false), f('value', str(), true)]), false),
    false,
  );
}

const stringList = (): arrow.List => new arrow.List(f('element', str(), true));

function deletionVector(): arrow.Struct {
  return new arrow.Struct([
    f('storageType', str()),
    f('pathOrInlineDv', str()),
    f('offset', new arrow.Int32()),
    f('sizeInBytes', new arrow.Int32()),
    f('cardinality', long()),
    f('maxRowIndex', long()),
  ]);
}

export const CHECKPOINT_TYPES = {
  txn: new arrow.Struct([f('appId', str()), f('version', long()), f('lastUpdated', long())]),
  add: new arrow.Struct([
    f('path', str()),
    f('partitionValues', stringMap()),
    f('size', long()),
    f('modificationTime', long()),
    f('dataChange', new arrow.Bool()),
    f('stats', str()),
    f('tags', stringMap()),
    f('deletionVector', deletionVector()),
    f('baseRowId', long()),
    f('defaultRowCommitVersion', long()),
    f('clusteringProvider', str()),
  ]),
  remove: new arrow.Struct([
    f('path', str()),
    f('deletionTimestamp', long()),
    f('dataChange', new arrow.Bool()),
    f('extendedFileMetadata', new arrow.Bool()),
    f('partitionValues', stringMap()),
    f('size', long()),
    f('tags', stringMap()),
    f('deletionVector', deletionVector()),
    f('baseRowId', long()),
    f('defaultRowCommitVersion', long()),
  ]),
  metaData: new arrow.Struct([
    f('id', str()),
    f('name', str()),
    f('description', str()),
    f('format', new arrow.Struct([f('provider', str()), f('options', stringMap())])),
    f('schemaString', str()),
    f('partitionColumns', stringList()),
    f('configuration', stringMap()),
    f('createdTime', long()),
  ]),
  protocol: new arrow.Struct([
    f('minReaderVersion', new arrow.Int32()),
    f('minWriterVersion', new arrow.Int32()),
    f('readerFeatures', stringList()),
    f('writerFeatures', stringList()),
  ]),
  domainMetadata: new arrow.Struct([f('domain', str()), f('configuration', str()), f('removed', new arrow.Bool())]),
} as const;

export type CheckpointColumn = keyof typeof CHECKPOINT_TYPES;

export const CHECKPOINT_COLUMNS = Object.keys(CHECKPOINT_TYPES) as CheckpointColumn[];

/** The `add` struct, with `stats_parsed` appended when the table has a type for it. */
export function addType(statsParsed: arrow.Struct | undefined): arrow.Struct {
  return statsParsed === undefined ? CHECKPOINT_TYPES.add : new arrow.Struct([...CHECKPOINT_TYPES.add.children, f('stats_parsed', statsParsed)]);
}

export function checkpointTypeOf(name: CheckpointColumn, statsParsed: arrow.Struct | undefined): arrow.DataType {
  return name === 'add' ? addType(statsParsed) : CHECKPOINT_TYPES[name];
}

export function checkpointSchema(statsParsed?: arrow.Struct): arrow.Schema {
  return new arrow.Schema(CHECKPOINT_COLUMNS.map((name) => f(name, checkpointTypeOf(name, statsParsed))));
}
