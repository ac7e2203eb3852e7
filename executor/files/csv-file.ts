/** read_csv: parse a file, infer its columns, and turn cells into typed columns via the cast table. */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../src/common/errors.js';
import { STRING, type DataType, type StructField } from '../../src/common/types/data-type.js';
import type { EvalContext } from '../functions/kernel.js';
import type { FunctionLookup } from '../expr/function-lookup.js';
import { toArray } from '../expr/eval-batch.js';
import { dataFromScalars } from '../kernels/scalar-data.js';
import { cellKind, kindType, widenKind, type CellKind } from './infer-type.js';
import { csvOptions, parseCsv } from './csv-parse.js';

export interface CsvTable {
  readonly names: string[];
  readonly rows: (string | null)[][];
}

export function readCsvText(text: string, options: Readonly<Record<string, string>>): CsvTable {
  const opts = csvOptions(options);
  const rows = parseCsv(text, opts);
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  let names: string[];
  if (opts.header && rows.length > 0) {
    const head = rows.shift()!;
    names = Array.from({ length: width }, (_, i) => head[i] ?? `_c${i}`);
  } else names = Array.from({ length: width }, (_, i) => `_c${i}`);
  return { names, rows };
}

/** Column names and inferred types, in file order. */
export function inferCsvSchema(t: CsvTable): StructField[] {
  return t.names.map((name, c) => {
    let k: CellKind = 'null';
    for (const r of t.rows) {
      const cell = r[c];
      if (cell !== null && cell !== undefined) k = widenKind(k, cellKind(cell));
      if (k === 'string') break;
    }
    return { name, type: kindType(k), nullable: true, metadata: {} };
  });
}

/** Rows [start, end) of the named columns, typed as planned (cells that do not parse become NULL). */
export function csvColumns(
  t: CsvTable,
  columns: readonly string[],
  types: readonly DataType[],
  start: number,
  end: number,
  functions: FunctionLookup,
  ctx: EvalContext,
): arrow.Data[] {
  return columns.map((name, k) => {
    const c = t.names.indexOf(name);
    if (c < 0) throw new DeltaSqlError('UNKNOWN_COLUMN', `column '${name}' is not in the CSV file`);
    const cells: (string | null)[] = [];
    for (let r = start; r < end; r++) cells.push(t.rows[r]![c] ?? null);
    const strings = dataFromScalars(STRING, cells);
    const type = types[k]!;
    if (type.kind === 'string') return strings;
    const v = functions.cast({ kind: 'array', data: strings }, STRING, type, 'try', { ...ctx, rowCount: end - start });
    return toArray(v, end - start);
  });
}
