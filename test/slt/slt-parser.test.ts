import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSkippedFor, parseSlt } from '../../src/slt/slt-parser.js';
import type { QueryRecord, SltRecord, StatementRecord } from '../../src/slt/slt-record.js';
import { decodeText } from '../../src/slt/text-file.js';

const CORPUS = '/work/shared/sql-corpus';

function only<K extends SltRecord['kind']>(records: readonly SltRecord[], kind: K): Extract<SltRecord, { kind: K }>[] {
  return records.filter((r): r is Extract<SltRecord, { kind: K }> => r.kind === kind);
}

describe('parseSlt: records', () => {
  it('reads statements, queries, conditions, labels, hash lines and line numbers', () => {
    const file = parseSlt(
      [
        '# header comment',
        'hash-threshold 8',
        '',
        'statement ok',
        'CREATE TABLE t1(a INTEGER, b INTEGER);',
        '',
        '',
        'skipif mysql # trailing words are ignored',
        'onlyif sqlite',
        'query IT rowsort label-7 extra tokens',
        'SELECT a,',
        '# a comment line inside SQL is removed, not a separator',
        '  b FROM t1',
        '----',
        '30 values hashing to 3c13dee48d9356ae19af2515e05e6b54',
        '',
        'statement error',
        'INSERT INTO nope VALUES(1)',
        '',
        'statement count 3',
        'DELETE FROM t1',
        '',
        'query I valuesort',
        'SELECT 1',
        '',
        'halt',
      ].join('\n'),
      'x.test',
    );
    expect(file.records.map((r) => r.kind)).toEqual(['hash-threshold', 'statement', 'query', 'statement', 'statement', 'query', 'halt']);
    const [threshold, create, query, error, count, noResult] = file.records as [SltRecord, StatementRecord, QueryRecord, StatementRecord, StatementRecord, QueryRecord];
    expect(threshold).toMatchObject({ kind: 'hash-threshold', threshold: 8, line: 2 });
    expect(create).toMatchObject({ sql: 'CREATE TABLE t1(a INTEGER, b INTEGER)', expect: { kind: 'ok' }, line: 4 });
    expect(query).toMatchObject({
      line: 8,
      headerLine: 10,
      types: 'IT',
      sort: 'rowsort',
      label: 'label-7',
      sql: 'SELECT a,\n  b FROM t1',
      expected: ['30 values hashing to 3c13dee48d9356ae19af2515e05e6b54'],
      separatorIndex: 13,
      lastLineIndex: 14,
      conditions: [
        { kind: 'skipif', engine: 'mysql' },
        { kind: 'onlyif', engine: 'sqlite' },
      ],
    });
    expect(error.expect).toEqual({ kind: 'error' });
    expect(count.expect).toEqual({ kind: 'count', count: 3 });
    expect(noResult).toMatchObject({ sort: 'valuesort', expected: [], separatorIndex: -1 });
  });

  it('treats only column-0 # as a comment, and a comment line does not split a record', () => {
    const file = parseSlt('query T\nSELECT 1\n# gone\n----\n  # kept value\n');
    const [q] = only(file.records, 'query');
    expect(q?.expected).toEqual(['  # kept value']);
    expect(file.records).toHaveLength(1);
  });

  it('compares skipif/onlyif with the engine name ignoring case', () => {
    expect(isSkippedFor([{ kind: 'skipif', engine: 'DeltaSQL' }], 'deltasql')).toBe(true);
    expect(isSkippedFor([{ kind: 'skipif', engine: 'mysql' }], 'deltasql')).toBe(false);
    expect(isSkippedFor([{ kind: 'onlyif', engine: 'mysql' }], 'deltasql')).toBe(true);
    expect(isSkippedFor([{ kind: 'onlyif', engine: 'DELTASQL' }], 'deltasql')).toBe(false);
    expect(isSkippedFor([{ kind: 'skipif', engine: 'mysql' }, { kind: 'onlyif', engine: 'mssql' }], 'deltasql')).toBe(true);
  });

  it('parses the DataFusion/DuckDB extensions', () => {
    const file = parseSlt(
      [
        'query error DataFusion error: type_coercion\\ncaused by',
        'SELECT x;',
        '',
        'statement error relation .* does not exist',
        'DROP TABLE t',
        '',
        'statement error',
        'SELECT 1/0',
        '----',
        'Divide by zero',
        'second line',
        '',
        'include ./parts/*.slt.part',
        '',
        'mode skip',
        '',
        'mode unskip',
        '',
        'control substitution on',
        '',
        'require parquet',
        '',
        'statement maybe',
        'SELECT 1',
        '',
        'query I',
        'SELECT 1',
        '----',
        '',
        'loop i 0 10',
      ].join('\n'),
    );
    const kinds = file.records.map((r) => r.kind);
    expect(kinds).toEqual(['query', 'statement', 'statement', 'include', 'mode', 'mode', 'control', 'skip-file', 'statement', 'query', 'skip-file']);
    const [qe] = only(file.records, 'query');
    expect(qe?.error).toEqual({ pattern: 'DataFusion error: type_coercion\\ncaused by' });
    expect(qe?.sql).toBe('SELECT x');
    const [re, multi, maybe] = only(file.records, 'statement') as [StatementRecord, StatementRecord, StatementRecord];
    expect(re.expect).toEqual({ kind: 'error', pattern: 'relation .* does not exist' });
    expect(multi).toMatchObject({ sql: 'SELECT 1/0', expect: { kind: 'error', message: 'Divide by zero\nsecond line' } });
    expect(maybe.expect).toEqual({ kind: 'maybe' });
    expect(only(file.records, 'include')[0]?.pattern).toBe('./parts/*.slt.part');
    expect(only(file.records, 'mode').map((m) => m.mode)).toEqual(['skip', 'unskip']);
    expect(only(file.records, 'skip-file')[0]?.reason).toBe('require parquet');
  });

  it('reports unknown record types and bad arguments as invalid records', () => {
    const file = parseSlt('frobnicate now\n\nstatement perhaps\nSELECT 1\n\nhash-threshold x\n\nquery I#\nSELECT 1\n');
    expect(file.records.map((r) => r.kind)).toEqual(['invalid', 'invalid', 'invalid', 'invalid']);
    expect(only(file.records, 'invalid')[0]?.message).toMatch(/unknown record type 'frobnicate'/);
  });

  it('keeps raw lines so the file can be rebuilt byte for byte, CRLF included', () => {
    const text = 'statement ok\r\nSELECT 1\r\n\r\nquery I\r\nSELECT 1\r\n----\r\n1\r\n';
    const file = parseSlt(text);
    expect(file.raw.join('\n')).toBe(text);
    expect(only(file.records, 'query')[0]?.expected).toEqual(['1']);
  });

  it('decodes non-UTF-8 bytes as Latin-1 and valid UTF-8 as UTF-8', () => {
    expect(decodeText(new Uint8Array([0x61, 0xe9, 0x62]))).toEqual({ text: 'aéb', encoding: 'latin1' });
    expect(decodeText(new Uint8Array([0x61, 0xc3, 0xa9]))).toEqual({ text: 'aé', encoding: 'utf8' });
  });
});

function corpusFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return corpusFiles(path);
    return name.endsWith('.test') || name.endsWith('.slt') ? [path] : [];
  });
}

describe('parseSlt: the shared corpus', () => {
  const files = corpusFiles(CORPUS);

  it('finds the corpus files', () => {
    expect(files.length).toBe(20);
  });

  it.each(files)('parses %s without invalid records and with plausible counts', (path) => {
    const text = decodeText(readFileSync(path)).text;
    const file = parseSlt(text, path);
    expect(only(file.records, 'invalid')).toEqual([]);
    const headers = text.split('\n').filter((l) => /^(query|statement)\b/.test(l.replace(/\r$/, ''))).length;
    const runnable = file.records.filter((r) => r.kind === 'query' || r.kind === 'statement').length;
    expect(runnable).toBe(headers);
    expect(runnable).toBeGreaterThan(3);
    for (const q of only(file.records, 'query')) {
      if (q.error) continue;
      expect(q.types).toMatch(/^[ITRBDP?]+$/);
      expect(q.sql).not.toMatch(/^----$/m);
    }
  });

  it('counts records of select1.test exactly', () => {
    const file = parseSlt(readFileSync(join(CORPUS, 'sqlite/select1.test'), 'latin1'));
    const text = readFileSync(join(CORPUS, 'sqlite/select1.test'), 'latin1');
    expect(only(file.records, 'query').length).toBe((text.match(/^query /gm) ?? []).length);
    expect(only(file.records, 'statement').length).toBe((text.match(/^statement /gm) ?? []).length);
    expect(only(file.records, 'query').filter((q) => q.separatorIndex >= 0).length).toBe((text.match(/^----$/gm) ?? []).length);
    expect(only(file.records, 'query').filter((q) => q.expected.length === 0).length).toBe(28);
  });
});
