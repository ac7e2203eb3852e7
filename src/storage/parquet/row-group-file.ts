/**
 * Builds a small, valid Parquet file holding one row group of a larger file: the bytes of
 * the column chunks we fetched, laid end to end after the magic, and the original footer
 * rewritten (Thrift compact) so that it lists only that row group and its chunk offsets
 * point at the new positions. parquet-wasm decodes it as if it were the whole file.
 *
 * Chunks not fetched keep their metadata (the schema, including an embedded ARROW:schema,
 * must stay whole so decoded types do not change) but point at an empty span after the
 * magic; callers must project them away. Page indexes and bloom filters are dropped (their
 * bytes are not copied), which readers treat as absent.
 */
import { DeltaSqlError } from '../../common/errors.js';
import type { ByteRange } from '../object-store.js';
import type { ParquetColumnChunk, ParquetMetadata } from './parquet-metadata.js';
import { ThriftCompactReader, type RawThriftField } from './thrift-compact.js';
import { ThriftCompactWriter, ThriftType } from './thrift-compact-writer.js';

const MAGIC = new Uint8Array([0x50, 0x41, 0x52, 0x31]);

/** Where a column chunk's bytes lie: from the dictionary page when there is one. */
export function chunkByteRange(chunk: ParquetColumnChunk): ByteRange {
  const dict = chunk.dictionaryPageOffset;
  const start = dict !== undefined && dict > 0 && dict < chunk.dataPageOffset ? dict : chunk.dataPageOffset;
  return { start, end: start + chunk.totalCompressedSize };
}

function corrupt(path: string, message: string): DeltaSqlError {
  return new DeltaSqlError('CORRUPT_DATA', `invalid Parquet file ${path}: ${message}`);
}

/** The footer's raw layout, parsed once per file and reused for every row group. */
export class RowGroupFileBuilder {
  private readonly fileFields: readonly RawThriftField[];
  private readonly rowGroupFields: ReadonlyArray<readonly RawThriftField[]>;

  constructor(
    private readonly footer: Uint8Array,
    private readonly metadata: ParquetMetadata,
    private readonly path: string,
  ) {
    const reader = new ThriftCompactReader(footer);
    this.fileFields = reader.rawStruct();
    const groups = this.fileFields.find((f) => f.id === 4);
    const out: RawThriftField[][] = [];
    if (groups !== undefined) {
      const list = new ThriftCompactReader(footer, groups.start);
      const { size } = list.listHeader();
      for (let i = 0; i < size; i++) out.push(list.rawStruct());
    }
    if (out.length !== metadata.rowGroups.length) throw corrupt(path, 'row group list does not match the decoded footer');
    this.rowGroupFields = out;
  }

  /**
   * A Parquet file with row group `g` only; `chunks` maps leaf-column index → that chunk's
   * bytes (exactly its `chunkByteRange`). Leaves absent from `chunks` must not be read.
   */
  build(g: number, chunks: ReadonlyMap<number, Uint8Array>): Uint8Array {
    const group = this.metadata.rowGroups[g];
    const groupFields = this.rowGroupFields[g];
    if (group === undefined || groupFields === undefined) throw corrupt(this.path, `no row group ${g}`);
    // Place the chunks in leaf order right after the leading magic.
    const placed = new Map<number, number>();
    let at = MAGIC.length;
    for (let leaf = 0; leaf < group.columns.length; leaf++) {
      const bytes = chunks.get(leaf);
      if (bytes === undefined) continue;
      placed.set(leaf, at);
      at += bytes.length;
    }
    const footer = this.footerFor(g, groupFields, placed);
    const out = new Uint8Array(at + footer.length + 8);
    out.set(MAGIC, 0);
    for (const [leaf, start] of placed) out.set(chunks.get(leaf) as Uint8Array, start);
    out.set(footer, at);
    new DataView(out.buffer).setUint32(at + footer.length, footer.length, true);
    out.set(MAGIC, at + footer.length + 4);
    return out;
  }

  private span(field: RawThriftField): Uint8Array {
    return this.footer.subarray(field.start, field.end);
  }

  private footerFor(g: number, groupFields: readonly RawThriftField[], placed: ReadonlyMap<number, number>): Uint8Array {
    const group = this.metadata.rowGroups[g];
    if (group === undefined) throw corrupt(this.path, `no row group ${g}`);
    const w = new ThriftCompactWriter();
    w.beginStruct();
    for (const f of this.fileFields) {
      if (f.id === 3) {
        w.i64Field(3, group.numRows);
      } else if (f.id === 4) {
        w.listField(4, ThriftType.struct, 1);
        this.writeRowGroup(w, groupFields, g, placed);
      } else {
        w.rawField(f.id, f.type, this.span(f));
      }
    }
    w.endStruct();
    return w.finish();
  }

  private writeRowGroup(w: ThriftCompactWriter, fields: readonly RawThriftField[], g: number, placed: ReadonlyMap<number, number>): void {
    w.beginStruct();
    for (const f of fields) {
      // 5 file_offset and 7 ordinal describe the original file; both are optional.
      if (f.id === 5 || f.id === 7) continue;
      if (f.id !== 1) {
        w.rawField(f.id, f.type, this.span(f));
        continue;
      }
      const list = new ThriftCompactReader(this.footer, f.start);
      const { size } = list.listHeader();
      w.listField(1, ThriftType.struct, size);
      for (let leaf = 0; leaf < size; leaf++) this.writeChunk(w, list.rawStruct(), g, leaf, placed.get(leaf));
    }
    w.endStruct();
  }

  private writeChunk(w: ThriftCompactWriter, fields: readonly RawThriftField[], g: number, leaf: number, newStart: number | undefined): void {
    const chunk = this.metadata.rowGroups[g]?.columns[leaf];
    if (chunk === undefined) throw corrupt(this.path, `row group ${g} has no column chunk ${leaf}`);
    const oldStart = chunkByteRange(chunk).start;
    // Unfetched chunks point at the empty span after the magic (offset 4, zero length).
    const shift = (newStart ?? MAGIC.length) - oldStart;
    w.beginStruct();
    for (const f of fields) {
      if (f.id >= 4 && f.id <= 7) continue; // offset/column index locations: not copied
      if (f.id === 2) {
        w.i64Field(2, newStart ?? MAGIC.length);
      } else if (f.id === 3 && f.type === ThriftType.struct) {
        w.fieldHeader(3, ThriftType.struct);
        this.writeColumnMeta(w, new ThriftCompactReader(this.footer, f.start).rawStruct(), chunk, shift, newStart === undefined);
      } else {
        w.rawField(f.id, f.type, this.span(f));
      }
    }
    w.endStruct();
  }

  private writeColumnMeta(w: ThriftCompactWriter, fields: readonly RawThriftField[], chunk: ParquetColumnChunk, shift: number, empty: boolean): void {
    const usesDict = chunkByteRange(chunk).start !== chunk.dataPageOffset;
    w.beginStruct();
    for (const f of fields) {
      switch (f.id) {
        case 7: // total_compressed_size
          if (empty) w.i64Field(7, 0);
          else w.rawField(f.id, f.type, this.span(f));
          break;
        case 9: // data_page_offset
          w.i64Field(9, empty ? MAGIC.length : chunk.dataPageOffset + shift);
          break;
        case 11: // dictionary_page_offset, kept only when it starts the chunk
          if (!empty && usesDict && chunk.dictionaryPageOffset !== undefined) w.i64Field(11, chunk.dictionaryPageOffset + shift);
          break;
        case 10: // index_page_offset
        case 14: // bloom_filter_offset
        case 15: // bloom_filter_length
          break;
        default:
          w.rawField(f.id, f.type, this.span(f));
      }
    }
    w.endStruct();
  }
}
