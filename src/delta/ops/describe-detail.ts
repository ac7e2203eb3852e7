/** DESCRIBE DETAIL: one row describing the latest snapshot, with Spark's columns and types. */
import type * as arrow from 'apache-arrow';
import { INT, LONG, STRING, TIMESTAMP, arrayOf, field, mapOf, type StructField } from '../../common/types/data-type.js';
import type { ObjectStore } from '../../storage/object-store.js';
import { readerFeaturesOf } from '../protocol-support.js';
import { loadSnapshot, type Snapshot } from '../snapshot.js';
import { writerFeaturesOf } from '../write/writer-features.js';
import { rowsToTable } from './rows-to-table.js';

export const DETAIL_SCHEMA: readonly StructField[] = [
  field('format', STRING),
  field('id', STRING),
  field('name', STRING),
  field('description', STRING),
  field('location', STRING),
  field('createdAt', TIMESTAMP),
  field('lastModified', TIMESTAMP),
  field('partitionColumns', arrayOf(STRING)),
  field('clusteringColumns', arrayOf(STRING)),
  field('numFiles', LONG),
  field('sizeInBytes', LONG),
  field('properties', mapOf(STRING, STRING)),
  field('minReaderVersion', INT),
  field('minWriterVersion', INT),
  field('tableFeatures', arrayOf(STRING)),
];

export interface DetailRow {
  readonly format: string;
  readonly id: string;
  readonly name: string | null;
  readonly description: string | null;
  readonly location: string;
  /** Epoch ms, or null when the metadata has no createdTime. */
  readonly createdAt: number | null;
  readonly lastModified: number;
  readonly partitionColumns: readonly string[];
  readonly clusteringColumns: readonly string[];
  readonly numFiles: number;
  readonly sizeInBytes: number;
  readonly properties: ReadonlyMap<string, string | null>;
  readonly minReaderVersion: number;
  readonly minWriterVersion: number;
  /** Explicit features, or those a legacy protocol version implies (as Spark lists them). */
  readonly tableFeatures: readonly string[];
}

/** Liquid clustering keeps its columns in the `delta.clustering` domain (one name path each). */
function clusteringColumns(snapshot: Snapshot): string[] {
  const domain = snapshot.domainMetadata.get('delta.clustering');
  if (domain === undefined || domain.removed) return [];
  try {
    const parsed: unknown = JSON.parse(domain.configuration);
    const cols = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)['clusteringColumns'] : undefined;
    if (!Array.isArray(cols)) return [];
    return cols.map((c: unknown) => (Array.isArray(c) ? c.map(String).join('.') : String(c)));
  } catch {
    return [];
  }
}

export function detailOf(snapshot: Snapshot): DetailRow {
  let size = 0;
  for (const f of snapshot.files()) size += f.size;
  const features = new Set([...readerFeaturesOf(snapshot.protocol), ...writerFeaturesOf(snapshot.protocol)]);
  const m = snapshot.metadata;
  return {
    format: 'delta',
    id: m.id,
    name: m.name ?? null,
    description: m.description ?? null,
    location: snapshot.store.root,
    createdAt: m.createdTime ?? null,
    lastModified: snapshot.timestamp,
    partitionColumns: [...m.partitionColumns],
    clusteringColumns: clusteringColumns(snapshot),
    numFiles: snapshot.fileCount,
    sizeInBytes: size,
    properties: new Map(Object.entries(m.configuration)),
    minReaderVersion: snapshot.protocol.minReaderVersion,
    minWriterVersion: snapshot.protocol.minWriterVersion,
    tableFeatures: [...features].sort(),
  };
}

export async function describeDetailRow(store: ObjectStore): Promise<DetailRow> {
  return detailOf(await loadSnapshot(store));
}

/** DESCRIBE DETAIL as a one-row Arrow table. */
export async function describeDetail(store: ObjectStore): Promise<arrow.Table> {
  const row = await describeDetailRow(store);
  return rowsToTable(DETAIL_SCHEMA, [{ ...row, numFiles: BigInt(row.numFiles), sizeInBytes: BigInt(row.sizeInBytes) }]);
}
