/** read_parquet / read_csv / read_json over files, directories or wildcards, projected to the node's columns. */
import type { FileScanNode } from '../../planner/physical/physical-plan.js';
import { ParquetFile } from '../../src/storage/parquet/parquet-file.js';
import { evalContext } from '../expr/compile-env.js';
import { csvColumns, readCsvText } from '../files/csv-file.js';
import { jsonColumns, parseJsonLines } from '../files/json-file.js';
import { normalizeColumn } from '../files/normalize-column.js';
import { resolveFiles } from '../files/resolve-files.js';
import { BATCH_ROWS, makeBatch, outputSchema, type BatchStream, type RunEnv } from './run-env.js';

const decoder = new TextDecoder();

export async function* runFileScan(node: FileScanNode, env: RunEnv): BatchStream {
  const schema = outputSchema(node);
  const types = node.schema.map((f) => f.type);
  const ext = node.format === 'parquet' ? '.parquet' : node.format === 'csv' ? '.csv' : '.json';
  const files = await resolveFiles(node.paths, ext);
  for (const file of files) {
    env.checkCancelled();
    if (node.format === 'parquet') {
      const pf = await ParquetFile.open(file.store, file.path, { size: file.size });
      try {
        for await (const batch of pf.readRowGroups({ columns: node.columns })) {
          env.checkCancelled();
          if (batch.numRows === 0) continue;
          const ctx = evalContext(env, batch.numRows);
          const cols = node.columns.map((_, k) => normalizeColumn(batch.data.children[k]!, types[k]!, env.functions, ctx));
          yield makeBatch(schema, cols, batch.numRows);
        }
      } finally {
        await pf.close();
      }
      continue;
    }
    const text = decoder.decode(await file.store.get(file.path));
    if (node.format === 'csv') {
      const t = readCsvText(text, node.options);
      for (let s = 0; s < t.rows.length; s += BATCH_ROWS) {
        const e = Math.min(t.rows.length, s + BATCH_ROWS);
        yield makeBatch(schema, csvColumns(t, node.columns, types, s, e, env.functions, evalContext(env, e - s)), e - s);
      }
    } else {
      const rows = parseJsonLines(text);
      for (let s = 0; s < rows.length; s += BATCH_ROWS) {
        const e = Math.min(rows.length, s + BATCH_ROWS);
        yield makeBatch(schema, jsonColumns(rows, node.columns, types, s, e), e - s);
      }
    }
  }
}
