import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { byteCompare, compareResult, hashLine, md5Digest, renderResult, sortValues } from '../../src/slt/result-compare.js';

/** FORMAT.md §5, computed independently: md5 over each value followed by "\n". */
function reference(values: string[]): string {
  return createHash('md5').update(values.map((v) => `${v}\n`).join('')).digest('hex');
}

describe('hashing (FORMAT.md §5)', () => {
  it('matches the spec test vector for 1..9', () => {
    const values = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
    expect(hashLine(values)).toBe('9 values hashing to 22e400a2ddbb013acf2a5852d6ab69fc');
    expect(md5Digest(values)).toBe(reference(values));
  });

  it('matches the worked example: 10 rowsorted values and the labelled pair', () => {
    const rows = ['1', 'x', '2', '', '3', null, '10', 'y', '9', 'z'].map((v) => (v === null ? 'NULL' : v === '' ? '(empty)' : v));
    const sorted = sortValues(rows, 2, 'rowsort');
    expect(sorted).toEqual(['1', 'x', '10', 'y', '2', '(empty)', '3', 'NULL', '9', 'z']);
    expect(hashLine(sorted)).toBe('10 values hashing to 7bed572f6b470a0217fdf216f9301e90');
    const labelled = sortValues(['10', '9', '3', '2', '1'], 1, 'valuesort');
    expect(md5Digest(labelled)).toBe('f01aed99f38804bba430963604e4678c');
    expect(md5Digest(labelled)).toBe(reference(labelled));
  });

  it('digests zero values as md5 of nothing', () => {
    expect(md5Digest([])).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });

  it('hashes non-ASCII values as UTF-8 bytes', () => {
    expect(md5Digest(['é'])).toBe(createHash('md5').update(Buffer.from('é\n', 'utf8')).digest('hex'));
  });
});

describe('sorting (FORMAT.md §4)', () => {
  it('sorts strings byte-wise', () => {
    expect(['9', 'NULL', '10', '(empty)'].sort(byteCompare)).toEqual(['(empty)', '10', '9', 'NULL']);
    expect(byteCompare('\uffff', '\u{1F600}')).toBeLessThan(0); // UTF-8 order, not UTF-16 order
  });

  it('distinguishes rowsort, valuesort and nosort', () => {
    const values = ['2', 'b', '10', 'a', '2', 'a'];
    expect(sortValues(values, 2, 'nosort')).toEqual(values);
    expect(sortValues(values, 2, 'rowsort')).toEqual(['10', 'a', '2', 'a', '2', 'b']);
    expect(sortValues(values, 2, 'valuesort')).toEqual(['10', '2', '2', 'a', 'a', 'b']);
  });
});

describe('comparison layouts', () => {
  it('accepts one value per line, one row per line (space or tab), and hash lines', () => {
    const values = ['1', 'x', '2', 'y z'];
    expect(compareResult(values, 2, ['1', 'x', '2', 'y z'], 'nosort', 8, 'value').ok).toBe(true);
    expect(compareResult(values, 2, ['1 x', '2 y z'], 'nosort', 8, 'row').ok).toBe(true);
    expect(compareResult(values, 2, ['1\tx', '2\ty z'], 'nosort', 8, 'row').ok).toBe(true);
    expect(compareResult(values, 2, [hashLine(values)], 'nosort', 8, 'row').ok).toBe(true);
    expect(compareResult(values, 2, ['4 values hashing to 00000000000000000000000000000000'], 'nosort', 8, 'row').ok).toBe(false);
    expect(compareResult(values, 2, ['1', 'x', '2'], 'nosort', 8, 'value').ok).toBe(false);
    expect(compareResult(values, 2, ['2 y z', '1 x'], 'nosort', 8, 'row').ok).toBe(false);
  });

  it('supports the <slt:ignore> wildcard', () => {
    expect(compareResult(['plan: a=1 b=2'], 1, ['plan: <slt:ignore> b=2'], 'nosort', 0, 'row').ok).toBe(true);
    expect(compareResult(['plan: a=1 b=3'], 1, ['plan: <slt:ignore> b=2'], 'nosort', 0, 'row').ok).toBe(false);
  });

  it('renders a hash line only above a non-zero threshold', () => {
    const nine = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
    expect(renderResult(nine, 1, 8, 'value')).toEqual(['9 values hashing to 22e400a2ddbb013acf2a5852d6ab69fc']);
    expect(renderResult(nine.slice(0, 8), 1, 8, 'value')).toEqual(nine.slice(0, 8));
    expect(renderResult(nine, 3, 0, 'row')).toEqual(['1 2 3', '4 5 6', '7 8 9']);
  });
});
