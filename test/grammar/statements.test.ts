import { describe, expect, it } from 'vitest';
import { parse, parseStatement, printStatement } from '../../grammar/index.js';
import { strip } from './strip.js';

/** Every construct the grammar covers; each must parse and its printed form must re-parse to the same AST. */
export const STATEMENTS: readonly string[] = [
  'SELECT a, b AS c, t.* FROM t WHERE a > 1 AND b IS NOT NULL ORDER BY 1 DESC NULLS LAST LIMIT 10 OFFSET 5',
  'SELECT DISTINCT a x FROM db.t AS u(a, b)',
  'SELECT * FROM delta.`/data/events` VERSION AS OF 3',
  "SELECT * FROM t TIMESTAMP AS OF '2024-01-01' s",
  'SELECT * FROM t@v5',
  'SELECT * FROM t@20240101000000000',
  "SELECT * FROM range(10), read_parquet('/x.parquet') p, table_changes('t', 1, 3)",
  'SELECT * FROM a JOIN b ON a.x = b.x LEFT OUTER JOIN c USING (x) RIGHT JOIN d ON TRUE FULL OUTER JOIN e ON 1 = 1',
  'SELECT * FROM a CROSS JOIN b NATURAL JOIN c LEFT SEMI JOIN d ON a.x = d.x LEFT ANTI JOIN e ON a.x = e.x, f',
  'SELECT * FROM (SELECT 1 AS x) s JOIN LATERAL (SELECT s.x) l',
  'SELECT * FROM VALUES (1, 2), (3, 4) AS v(a, b)',
  'VALUES (1, 2), (3, 4)',
  'SELECT c FROM t LATERAL VIEW OUTER explode(arr) e AS c',
  'SELECT a, count(*) FROM t GROUP BY GROUPING SETS ((a, b), (a), ()) HAVING count(*) > 1',
  'SELECT a FROM t GROUP BY ROLLUP (a, b), CUBE (c)',
  'SELECT a FROM t GROUP BY a, b WITH ROLLUP',
  'SELECT a FROM t GROUP BY ALL',
  'SELECT a, row_number() OVER w FROM t WINDOW w AS (PARTITION BY b ORDER BY c) QUALIFY row_number() OVER w = 1',
  'SELECT sum(x) OVER (PARTITION BY a ORDER BY b RANGE BETWEEN 1 PRECEDING AND UNBOUNDED FOLLOWING) FROM t',
  'SELECT first_value(x) IGNORE NULLS OVER (ORDER BY y ROWS 2 PRECEDING) FROM t',
  'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x), count(DISTINCT y) FILTER (WHERE y > 0), array_agg(x ORDER BY y) FROM t',
  'SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT ALL SELECT 4 MINUS SELECT 5',
  '(SELECT 1) UNION ALL (SELECT 2 ORDER BY 1 LIMIT 1) ORDER BY 1 LIMIT ALL',
  'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3), s AS (SELECT 2) SELECT * FROM r, s',
  'SELECT * FROM t WHERE x IN (SELECT y FROM u) AND EXISTS (SELECT 1) AND z = (SELECT max(z) FROM u) AND (a, b) IN (SELECT 1, 2)',
  "SELECT CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END, CASE x WHEN 1 THEN 'a' END FROM t",
  'SELECT CAST(x AS DECIMAL(10,2)), TRY_CAST(y AS INT), z::STRING, CAST(m AS MAP<STRING, ARRAY<INT>>) FROM t',
  "SELECT a <=> b, a IS DISTINCT FROM b, a IS NOT DISTINCT FROM b, a IS TRUE, a IS NOT FALSE, a IS UNKNOWN FROM t",
  "SELECT a NOT BETWEEN 1 AND 2, a NOT IN (1, 2), a LIKE 'x%' ESCAPE '!', a NOT ILIKE 'y', a RLIKE '^z', a LIKE ANY ('a%', 'b%') FROM t",
  "SELECT a || b, a & b | c ^ d, ~a, -a, +a, a DIV 2, a % 3, a << 1, a >> 2, a >>> 3, NOT a, !b FROM t",
  "SELECT s.a.b, arr[0], m['k'], f(x).y, transform(arr, x -> x + 1), aggregate(arr, 0, (acc, x) -> acc + x) FROM t",
  "SELECT ?, ?, :name, 1L, 2S, 3Y, 1.5D, 1.5F, 1.5BD, 1e3, .5, -1 FROM t",
  "SELECT DATE '2024-01-01', TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP_NTZ '2024-01-01', X'0A1B', INTERVAL '1' DAY, INTERVAL 1 DAY 2 HOURS, INTERVAL '1-2' YEAR TO MONTH",
  "SELECT 'it''s', 'a' 'b', \"dq\\n\", 'uni\\u0041', `we``ird` FROM t",
  'SELECT EXTRACT(YEAR FROM d), TRIM(BOTH \'x\' FROM s), POSITION(\'a\' IN s), SUBSTRING(s FROM 1 FOR 2), current_date, CURRENT_TIMESTAMP() FROM t',
  'SELECT * FROM t SORT BY a',
  'CREATE TABLE t1 (a INTEGER, b VARCHAR(30))',
  "CREATE OR REPLACE TABLE IF NOT EXISTS db.t (id BIGINT NOT NULL COMMENT 'key', d DATE GENERATED ALWAYS AS (CAST(ts AS DATE)), ts TIMESTAMP, n INT DEFAULT 0, i BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1), CONSTRAINT c1 CHECK (id > 0)) USING DELTA PARTITIONED BY (d) LOCATION '/tmp/t' COMMENT 'tbl' TBLPROPERTIES ('delta.appendOnly' = 'true')",
  'CREATE TABLE t2 CLUSTER BY (a) AS SELECT 1 AS a',
  'CREATE TABLE t3 AS VALUES (1), (2)',
  'CREATE TABLE c SHALLOW CLONE src VERSION AS OF 2',
  'CREATE OR REPLACE TEMP VIEW v (a, b) AS SELECT 1, 2',
  'CREATE VIEW v AS SELECT x FROM t1 WHERE x > 0',
  'DROP TABLE IF EXISTS t1',
  'DROP VIEW v',
  'INSERT INTO t1 VALUES (1, \'x\'), (2, \'y\')',
  'INSERT INTO t1 (a, b) SELECT a, b FROM t2',
  'INSERT OVERWRITE TABLE t REPLACE WHERE d >= \'2024-01-01\' SELECT * FROM s',
  'INSERT INTO t PARTITION (p = 1) SELECT 1',
  'UPDATE t AS x SET a = 1, b.c = b.c + 1 WHERE id = 3',
  'DELETE FROM t WHERE a IS NULL',
  'MERGE WITH SCHEMA EVOLUTION INTO t AS tg USING (SELECT * FROM s) AS src ON tg.id = src.id WHEN MATCHED AND src.del THEN DELETE WHEN MATCHED THEN UPDATE SET tg.v = src.v WHEN NOT MATCHED BY TARGET AND src.v > 0 THEN INSERT (id, v) VALUES (src.id, src.v) WHEN NOT MATCHED THEN INSERT * WHEN NOT MATCHED BY SOURCE THEN UPDATE SET v = 0 WHEN NOT MATCHED BY SOURCE AND v < 0 THEN DELETE',
  'RESTORE TABLE t TO VERSION AS OF 1',
  "RESTORE t TO TIMESTAMP AS OF '2024-01-01'",
  'DESCRIBE HISTORY t LIMIT 5',
  "DESCRIBE DETAIL '/data/t'",
  'DESCRIBE TABLE EXTENDED t',
  'DESC t',
  'SHOW TABLES IN db LIKE \'t*\'',
  'SHOW COLUMNS IN t',
  "SHOW TBLPROPERTIES t ('delta.minReaderVersion')",
  'OPTIMIZE t WHERE d = 1 ZORDER BY (a, b)',
  'VACUUM delta.`/p` RETAIN 168 HOURS DRY RUN',
  'ALTER TABLE t ADD CONSTRAINT pos CHECK (a > 0)',
  'ALTER TABLE t DROP CONSTRAINT IF EXISTS pos',
  "ALTER TABLE t ADD COLUMNS (x INT COMMENT 'c', y STRING AFTER a)",
  'ALTER TABLE t ALTER COLUMN a SET NOT NULL',
  'ALTER TABLE t CHANGE COLUMN a DROP NOT NULL',
  "ALTER TABLE t ALTER COLUMN a COMMENT 'x'",
  'ALTER TABLE t ALTER COLUMN a TYPE BIGINT',
  'ALTER TABLE t RENAME COLUMN a TO b',
  'ALTER TABLE t DROP COLUMNS (a, b)',
  "ALTER TABLE t SET TBLPROPERTIES ('k' = 'v')",
  "ALTER TABLE t UNSET TBLPROPERTIES IF EXISTS ('k')",
  'ALTER TABLE t RENAME TO u',
  'CONVERT TO DELTA parquet.`/data/p` PARTITIONED BY (d DATE)',
  'EXPLAIN EXTENDED SELECT 1',
  'EXPLAIN ANALYZE SELECT * FROM t',
  'SET spark.sql.ansi.enabled = true',
  'SET',
  'RESET',
  'USE db',
  'CACHE TABLE t',
  'UNCACHE TABLE IF EXISTS t',
];

describe('statements', () => {
  it.each(STATEMENTS)('parses and round-trips: %s', (sql) => {
    const ast = parseStatement(sql);
    const printed = printStatement(ast);
    expect(strip(parseStatement(printed))).toEqual(strip(ast));
  });

  it('splits scripts on semicolons and skips empty statements', () => {
    const stmts = parse('SELECT 1; ; SELECT 2;');
    expect(stmts.map((s) => s.kind)).toEqual(['query', 'query']);
  });

  it('builds the expected shapes', () => {
    expect(strip(parseStatement('CREATE TABLE t1(a INTEGER, b VARCHAR(30))'))).toMatchObject({
      kind: 'createTable',
      name: { parts: ['t1'] },
      columns: [
        { name: { name: 'a' }, type: { type: { kind: 'int' } } },
        { name: { name: 'b' }, type: { type: { kind: 'string' } } },
      ],
    });
    expect(strip(parseStatement('INSERT INTO t1(a,b) SELECT 1, 2'))).toMatchObject({
      kind: 'insert',
      overwrite: false,
      columns: [{ name: 'a' }, { name: 'b' }],
      source: { kind: 'query', body: { kind: 'select' } },
    });
    expect(strip(parseStatement('SELECT * FROM t@v5'))).toMatchObject({
      body: { from: [{ kind: 'tableRef', timeTravel: { by: 'version', value: { kind: 'number', text: '5' } } }] },
    });
    expect(strip(parseStatement('SELECT * FROM t@20240102030405006'))).toMatchObject({
      body: { from: [{ timeTravel: { by: 'timestamp', value: { kind: 'string', value: '2024-01-02 03:04:05.006' } } }] },
    });
    expect(strip(parseStatement('SELECT * FROM delta.`/p`'))).toMatchObject({
      body: { from: [{ name: { parts: ['delta', '/p'], quoted: [false, true] } }] },
    });
    expect(strip(parseStatement('SET a.b = 1'))).toEqual({ kind: 'set', key: 'a.b', value: '1' });
    expect(strip(parseStatement('VACUUM t RETAIN 1 HOURS'))).toMatchObject({ kind: 'vacuum', retainHours: { text: '1' }, dryRun: false });
    expect(strip(parseStatement('SELECT 1 UNION SELECT 2 INTERSECT SELECT 3'))).toMatchObject({
      body: { kind: 'setOperation', op: 'UNION', right: { kind: 'setOperation', op: 'INTERSECT' } },
    });
  });
});
