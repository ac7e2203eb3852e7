import { describe, expect, it } from 'vitest';
import { BOOLEAN, DATE, INT, LONG, STRING, type DataType } from '../../src/common/types/data-type.js';
import type { BoundExpr } from '../../planner/expr/bound-expr.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import { pruneFiles } from '../../planner/physical/pruning.js';
import type { DeltaFileInfo } from '../../src/catalog/table-source.js';

const cols = [
  { id: 1, name: 'a', type: INT, nullable: true, sourceName: 'a' },
  { id: 2, name: 'p', type: STRING, nullable: true, sourceName: 'p' },
  { id: 3, name: 's', type: STRING, nullable: true, sourceName: 's' },
  { id: 4, name: 'd', type: DATE, nullable: true, sourceName: 'd' },
];
const col = (i: number): BoundExpr => {
  const c = cols[i - 1]!;
  return { kind: 'column', index: c.id, type: c.type, nullable: true, name: c.name };
};
const lit = (value: ScalarValue, type: DataType): BoundExpr => ({ kind: 'literal', value, type });
const call = (name: string, ...args: BoundExpr[]): BoundExpr => ({ kind: 'call', name, args, type: BOOLEAN, nullable: true });

function file(path: string, p: string | null, stats?: { n: number; a?: [number, number, number]; s?: [string, string]; d?: [string, string] }): DeltaFileInfo {
  return {
    path,
    size: 1,
    partitionValues: { p },
    stats:
      stats === undefined
        ? undefined
        : {
            numRecords: stats.n,
            minValues: { ...(stats.a ? { a: stats.a[0] } : {}), ...(stats.s ? { s: stats.s[0] } : {}), ...(stats.d ? { d: stats.d[0] } : {}) },
            maxValues: { ...(stats.a ? { a: stats.a[1] } : {}), ...(stats.s ? { s: stats.s[1] } : {}), ...(stats.d ? { d: stats.d[1] } : {}) },
            nullCount: stats.a ? { a: stats.a[2] } : {},
          },
  };
}

const files = [
  file('f1', 'x', { n: 10, a: [1, 10, 0], s: ['apple', 'banana'], d: ['2020-01-01', '2020-01-31'] }),
  file('f2', 'y', { n: 10, a: [11, 20, 2], s: ['cherry', 'date'], d: ['2021-01-01', '2021-12-31'] }),
  file('f3', null, { n: 5, a: [0, 0, 5] }),
  file('f4', 'x'),
];
const kept = (pred: BoundExpr): string[] => pruneFiles(pred, cols, ['p'], files).map((f) => f.path);

describe('pruning translation', () => {
  it('skips files whose min/max cannot contain an equality value; keeps files without stats', () => {
    expect(kept(call('eq', col(1), lit(5, INT)))).toEqual(['f1', 'f4']);
    expect(kept(call('eq', lit(15, INT), col(1)))).toEqual(['f2', 'f4']);
  });
  it('handles range comparisons at the boundaries', () => {
    expect(kept(call('gt', col(1), lit(10, INT)))).toEqual(['f2', 'f4']);
    expect(kept(call('ge', col(1), lit(10, INT)))).toEqual(['f1', 'f2', 'f4']);
    expect(kept(call('lt', col(1), lit(1, INT)))).toEqual(['f4']);
    expect(kept(call('le', col(1), lit(1, INT)))).toEqual(['f1', 'f4']);
  });
  it('prunes on partition values, NULL partitions and IS [NOT] NULL', () => {
    expect(kept(call('eq', col(2), lit('y', STRING)))).toEqual(['f2']);
    expect(kept(call('is_null', col(2)))).toEqual(['f3']);
    expect(kept(call('is_null', col(1)))).toEqual(['f2', 'f3', 'f4']);
    expect(kept(call('is_not_null', col(1)))).toEqual(['f1', 'f2', 'f4']);
  });
  it('combines AND / OR / NOT and IN lists', () => {
    expect(kept({ kind: 'and', args: [call('eq', col(2), lit('x', STRING)), call('gt', col(1), lit(5, INT))] })).toEqual(['f1', 'f4']);
    expect(kept({ kind: 'or', args: [call('eq', col(1), lit(5, INT)), call('eq', col(1), lit(15, INT))] })).toEqual(['f1', 'f2', 'f4']);
    expect(kept(call('not', call('gt', col(1), lit(10, INT))))).toEqual(['f1', 'f4']);
    expect(kept(call('in', col(1), lit(15, INT), lit(30, INT)))).toEqual(['f2', 'f4']);
  });
  it('uses widening casts of the column and LIKE prefixes', () => {
    const castA: BoundExpr = { kind: 'cast', input: col(1), type: LONG, mode: 'ansi' };
    expect(kept(call('eq', castA, lit(15n, LONG)))).toEqual(['f2', 'f4']);
    expect(kept(call('like', col(3), lit('ch%', STRING)))).toEqual(['f2', 'f3', 'f4']);
    expect(kept(call('like', col(3), lit('%an%', STRING)))).toEqual(['f1', 'f2', 'f3', 'f4']);
  });
  it('compares dates from stats text', () => {
    expect(kept(call('ge', col(4), lit(18628, DATE)))).toEqual(['f2', 'f3', 'f4']); // 2021-01-01
  });
  it('never skips on a string max that may be truncated', () => {
    const long = 'm'.repeat(40);
    const f = [file('t1', 'x', { n: 3, s: ['a', long] })];
    expect(pruneFiles(call('gt', col(3), lit('n', STRING)), cols, ['p'], f).map((x) => x.path)).toEqual(['t1']);
    const short = [file('t2', 'x', { n: 3, s: ['a', 'm'] })];
    expect(pruneFiles(call('gt', col(3), lit('n', STRING)), cols, ['p'], short)).toEqual([]);
  });
  it('keeps every file for predicates it does not understand', () => {
    const weird = call('eq', call('add', col(1), lit(1, INT)), lit(100, INT));
    expect(kept(weird)).toEqual(['f1', 'f2', 'f3', 'f4']);
  });
  it('skips a file whose column is entirely NULL for a comparison', () => {
    expect(kept(call('eq', col(1), lit(0, INT)))).toEqual(['f4']);
  });
});
