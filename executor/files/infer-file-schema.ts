/**
 * The columns read_parquet / read_csv / read_json will produce for given paths (what the binder
 * needs before planning a FileScanNode). Uses the first file for Parquet, all rows for text formats.
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import { fromArrowSchema } from '../../src/common/types/arrow-type.js';
import type { StructField } from '../../src/common/types/data-type.js';
import { ParquetFile } from '../../src/storage/parquet/parquet-file.js';
import { inferCsvSchema, readCsvText } from './csv-file.js';
import { inferJsonSchema, parseJsonLines } from './json-file.js';
import { resolveFiles } from './resolve-files.js';

const decoder = new TextDecoder();

export async function inferFileSchema(format: 'parquet' | 'csv' | 'json', paths: readonly string[], options: Readonly<Record<string, string>> = {}): Promise<StructField[]> {
  const files = await resolveFiles(paths, format === 'parquet' ? '.parquet' : `.${format}`);
  const first = files[0];
  if (!first) throw new DeltaSqlError('FILE_NOT_FOUND', `no files found for ${paths.join(', ')}`);
  if (format === 'parquet') {
    const pf = await ParquetFile.open(first.store, first.path, { size: first.size });
    return fromArrowSchema(pf.arrowSchema);
  }
  if (format === 'csv') {
    const tables = await Promise.all(files.map(async (f) => readCsvText(decoder.decode(await f.store.get(f.path)), options)));
    const merged = { names: tables[0]!.names, rows: tables.flatMap((t) => t.rows) };
    return inferCsvSchema(merged);
  }
  const rows = (await Promise.all(files.map(async (f) => parseJsonLines(decoder.decode(await f.store.get(f.path)))))).flat();
  return inferJsonSchema(rows);
}
