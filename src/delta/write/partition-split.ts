/**
 * Split a batch into one row selection per distinct partition tuple. Each partition column is
 * dictionary-coded per row from its typed arrays (runs of equal strings reuse the previous code),
 * codes are combined column by column, then rows are bucketed with a counting sort.
 */
import type * as arrow from 'apache-arrow';
import type { DataType } from '../../common/types/data-type.js';
import { isValidAt } from './is-valid-at.js';
import { readDecimalWords } from './decimal-text.js';
import { partitionValueAt } from './partition-path.js';

export interface PartitionGroup {
  /** Log strings per partition column (null for null), in partition column order. */
  readonly values: readonly (string | null)[];
  /** Rows of the batch in this partition; undefined when it is every row. */
  readonly rows: Uint32Array | undefined;
}

function sameBytes(bytes: Uint8Array, offsets: Int32Array, a: number, b: number): boolean {
  const as = offsets[a] ?? 0;
  const bs = offsets[b] ?? 0;
  const len = (offsets[a + 1] ?? 0) - as;
  if (len !== (offsets[b + 1] ?? 0) - bs) return false;
  for (let k = 0; k < len; k++) if (bytes[as + k] !== bytes[bs + k]) return false;
  return true;
}

/** Per-row codes for one column: 0 is null, others index distinct values. Returns codes and count. */
function codeColumn(type: DataType, data: arrow.Data): { codes: Int32Array; distinct: number } {
  const n = data.length;
  const codes = new Int32Array(n);
  const ids = new Map<unknown, number>();
  const codeOf = (key: unknown): number => {
    let c = ids.get(key);
    if (c === undefined) {
      c = ids.size + 1;
      ids.set(key, c);
    }
    return c;
  };
  const values = data.values as unknown;
  const isVarWidth = type.kind === 'string' || type.kind === 'binary';
  const decoder = new TextDecoder();
  for (let i = 0; i < n; i++) {
    if (!isValidAt(data, i)) continue;
    if (isVarWidth) {
      const offsets = data.valueOffsets as Int32Array;
      const bytes = values as Uint8Array;
      if (i > 0 && codes[i - 1] !== 0 && sameBytes(bytes, offsets, i, i - 1)) {
        codes[i] = codes[i - 1] ?? 0;
        continue;
      }
      const text = decoder.decode(bytes.subarray(offsets[i] ?? 0, offsets[i + 1] ?? 0));
      // Spark stores an empty string partition value as null.
      codes[i] = text === '' ? 0 : codeOf(text);
    } else if (type.kind === 'decimal') {
      codes[i] = codeOf(readDecimalWords(values as Uint32Array, i));
    } else if (type.kind === 'boolean') {
      const bit = data.offset + i;
      codes[i] = codeOf((((values as Uint8Array)[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0);
    } else {
      codes[i] = codeOf((values as Float64Array)[i]);
    }
  }
  return { codes, distinct: ids.size + 1 };
}

export function splitByPartition(batch: arrow.RecordBatch, columns: readonly number[], types: readonly DataType[]): PartitionGroup[] {
  const n = batch.numRows;
  let combined: Int32Array | undefined;
  columns.forEach((col, k) => {
    const data = batch.data.children[col];
    const type = types[k];
    if (data === undefined || type === undefined) return;
    const { codes, distinct } = codeColumn(type, data);
    if (combined === undefined) {
      combined = codes;
      return;
    }
    const remap = new Map<number, number>();
    const next = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const key = (combined[i] ?? 0) * distinct + (codes[i] ?? 0);
      let c = remap.get(key);
      if (c === undefined) {
        c = remap.size;
        remap.set(key, c);
      }
      next[i] = c;
    }
    combined = next;
  });
  const groupOf = combined ?? new Int32Array(n);
  // Dense group numbers in first-seen order, then a counting sort of rows into groups.
  const dense = new Map<number, number>();
  const firstRow: number[] = [];
  const rowGroup = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i] ?? 0;
    let d = dense.get(g);
    if (d === undefined) {
      d = dense.size;
      dense.set(g, d);
      firstRow.push(i);
    }
    rowGroup[i] = d;
  }
  const valuesOf = (row: number): (string | null)[] =>
    columns.map((col, k) => {
      const data = batch.data.children[col];
      const type = types[k];
      return data === undefined || type === undefined ? null : partitionValueAt(type, data, row);
    });
  if (firstRow.length <= 1) return n === 0 ? [] : [{ values: valuesOf(0), rows: undefined }];
  const counts = new Int32Array(firstRow.length);
  for (let i = 0; i < n; i++) {
    const g = rowGroup[i] ?? 0;
    counts[g] = (counts[g] ?? 0) + 1;
  }
  const rows = Array.from(counts, (c) => new Uint32Array(c));
  const fill = new Int32Array(firstRow.length);
  for (let i = 0; i < n; i++) {
    const g = rowGroup[i] ?? 0;
    const target = rows[g];
    const at = fill[g] ?? 0;
    fill[g] = at + 1;
    if (target !== undefined) target[at] = i;
  }
  return firstRow.map((row, g) => ({ values: valuesOf(row), rows: rows[g] }));
}
