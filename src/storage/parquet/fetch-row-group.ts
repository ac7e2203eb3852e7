/**
 * Fetches only the column chunks a read needs from one row group (byte-range requests,
 * nearby ranges merged) and packs them into a small Parquet file for parquet-wasm.
 */
import { DeltaSqlError } from '../../common/errors.js';
import type { ByteRange, ObjectStore } from '../object-store.js';
import { coalesceRanges } from './coalesce-ranges.js';
import type { ParquetMetadata } from './parquet-metadata.js';
import { chunkByteRange, type RowGroupFileBuilder } from './row-group-file.js';

export interface FetchRowGroupArgs {
  readonly store: ObjectStore;
  readonly path: string;
  readonly size: number;
  readonly metadata: ParquetMetadata;
  readonly builder: RowGroupFileBuilder;
  readonly rowGroup: number;
  /** Top-level column names to fetch (every leaf under each). */
  readonly columns: readonly string[];
  readonly maxGap: number;
}

/** Leaf-column indexes under the given top-level names. */
export function leavesOf(metadata: ParquetMetadata, columns: readonly string[]): number[] {
  const wanted = new Set(columns);
  const out: number[] = [];
  metadata.leafColumns.forEach((leaf, i) => {
    if (wanted.has(leaf.path[0] ?? '')) out.push(i);
  });
  return out;
}

/** The byte ranges (before merging) a read of `columns` in row group `g` needs. */
export function rowGroupRanges(metadata: ParquetMetadata, g: number, columns: readonly string[]): ByteRange[] {
  const group = metadata.rowGroups[g];
  if (group === undefined) return [];
  return leavesOf(metadata, columns).map((leaf) => chunkByteRange(group.columns[leaf] as (typeof group.columns)[number]));
}

/** A one-row-group Parquet file holding just the chunks of `columns`. */
export async function fetchRowGroupFile(args: FetchRowGroupArgs): Promise<Uint8Array> {
  const { store, path, size, metadata, rowGroup } = args;
  const group = metadata.rowGroups[rowGroup];
  if (group === undefined) throw new DeltaSqlError('INVALID_ARGUMENT', `row group ${rowGroup} does not exist in ${path}`);
  const leaves = leavesOf(metadata, args.columns);
  const spans = leaves.map((leaf) => chunkByteRange(group.columns[leaf] as (typeof group.columns)[number]));
  for (const span of spans) {
    if (span.start < 4 || span.end > size) {
      throw new DeltaSqlError('CORRUPT_DATA', `invalid Parquet file ${path}: column chunk [${span.start}, ${span.end}) lies outside the file (${size} bytes)`);
    }
  }
  const requests = coalesceRanges(spans, args.maxGap);
  const fetched = await Promise.all(
    requests.map(async (range) => {
      const bytes = await store.get(path, range);
      if (bytes.length !== range.end - range.start) {
        throw new DeltaSqlError('CORRUPT_DATA', `Parquet file ${path} is shorter than its footer says (range ${range.start}-${range.end})`);
      }
      return { range, bytes };
    }),
  );
  const chunks = new Map<number, Uint8Array>();
  leaves.forEach((leaf, i) => {
    const span = spans[i] as ByteRange;
    const holder = fetched.find((f) => f.range.start <= span.start && span.end <= f.range.end);
    if (holder === undefined) throw new DeltaSqlError('INTERNAL', `no fetched range covers column chunk ${leaf} of ${path}`);
    chunks.set(leaf, holder.bytes.subarray(span.start - holder.range.start, span.end - holder.range.start));
  });
  return args.builder.build(rowGroup, chunks);
}
