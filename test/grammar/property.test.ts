import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../grammar/index.js';
import { DeltaSqlError } from '../../src/common/errors.js';
import { STATEMENTS } from './statement-samples.js';

const TOKENS = ['SELECT', 'FROM', 'WHERE', '(', ')', ',', '*', '+', '-', "'x'", '1', '1.5e3', 'a', 't.b', 'AND', 'OR', 'NOT', 'IN', 'CASE', 'WHEN', 'THEN', 'END', 'JOIN', 'ON', 'GROUP', 'BY', 'ORDER', 'LIMIT', '`q`', ';', '::', '[', ']', '->', '?', ':p', 'INTERVAL', 'DATE', 'VALUES', 'MERGE', 'INTO', 'USING', '/*', '*/', '--', '\n', '"', "'", '@', 'v1', '<=>', '>>'];

/** Only a parse result or a positioned SYNTAX_ERROR/UNSUPPORTED is acceptable. */
function check(sql: string): void {
  try {
    parse(sql);
  } catch (e) {
    expect(e).toBeInstanceOf(DeltaSqlError);
    const err = e as DeltaSqlError;
    expect(['SYNTAX_ERROR', 'UNSUPPORTED']).toContain(err.code);
    if (err.code === 'SYNTAX_ERROR') {
      expect(err.position).toBeDefined();
      const p = err.position as NonNullable<DeltaSqlError['position']>;
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeGreaterThanOrEqual(1);
      expect(p.offset).toBeGreaterThanOrEqual(0);
      expect(p.offset).toBeLessThanOrEqual(sql.length);
    }
  }
}

describe('parser robustness', () => {
  it('handles random token soup', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), (toks) => check(toks.join(' '))), { numRuns: 1500 });
  });

  it('handles mutated valid statements', () => {
    const mutation = fc.record({
      base: fc.constantFrom(...STATEMENTS),
      at: fc.nat(),
      len: fc.nat({ max: 8 }),
      insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 })),
    });
    fc.assert(
      fc.property(mutation, ({ base, at, len, insert }) => {
        const i = at % (base.length + 1);
        check(base.slice(0, i) + insert + base.slice(i + len));
      }),
      { numRuns: 2000 },
    );
  });

  it('handles arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => check(s)), { numRuns: 1000 });
  });
});
