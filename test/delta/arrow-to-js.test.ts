/** Checkpoint rows → JSON-like values: the forms stats and actions have in JSON commits. */
import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { dataToJs, microsToIsoString } from '../../src/delta/arrow/arrow-to-js.js';

describe('arrow → JS', () => {
  it('formats timestamps with microseconds, before and after the epoch', () => {
    expect(microsToIsoString(1_500n)).toBe('1970-01-01T00:00:00.001500Z');
    expect(microsToIsoString(-1n)).toBe('1969-12-31T23:59:59.999999Z');
    expect(microsToIsoString(0n)).toBe('1970-01-01T00:00:00.000Z');
  });

  it('decodes ints, longs, strings with and without non-ASCII, and nulls', () => {
    const longs = arrow.vectorFromArray([1n, null, 2n ** 60n], new arrow.Int64()).data[0];
    expect(longs && dataToJs(longs)).toEqual([1, null, 2n ** 60n]);
    const ascii = arrow.vectorFromArray(['a', null, 'bc']).data[0];
    expect(ascii && dataToJs(ascii)).toEqual(['a', null, 'bc']);
    const utf8 = arrow.vectorFromArray(['é', 'x😈']).data[0];
    expect(utf8 && dataToJs(utf8)).toEqual(['é', 'x😈']);
    const sliced = arrow.vectorFromArray(['skip', 'keep', 'me']).slice(1).data[0];
    expect(sliced && dataToJs(sliced)).toEqual(['keep', 'me']);
  });
});
