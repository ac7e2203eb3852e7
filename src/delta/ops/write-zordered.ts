/**
 * Write one partition's rows in Z-order, as Spark does (range-partition on the Z value, one
 * file per range): ceil(input bytes / target) files of equal row counts along the curve, so on
 * evenly spread data the files line up with the curve's cells. Rows reach each file's writer in
 * slices; inside a slice they are grouped by source chunk, which changes the order inside one
 * file only, never which rows a file holds.
 */
import type * as arrow from 'apache-arrow';
import type { AddAction } from '../actions/action-types.js';
import type { DataFileWriter } from '../write/data-file-writer.js';
import { takeRows } from '../write/take-rows.js';
import { zOrderPermutation } from './zorder.js';

const SLICE_ROWS = 16384;

export async function writeZOrdered(
  newWriter: () => DataFileWriter,
  batches: readonly arrow.RecordBatch[],
  columns: readonly string[],
  targetFileSize: number,
  inputBytes: number,
): Promise<AddAction[]> {
  const kept = batches.filter((b) => b.numRows > 0);
  const first = kept[0];
  if (first === undefined) return [];
  const fieldIndex = columns.map((c) => first.schema.fields.findIndex((f) => f.name === c));
  const data = fieldIndex.map((i) => kept.map((b) => b.data.children[i] as arrow.Data));
  const { order, locator } = zOrderPermutation(data, columns);
  const n = order.length;
  const files = Math.max(1, Math.min(n, Math.ceil(inputBytes / targetFileSize)));
  const adds: AddAction[] = [];
  for (let f = 0; f < files; f++) {
    const from = Math.floor((f * n) / files);
    const to = Math.floor(((f + 1) * n) / files);
    const writer = newWriter();
    for (let start = from; start < to; start += SLICE_ROWS) {
      const end = Math.min(to, start + SLICE_ROWS);
      const perChunk = new Map<number, number[]>();
      for (let k = start; k < end; k++) {
        const g = order[k] ?? 0;
        const c = locator.chunk[g] ?? 0;
        let list = perChunk.get(c);
        if (list === undefined) perChunk.set(c, (list = []));
        list.push(locator.local[g] ?? 0);
      }
      for (const [c, rows] of perChunk) await writer.write(takeRows(kept[c] as arrow.RecordBatch, Uint32Array.from(rows)));
    }
    adds.push(...(await writer.close()));
  }
  return adds;
}
