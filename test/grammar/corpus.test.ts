import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/index.js';
import { DeltaSqlError } from '../../src/common/errors.js';
import { corpusItems } from './corpus.js';

/**
 * Rejections recorded when this test was written (3106 statements): SQLite-only syntax (CREATE/DROP
 * INDEX and TRIGGER, REINDEX, INSERT OR REPLACE, REPLACE INTO, `x IN t1`, `IN ()`, `x NOT NULL`,
 * UNIQUE (a(1))), DataFusion-only syntax (array literals `[1,2]`/`array[…]`, struct literals `{…}`,
 * INT UNSIGNED, TIME, trailing commas) and Spark error tests (`WITH t() AS …`).
 */
const MAX_REJECTED = 180;

describe('external SQL corpus', () => {
  const items = corpusItems();

  it.skipIf(items.length === 0)('parses the corpus statements, rejecting only with positioned SQL errors', () => {
    const rejected: string[] = [];
    for (const item of items) {
      try {
        parse(item.sql);
      } catch (e) {
        expect(e).toBeInstanceOf(DeltaSqlError);
        expect(['SYNTAX_ERROR', 'UNSUPPORTED']).toContain((e as DeltaSqlError).code);
        rejected.push(item.sql);
      }
    }
    expect(items.length).toBeGreaterThan(3000);
    expect(rejected.length).toBeLessThanOrEqual(MAX_REJECTED);
  });

  it.skipIf(items.length === 0)('accepts every Spark input statement except recorded Spark error cases', () => {
    const spark = items.filter((i) => i.file.includes('/spark/'));
    const rejected = spark.filter((i) => {
      try {
        parse(i.sql);
        return false;
      } catch {
        return true;
      }
    });
    expect(rejected.map((r) => r.sql.replace(/\s+/g, ' '))).toEqual(['WITH t() AS (SELECT 1) SELECT * FROM t']);
  });
});
