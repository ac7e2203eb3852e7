import { describe, expect, it } from 'vitest';
import * as arrow from 'apache-arrow';
import { Catalog, checkTableName } from '../../src/catalog/catalog.js';
import { StatementTables } from '../../src/catalog/statement-tables.js';
import { DeltaSqlError } from '../../src/common/errors.js';

const TABLES = '/work/shared/delta-tables';

describe('catalog', () => {
  it('maps names to lower-case folders under the warehouse and refuses path escapes', () => {
    const c = new Catalog({ warehouse: 'memory://wh-cat' });
    expect(c.tableLocation(['Sales'])).toBe('memory://wh-cat/sales');
    expect(c.tableLocation(['default', 'T1'])).toBe('memory://wh-cat/t1');
    for (const bad of ['..', '../x', 'a/b', '.hidden', 'a\\b']) expect(() => checkTableName(bad)).toThrow(DeltaSqlError);
    expect(() => c.tableLocation(['otherdb', 't'])).toThrow(/does not exist/);
  });

  it('resolves views before registered tables before warehouse tables, case-insensitively', async () => {
    const c = new Catalog({ warehouse: 'memory://wh-cat2' });
    c.register('People', arrow.tableFromArrays({ id: Int32Array.from([1, 2]) }));
    const tables = new StatementTables(c);
    await tables.add('k1', ['PEOPLE'], [false], { kind: 'latest' });
    const src = tables.sources.get('k1');
    expect(src).toMatchObject({ kind: 'memory', name: 'people', rowCount: 2 });
    await tables.add('k2', ['missing'], [false], { kind: 'latest' });
    const missing = tables.sources.get('k2');
    expect(missing).toBeInstanceOf(DeltaSqlError);
    expect((missing as DeltaSqlError).code).toBe('TABLE_NOT_FOUND');
  });

  it('pins one snapshot per table per statement and reads delta.`path` tables with stats', async () => {
    const c = new Catalog({ warehouse: 'memory://wh-cat3' });
    const tables = new StatementTables(c);
    const loc = `${TABLES}/dat__basic_partitioned/delta`;
    await tables.add('a', ['delta', loc], [false, true], { kind: 'latest' });
    await tables.add('b', ['delta', loc], [false, true], { kind: 'version', version: 0 });
    const latest = tables.sources.get('a');
    const v0 = tables.sources.get('b');
    if (latest === undefined || latest instanceof Error || latest.kind !== 'delta') throw new Error('expected a delta source');
    if (v0 === undefined || v0 instanceof Error || v0.kind !== 'delta') throw new Error('expected a delta source');
    expect(latest.partitionColumns).toEqual(['letter']);
    expect(v0.version).toBe(0);
    expect(latest.version).toBeGreaterThan(0);
    expect(latest.files.length).toBeGreaterThan(v0.files.length);
    expect(tables.snapshot(loc, latest.version)?.version).toBe(latest.version);
    const f = latest.files[0];
    expect(f?.partitionValues).toHaveProperty('letter');
    expect(f?.stats?.numRecords).toBeGreaterThan(0);
  });
});
