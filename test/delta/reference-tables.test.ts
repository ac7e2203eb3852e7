/**
 * Reader compatibility: every table in /work/shared/delta-tables reads back equal to its expected
 * rows (sorted, by value) at every version with expected data; tables without expected data are
 * checked against the log (row counts) and a stable sample.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DeltaTable } from '../../src/api/delta-table.js';
import { canonicalRows } from './helpers/canonical-rows.js';
import {
  TABLES_ROOT,
  canonExpected,
  jsonCases,
  parquetExpectations,
  parseAsciiTable,
  readParquetDir,
  tableEntries,
} from './helpers/expected-data.js';

const open = (entry: string, version?: number): Promise<DeltaTable> =>
  DeltaTable.open(join(TABLES_ROOT, entry, 'delta'), version === undefined ? {} : { version });

describe('reference tables: expected Parquet', () => {
  for (const entry of tableEntries()) {
    for (const exp of parquetExpectations(entry)) {
      it(`${entry} @ ${exp.label}`, async () => {
        const expected = await readParquetDir(exp.dir);
        const columns = expected[0]?.schema.fields.map((f) => f.name) ?? [];
        const table = await open(entry, exp.version);
        const actual = await table.toArrow();
        expect(canonicalRows(actual.batches, columns)).toEqual(canonicalRows(expected, columns));
      });
    }
  }
});

describe('reference tables: expected results from upstream tests', () => {
  for (const entry of tableEntries()) {
    for (const { file, cases } of jsonCases(entry)) {
      cases.forEach((c, n) => {
        it(`${entry} ${file} case ${n} @ ${c.version ?? 'latest'}`, async () => {
          const version = c.version === undefined || c.version === 'latest' ? undefined : Number(c.version);
          const table = await open(entry, version);
          if (c.ascii_table !== undefined) {
            const { columns, rows } = parseAsciiTable(c.ascii_table);
            // The pretty-printer shows null and "" alike, as an empty cell.
            const actual = canonicalRows((await table.toArrow({ columns })).batches, columns).map((r) =>
              JSON.stringify((JSON.parse(r) as unknown[]).map((v) => (v === '' ? null : v))),
            );
            expect(actual.sort()).toEqual(rows.map((r) => JSON.stringify(r)).sort());
            return;
          }
          const columns = c.columns ?? table.schema.fields.map((f) => f.name);
          const data = await table.toArrow({ columns });
          const actual = canonicalRows(data.batches, columns);
          if (c.row_count !== undefined) expect(actual.length).toBe(Number(c.row_count));
          if (c.values_sorted !== undefined) {
            const mine = actual.map((r) => (JSON.parse(r) as unknown[])[0]).map(canonExpected).sort();
            expect(mine).toEqual(c.values_sorted.map(canonExpected).sort());
          }
          if (c.rows !== undefined) {
            expect(actual).toEqual(c.rows.map((r) => JSON.stringify(r.map(canonExpected))).sort());
          }
        });
      });
    }
  }
});
