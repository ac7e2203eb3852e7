import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGoldenFiles } from '../../src/slt/run-golden-files.js';
import { cannedEngine, doubles, factoryOf, ints, OK, rows, strings, table, type CannedAnswer } from './canned-engine.js';

function temp(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'slt-complete-')), name);
  writeFileSync(path, content);
  return path;
}

const answers: Record<string, CannedAnswer> = {
  'CREATE TABLE t(a INT, b TEXT)': OK,
  'SELECT a, b FROM t': rows(table({ a: ints([2, 1]), b: strings(['y', 'x']) })),
  'SELECT a FROM t': rows(table({ a: ints([1, 2, 3, 4, 5, 6, 7, 8, 9]) })),
  'SELECT avg(a) FROM t': rows(table({ x: doubles([2.5]) })),
  'SELECT b FROM t WHERE a > 1': rows(table({ b: strings(['y']) })),
};

const BEFORE = [
  '# a file whose results are partly wrong',
  'statement ok',
  'CREATE TABLE t(a INT, b TEXT)',
  '',
  'query IT rowsort',
  'SELECT a, b FROM t',
  '----',
  '1',
  'wrong',
  '# a comment in the results',
  '2',
  'y',
  '',
  '',
  'query I valuesort',
  'SELECT a FROM t',
  '----',
  '9 values hashing to 00000000000000000000000000000000',
  '',
  'query R',
  'SELECT avg(a) FROM t',
  '',
  'query T',
  'SELECT b FROM t WHERE a > 1',
  '----',
  'y',
  '',
].join('\n');

const AFTER = [
  '# a file whose results are partly wrong',
  'statement ok',
  'CREATE TABLE t(a INT, b TEXT)',
  '',
  'query IT rowsort',
  'SELECT a, b FROM t',
  '----',
  '1',
  'x',
  '2',
  'y',
  '',
  '',
  'query I valuesort',
  'SELECT a FROM t',
  '----',
  '9 values hashing to 22e400a2ddbb013acf2a5852d6ab69fc',
  '',
  'query R',
  'SELECT avg(a) FROM t',
  '----',
  '2.500',
  '',
  'query T',
  'SELECT b FROM t WHERE a > 1',
  '----',
  'y',
  '',
].join('\n');

describe('--complete for sqllogictest files', () => {
  it('rewrites only the failing result sections, then every record passes', async () => {
    const path = temp('c.test', BEFORE);
    const before = await runGoldenFiles([path], { engineFactory: factoryOf(cannedEngine(answers)) });
    expect([before.passed, before.failed]).toEqual([2, 3]);
    const completed = await runGoldenFiles([path], { engineFactory: factoryOf(cannedEngine(answers)), complete: true });
    expect([completed.passed, completed.failed, completed.rewritten]).toEqual([5, 0, 3]);
    expect(readFileSync(path, 'utf8')).toBe(AFTER);
    const after = await runGoldenFiles([path], { engineFactory: factoryOf(cannedEngine(answers)) });
    expect([after.passed, after.failed, after.skipped]).toEqual([5, 0, 0]);
  });

  it('keeps CRLF line ends and Latin-1 bytes of untouched lines', async () => {
    const latin1 = Buffer.from('# caf\xe9 \xa9\r\nquery T\r\nSELECT b FROM t WHERE a > 1\r\n----\r\nz\r\n', 'latin1');
    const path = temp('l.test', latin1);
    await runGoldenFiles([path], { engineFactory: factoryOf(cannedEngine(answers)), complete: true });
    expect(readFileSync(path)).toEqual(Buffer.from('# caf\xe9 \xa9\r\nquery T\r\nSELECT b FROM t WHERE a > 1\r\n----\r\ny\r\n', 'latin1'));
  });

  it('writes DataFusion-style files one row per line', async () => {
    const path = temp('d.slt', 'query IT rowsort\nSELECT a, b FROM t\n----\n');
    await runGoldenFiles([path], { engineFactory: factoryOf(cannedEngine(answers)), complete: true });
    expect(readFileSync(path, 'utf8')).toBe('query IT rowsort\nSELECT a, b FROM t\n----\n1 x\n2 y\n');
    const after = await runGoldenFiles([path], { engineFactory: factoryOf(cannedEngine(answers)) });
    expect([after.passed, after.failed]).toEqual([1, 0]);
  });

  it('leaves a file without failures byte-identical', async () => {
    const path = temp('same.test', AFTER);
    await runGoldenFiles([path], { engineFactory: factoryOf(cannedEngine(answers)), complete: true });
    expect(readFileSync(path, 'utf8')).toBe(AFTER);
  });
});
