import { describe, expect, it } from 'vitest';
import { BOOLEAN, DATE, DOUBLE, INT, LONG, STRING, TIMESTAMP, arrayOf, mapOf, struct, field, NULL, type DataType } from '../../src/common/types/data-type.js';
import { functionNames, lookupFunction } from '../../planner/functions/registry.js';
import { getAggregateKernel, getScalarKernel } from '../../executor/functions/registry.js';

/** Plausible argument types to resolve a signature with, tried in order. */
const CANDIDATES: DataType[][] = [
  [], [INT], [DOUBLE], [STRING], [BOOLEAN], [DATE], [TIMESTAMP], [arrayOf(INT)], [mapOf(STRING, INT)],
  [INT, INT], [STRING, STRING], [DOUBLE, DOUBLE], [STRING, INT], [DATE, INT], [DATE, DATE], [arrayOf(INT), INT], [TIMESTAMP, STRING],
  [STRING, TIMESTAMP], [mapOf(STRING, INT), STRING], [arrayOf(STRING), STRING], [arrayOf(INT), arrayOf(INT)], [STRING, STRING, STRING], [STRING, INT, INT],
  [INT, INT, INT], [DOUBLE, DOUBLE, DOUBLE, LONG], [INT, INT, INT, INT, INT, DOUBLE], [STRING, STRING, INT], [STRING, STRING, STRING, INT],
  [STRING, struct([field('a', INT)])], [arrayOf(arrayOf(INT))], [arrayOf(struct([field('a', INT)]))], [INT, BOOLEAN],
];

function literalsFor(name: string, types: DataType[]): (string | number | null | undefined)[] {
  if (name === 'extract' || name === 'date_part' || name === 'datepart') return ['YEAR', undefined];
  if (name === 'named_struct') return types.map((_, i) => (i % 2 === 0 ? `f${i}` : undefined));
  if (name === 'get_field') return [undefined, 0];
  return types.map((t) => (t.kind === 'int' ? 1 : undefined));
}

describe('function registry', () => {
  it('looks names up case-insensitively, with aliases resolving to canonical names', () => {
    expect(lookupFunction('UPPER')?.name).toBe('upper');
    expect(lookupFunction('ucase')!.resolve([STRING], { ansi: true, literalArgs: [] }).name).toBe('upper');
    expect(lookupFunction('nvl')!.resolve([INT, LONG], { ansi: true, literalArgs: [] })).toMatchObject({ name: 'coalesce', returnType: LONG });
    expect(lookupFunction('no_such_function')).toBeUndefined();
  });

  it('every resolvable scalar signature has a kernel and every aggregate an accumulator', () => {
    let checked = 0;
    const missing: string[] = [];
    for (const name of functionNames()) {
      const sig = lookupFunction(name)!;
      if (sig.kind === 'window' || sig.kind === 'generator') continue;
      for (const types of CANDIDATES) {
        let resolved;
        try {
          resolved = sig.resolve(types, { ansi: true, literalArgs: literalsFor(name, types) });
        } catch {
          continue;
        }
        const ok = sig.kind === 'aggregate' ? getAggregateKernel(resolved.name) : getScalarKernel(resolved.name);
        if (!ok) missing.push(`${name} → ${resolved.name}`);
        checked++;
        break;
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it('types generators and window functions', () => {
    const ex = lookupFunction('explode')!.resolve([mapOf(STRING, INT)], { ansi: true, literalArgs: [] });
    expect(ex.generatedColumns).toEqual([{ name: 'key', type: STRING }, { name: 'value', type: INT }]);
    expect(lookupFunction('posexplode')!.resolve([arrayOf(DOUBLE)], { ansi: true, literalArgs: [] }).generatedColumns?.map((c) => c.name)).toEqual(['pos', 'col']);
    expect(lookupFunction('row_number')!.kind).toBe('window');
    expect(lookupFunction('lag')!.resolve([DOUBLE, INT, INT], { ansi: true, literalArgs: [] }).argTypes).toEqual([DOUBLE, INT, DOUBLE]);
  });

  it('common types for CASE/COALESCE-like functions follow Spark', () => {
    const r = (n: string, t: DataType[], ansi = true) => lookupFunction(n)!.resolve(t, { ansi, literalArgs: [] }).returnType;
    expect(r('coalesce', [INT, LONG, NULL])).toEqual(LONG);
    expect(r('coalesce', [INT, { kind: 'decimal', precision: 5, scale: 2 }])).toEqual({ kind: 'decimal', precision: 12, scale: 2 });
    expect(r('coalesce', [INT, STRING], true)).toEqual(LONG);
    expect(r('coalesce', [INT, STRING], false)).toEqual(STRING);
    expect(r('greatest', [DATE, TIMESTAMP])).toEqual(TIMESTAMP);
    expect(r('array', [INT, DOUBLE])).toEqual(arrayOf(DOUBLE));
    expect(() => r('coalesce', [INT, arrayOf(INT)])).toThrow(expect.objectContaining({ code: 'TYPE_MISMATCH' }));
  });
});
