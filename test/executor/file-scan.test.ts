import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileScanNode } from '../../planner/physical/physical-plan.js';
import type { StructField } from '../../src/common/types/data-type.js';
import { inferFileSchema } from '../../executor/files/infer-file-schema.js';
import { rows } from './helpers.js';

const TABLE = '/work/shared/delta-tables/delta-rs__delta-0.8.0/delta';

async function scan(format: FileScanNode['format'], paths: string[], options: Record<string, string> = {}, pick?: string[]): Promise<{ schema: StructField[]; out: unknown[][] }> {
  const all = await inferFileSchema(format, paths, options);
  const schema = pick ? all.filter((f) => pick.includes(f.name)) : all;
  const out = await rows({ kind: 'file_scan', schema, format, paths, columns: schema.map((f) => f.name), options });
  return { schema, out };
}

describe('file scans', () => {
  it('read_parquet over a Delta data directory (wildcard) and a single file', async () => {
    const { schema, out } = await scan('parquet', [`${TABLE}/*.parquet`]);
    expect(schema.length).toBeGreaterThan(0);
    expect(out.length).toBeGreaterThan(0);
    const one = await scan('parquet', [`${TABLE}/part-00000-04ec9591-0b73-459e-8d18-ba5711d6cbe1-c000.snappy.parquet`]);
    expect(one.out.length).toBeGreaterThan(0);
    expect(one.out.length).toBeLessThanOrEqual(out.length);
  });

  it('read_csv with header and type inference', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsql-csv-'));
    const path = join(dir, 'a.csv');
    writeFileSync(path, 'id,name,score,ok,day\n1,"Smith, J",1.5,true,2024-01-02\n2,"say ""hi""",,false,2024-02-03\r\n3000000000,é,2,true,\n');
    const { schema, out } = await scan('csv', [path]);
    expect(schema.map((f) => [f.name, f.type.kind])).toEqual([['id', 'long'], ['name', 'string'], ['score', 'double'], ['ok', 'boolean'], ['day', 'date']]);
    expect(out.map((r) => r.slice(0, 4))).toEqual([
      [1n, 'Smith, J', 1.5, true],
      [2n, 'say "hi"', null, false],
      [3000000000n, 'é', 2, true],
    ]);
    expect(out[2]![4]).toBeNull();
  });

  it('read_json lines with nested values; fields sorted like Spark', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsql-json-'));
    const path = join(dir, 'a.json');
    writeFileSync(path, '{"b": 1, "a": "x", "n": {"q": [1, 2]}}\n\n{"b": 2.5, "a": null}\n');
    const { schema, out } = await scan('json', [path]);
    expect(schema.map((f) => [f.name, f.type.kind])).toEqual([['a', 'string'], ['b', 'double'], ['n', 'struct']]);
    expect(out[0]!.slice(0, 2)).toEqual(['x', 1]);
    expect(out[1]).toEqual([null, 2.5, null]);
  });
});
