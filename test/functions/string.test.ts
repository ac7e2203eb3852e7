import { describe, expect, it } from 'vitest';
import { BINARY, DOUBLE, INT, LONG, STRING, arrayOf, decimal } from '../../src/common/types/data-type.js';
import { call } from './helpers.js';

const s = (values: (string | null)[]) => ({ type: STRING, values });
const i = (values: (number | null)[]) => ({ type: INT, values });

describe('string functions', () => {
  it('LIKE with wildcards, escapes and multi-byte characters', () => {
    expect(call('like', [s(['abc', 'aXc', 'ac', null, 'été']), s(['a_c', 'a_c', 'a_c', 'a%', '_t_'])])).toEqual([true, true, false, null, true]);
    expect(call('like', [s(['50%', '50x', 'a_b']), s(['50\\%', '50\\%', 'a\\_b'])])).toEqual([true, false, true]);
    expect(call('like', [s(['abc', 'xabcx', 'ab']), s(['%bc', '%abc%', 'abc%'])])).toEqual([true, true, false]);
    expect(call('like', [s(['a#%b']), s(['a##%b']), s(['#'])])).toEqual([true]);
    expect(() => call('like', [s(['a']), s(['a\\b'])])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(call('ilike', [s(['ÉTÉ', 'Abc']), s(['été', 'a%'])])).toEqual([true, true]);
  });
  it('rlike and regexp functions (Java regex)', () => {
    expect(call('rlike', [s(['abc123', 'abc']), s(['\\d+', '^\\d'])])).toEqual([true, false]);
    expect(call('regexp_extract', [s(['100-200']), s(['(\\d+)-(\\d+)']), i([2])])).toEqual(['200']);
    expect(call('regexp_extract_all', [s(['100-200, 300-400']), s(['(\\d+)-(\\d+)']), i([1])])).toEqual([['100', '300']]);
    expect(call('regexp_replace', [s(['100-200']), s(['(\\d+)']), s(['<$1>'])])).toEqual(['<100>-<200>']);
    expect(call('regexp_count', [s(['aaa']), s(['a'])])).toEqual([3]);
    expect(call('rlike', [s(['ABC']), s(['(?i)abc'])])).toEqual([true]);
  });
  it('length counts characters; octet_length bytes', () => {
    expect(call('length', [s(['héllo', '', null, '😀'])])).toEqual([5, 0, null, 1]);
    expect(call('octet_length', [s(['héllo'])])).toEqual([6]);
    expect(call('char_length', [{ type: BINARY, values: [new Uint8Array([1, 2, 3])] }])).toEqual([3]);
  });
  it('substring is 1-based with negative starts', () => {
    expect(call('substring', [s(['Spark SQL', 'Spark SQL', 'Spark SQL', 'abc']), i([5, -3, 0, 2]), i([1, 2, 2, 100])])).toEqual(['k', 'SQ', 'Sp', 'bc']);
    expect(call('substr', [s(['Spark SQL']), i([-100])])).toEqual(['Spark SQL']);
    expect(call('left', [s(['abc']), i([2])])).toEqual(['ab']);
    expect(call('right', [s(['abc']), i([2])])).toEqual(['bc']);
  });
  it('trim/pad/replace/translate/instr/locate/split/split_part', () => {
    expect(call('trim', [s(['  a b  '])])).toEqual(['a b']);
    expect(call('trim', [s(['xxaxx']), s(['x'])])).toEqual(['a']);
    expect(call('lpad', [s(['hi', 'hello']), i([5, 2]), s(['??', '?'])])).toEqual(['???hi', 'he']);
    expect(call('rpad', [s(['hi']), i([5])])).toEqual(['hi   ']);
    expect(call('replace', [s(['ABCabc']), s(['abc']), s(['DEF'])])).toEqual(['ABCDEF']);
    expect(call('translate', [s(['AaBbCc']), s(['abc']), s(['12'])])).toEqual(['A1B2C']);
    expect(call('instr', [s(['SparkSQL']), s(['SQL'])])).toEqual([6]);
    expect(call('locate', [s(['bar']), s(['foobarbar']), i([5])])).toEqual([7]);
    expect(call('split', [s(['oneAtwoBthreeC']), s(['[ABC]'])])).toEqual([['one', 'two', 'three', '']]);
    expect(call('split', [s(['a,b,c']), s([',']), i([2])])).toEqual([['a', 'b,c']]);
    expect(call('split_part', [s(['11.12.13']), s(['.']), i([-1])])).toEqual(['13']);
  });
  it('concat, concat_ws, initcap, repeat, reverse, ascii, chr', () => {
    expect(call('concat', [s(['a', null]), s(['b', 'c'])])).toEqual(['ab', null]);
    expect(call('concat', [{ type: arrayOf(INT), values: [[1]] }, { type: arrayOf(INT), values: [[2, 3]] }])).toEqual([[1, 2, 3]]);
    expect(call('concat_ws', [s([',']), s(['a']), s([null]), s(['c'])])).toEqual(['a,c']);
    expect(call('initcap', [s(['sPark sql'])])).toEqual(['Spark Sql']);
    expect(call('repeat', [s(['ab']), i([3])])).toEqual(['ababab']);
    expect(call('reverse', [s(['héllo'])])).toEqual(['olléh']);
    expect(call('ascii', [s(['2', ''])])).toEqual([50, 0]);
    expect(call('chr', [{ type: LONG, values: [65n, 321n] }])).toEqual(['A', 'A']);
  });
  it('format_string and format_number', () => {
    expect(call('format_string', [s(['Hello World %d %s %.2f %5s|%-4d|']), i([100]), s(['days']), { type: DOUBLE, values: [3.14159] }, s(['x']), i([7])])).toEqual([
      'Hello World 100 days 3.14     x|7   |',
    ]);
    expect(call('format_number', [{ type: DOUBLE, values: [12332.123456] }, i([4])])).toEqual(['12,332.1235']);
    expect(call('format_number', [{ type: decimal(10, 2), values: [-123456789n] }, i([0])])).toEqual(['-1,234,568']);
  });
  it('base64 and encode/decode', () => {
    expect(call('base64', [{ type: BINARY, values: [new TextEncoder().encode('Spark SQL')] }])).toEqual(['U3BhcmsgU1FM']);
    expect(call('decode', [{ type: BINARY, values: [new TextEncoder().encode('héllo')] }, s(['utf-8'])])).toEqual(['héllo']);
  });
});
