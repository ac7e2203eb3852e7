import { describe, expect, it } from 'vitest';
import { INT, LONG, STRING, arrayOf, mapOf, DATE } from '../../src/common/types/data-type.js';
import { call } from './helpers.js';

const arr = (values: (readonly (number | null)[] | null)[]) => ({ type: arrayOf(INT), values });
const i = (values: (number | null)[]) => ({ type: INT, values });

describe('collection functions', () => {
  it('element_at (1-based, negative from end) and a[i] (0-based) with ANSI errors', () => {
    expect(call('element_at', [arr([[10, 20, 30], [10, 20, 30]]), i([1, -1])])).toEqual([10, 30]);
    expect(() => call('element_at', [arr([[1]]), i([5])], true)).toThrow(expect.objectContaining({ code: 'INVALID_ARRAY_INDEX' }));
    expect(call('element_at', [arr([[1]]), i([5])], false)).toEqual([null]);
    expect(call('try_element_at', [arr([[1]]), i([5])], true)).toEqual([null]);
    expect(() => call('element_at', [arr([[1]]), i([0])], false)).toThrow(expect.objectContaining({ code: 'INVALID_ARRAY_INDEX' }));
    expect(call('get_item', [arr([[10, 20]]), i([1])])).toEqual([20]);
    const m = { type: mapOf(STRING, INT), values: [{ keys: ['a', 'b'], values: [1, 2] }] };
    expect(call('element_at', [m, { type: STRING, values: ['b'] }])).toEqual([2]);
    expect(call('get_item', [m, { type: STRING, values: ['z'] }])).toEqual([null]);
  });
  it('size: NULL in ANSI, -1 in legacy', () => {
    expect(call('size', [arr([[1, 2], null])], true)).toEqual([2, null]);
    expect(call('size', [arr([[1, 2], null])], false)).toEqual([2, -1]);
  });
  it('array_contains three-valued, position, distinct, sort, join, min/max, flatten', () => {
    expect(call('array_contains', [arr([[1, 2], [1, null], [3]]), i([2, 2, 2])])).toEqual([true, null, false]);
    expect(call('array_position', [arr([[5, 6, 7]]), i([7])])).toEqual([3n]);
    expect(call('array_distinct', [arr([[1, 2, 1, null, null]])])).toEqual([[1, 2, null]]);
    expect(call('array_sort', [arr([[3, null, 1]])])).toEqual([[1, 3, null]]);
    expect(call('sort_array', [arr([[3, null, 1]]), { type: { kind: 'boolean' }, values: [false] }])).toEqual([[3, 1, null]]);
    expect(call('array_join', [{ type: arrayOf(STRING), values: [['a', null, 'b']] }, { type: STRING, values: [','] }, { type: STRING, values: ['?'] }])).toEqual(['a,?,b']);
    expect(call('array_max', [arr([[3, null, 9]])])).toEqual([9]);
    expect(call('flatten', [{ type: arrayOf(arrayOf(INT)), values: [[[1], [2, 3]]] }])).toEqual([[1, 2, 3]]);
  });
  it('sequence, map_keys/values, array/map/struct constructors', () => {
    expect(call('sequence', [i([1]), i([5]), i([2])])).toEqual([[1, 3, 5]]);
    expect(call('sequence', [{ type: LONG, values: [5n] }, { type: LONG, values: [3n] }])).toEqual([[5n, 4n, 3n]]);
    expect(call('sequence', [{ type: DATE, values: [0] }, { type: DATE, values: [2] }])).toEqual([[0, 1, 2]]);
    const m = { type: mapOf(STRING, INT), values: [{ keys: ['a', 'b'], values: [1, 2] }] };
    expect(call('map_keys', [m])).toEqual([['a', 'b']]);
    expect(call('map_values', [m])).toEqual([[1, 2]]);
    expect(call('array', [i([1]), i([null])])).toEqual([[1, null]]);
    expect(call('map', [{ type: STRING, values: ['k'] }, i([1])])).toEqual([{ keys: ['k'], values: [1] }]);
    expect(call('struct', [i([1]), { type: STRING, values: ['x'] }])).toEqual([[1, 'x']]);
  });
});
