import { describe, expect, it } from 'vitest';
import type { BoundExpr } from '../../planner/expr/bound-expr.js';
import type { JoinType, PhysicalPlan } from '../../planner/physical/physical-plan.js';
import { col, ctx, f, rows, T, values } from './helpers.js';
import { testFunctions } from './test-functions.js';

const left = values(
  [f('k', T.int), f('lv', T.string)],
  [
    [1, 'a'],
    [2, 'b'],
    [2, 'b2'],
    [null, 'n'],
    [4, 'd'],
  ],
);
const right = values(
  [f('k', T.int), f('rv', T.string)],
  [
    [2, 'x'],
    [2, 'x2'],
    [3, 'y'],
    [null, 'rn'],
    [1, 'z'],
  ],
);

function join(joinType: JoinType, buildSide: 'left' | 'right', extra: { nullSafe?: boolean; residual?: BoundExpr; nullAware?: boolean } = {}): PhysicalPlan {
  const semi = joinType === 'left_semi' || joinType === 'left_anti';
  return {
    kind: 'hash_join',
    schema: semi ? left.schema : [...left.schema, ...right.schema],
    joinType,
    left,
    right,
    leftKeys: [col(0, T.int)],
    rightKeys: [col(0, T.int)],
    nullSafe: [extra.nullSafe ?? false],
    buildSide,
    ...(extra.residual ? { residual: extra.residual } : {}),
    ...(extra.nullAware ? { nullAware: true } : {}),
  };
}

const sorted = (r: unknown[][]): string[] => r.map((x) => JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))).sort();
const c = ctx({ functions: testFunctions });

describe('hash join', () => {
  for (const side of ['left', 'right'] as const) {
    it(`inner join with duplicates and NULL keys (build ${side})`, async () => {
      expect(sorted(await rows(join('inner', side), c))).toEqual(
        sorted([
          [1, 'a', 1, 'z'],
          [2, 'b', 2, 'x'],
          [2, 'b', 2, 'x2'],
          [2, 'b2', 2, 'x'],
          [2, 'b2', 2, 'x2'],
        ]),
      );
    });

    it(`left, right and full outer joins (build ${side})`, async () => {
      const l = await rows(join('left', side), c);
      expect(l.length).toBe(7);
      expect(sorted(l.filter((r) => r[2] === null))).toEqual(sorted([[null, 'n', null, null], [4, 'd', null, null]]));
      const r = await rows(join('right', side), c);
      expect(r.length).toBe(7);
      expect(sorted(r.filter((x) => x[0] === null && x[1] === null))).toEqual(sorted([[null, null, 3, 'y'], [null, null, null, 'rn']]));
      expect((await rows(join('full', side), c)).length).toBe(9);
    });

    it(`semi and anti joins (build ${side})`, async () => {
      expect(sorted(await rows(join('left_semi', side), c))).toEqual(sorted([[1, 'a'], [2, 'b'], [2, 'b2']]));
      expect(sorted(await rows(join('left_anti', side), c))).toEqual(sorted([[null, 'n'], [4, 'd']]));
    });

    it(`null-safe keys match NULL with NULL (build ${side})`, async () => {
      const r = await rows(join('inner', side, { nullSafe: true }), c);
      expect(r.length).toBe(6);
      expect(r.some((x) => x[1] === 'n' && x[3] === 'rn')).toBe(true);
    });

    it(`residual condition filters pairs before outer padding (build ${side})`, async () => {
      // lv <> 'b2' expressed over the joined row: compare the right value's key: rv is col 3; use k (col 0) > 1
      const residual: BoundExpr = { kind: 'call', name: 'gt', args: [col(0, T.int), { kind: 'literal', value: 1, type: T.int }], type: T.boolean, nullable: true };
      const r = await rows(join('left', side, { residual }), c);
      expect(sorted(r)).toEqual(
        sorted([
          [1, 'a', null, null],
          [2, 'b', 2, 'x'],
          [2, 'b', 2, 'x2'],
          [2, 'b2', 2, 'x'],
          [2, 'b2', 2, 'x2'],
          [null, 'n', null, null],
          [4, 'd', null, null],
        ]),
      );
    });
  }

  it('null-aware anti join (NOT IN): a NULL in the subquery empties the result', async () => {
    expect(await rows(join('left_anti', 'right', { nullAware: true }), c)).toEqual([]);
    const rightNoNull = values(right.schema, [[2, 'x'], [1, 'z']]);
    const plan = { ...(join('left_anti', 'right', { nullAware: true }) as object), right: rightNoNull } as PhysicalPlan;
    expect(await rows(plan, c)).toEqual([[4, 'd']]);
    const emptyRight = values(right.schema, []);
    const plan2 = { ...(join('left_anti', 'right', { nullAware: true }) as object), right: emptyRight } as PhysicalPlan;
    expect((await rows(plan2, c)).length).toBe(5);
  });

  it('string keys compare on bytes', async () => {
    const l = values([f('s', T.string)], [['é'], ['e'], ['ß']]);
    const r = values([f('s', T.string)], [['é'], ['ß'], ['ss']]);
    const plan: PhysicalPlan = {
      kind: 'hash_join', schema: [...l.schema, ...r.schema], joinType: 'inner', left: l, right: r,
      leftKeys: [col(0, T.string)], rightKeys: [col(0, T.string)], nullSafe: [false], buildSide: 'right',
    };
    expect(sorted(await rows(plan, c))).toEqual(sorted([['é', 'é'], ['ß', 'ß']]));
  });
});

describe('nested loop join', () => {
  const lt: BoundExpr = { kind: 'call', name: 'lt', args: [col(0, T.int), col(2, T.int)], type: T.boolean, nullable: true };
  const nl = (joinType: JoinType, condition?: BoundExpr): PhysicalPlan => ({
    kind: 'nested_loop_join',
    schema: joinType === 'left_semi' || joinType === 'left_anti' ? left.schema : [...left.schema, ...right.schema],
    joinType, left, right, ...(condition ? { condition } : {}),
  });
  it('cross join pairs every row', async () => {
    expect((await rows(nl('cross'), c)).length).toBe(25);
  });
  it('non-equi inner, left, full, semi, anti', async () => {
    const inner = await rows(nl('inner', lt), c);
    // left k < right k: 1<2,1<2,1<3, 2<3, 2<3
    expect(inner.length).toBe(5);
    const l = await rows(nl('left', lt), c);
    expect(l.length).toBe(5 + 2);
    const full = await rows(nl('full', lt), c);
    // right rows never matched: (null,'rn'), (1,'z')
    expect(full.length).toBe(7 + 2);
    expect(sorted(await rows(nl('left_semi', lt), c))).toEqual(sorted([[1, 'a'], [2, 'b'], [2, 'b2']]));
    expect(sorted(await rows(nl('left_anti', lt), c))).toEqual(sorted([[null, 'n'], [4, 'd']]));
  });
});

describe('hash join on two bigint keys', () => {
  it('matches only when both keys agree', async () => {
    const l = values([f('a', T.long), f('b', T.long), f('x', T.string)], [[1n, 2n, 'p'], [1n, 3n, 'q'], [2n ** 40n, -1n, 'r'], [null, 2n, 's']]);
    const r = values([f('a', T.long), f('b', T.long)], [[1n, 2n], [2n ** 40n, -1n], [1n, 4n], [null, 2n]]);
    const plan: PhysicalPlan = {
      kind: 'hash_join', schema: [...l.schema, ...r.schema], joinType: 'inner', left: l, right: r,
      leftKeys: [col(0, T.long), col(1, T.long)], rightKeys: [col(0, T.long), col(1, T.long)], nullSafe: [false, false], buildSide: 'right',
    };
    expect(sorted(await rows(plan, c))).toEqual(sorted([[1n, 2n, 'p', 1n, 2n], [2n ** 40n, -1n, 'r', 2n ** 40n, -1n]]));
  });
});

describe('nested loop join with equalities common to every OR branch', () => {
  const eq: BoundExpr = { kind: 'call', name: 'eq', args: [col(0, T.int), col(2, T.int)], type: T.boolean, nullable: true };
  const gt: BoundExpr = { kind: 'call', name: 'gt', args: [col(0, T.int), { kind: 'literal', value: 1, type: T.int }], type: T.boolean, nullable: true };
  const lt: BoundExpr = { kind: 'call', name: 'lt', args: [col(0, T.int), { kind: 'literal', value: 2, type: T.int }], type: T.boolean, nullable: true };
  const condition: BoundExpr = { kind: 'or', args: [{ kind: 'and', args: [eq, gt] }, { kind: 'and', args: [eq, lt] }] };
  for (const joinType of ['inner', 'left', 'full', 'left_semi', 'left_anti'] as const) {
    it(`${joinType} join answers as the equivalent hash join`, async () => {
      const semi = joinType === 'left_semi' || joinType === 'left_anti';
      const nl: PhysicalPlan = { kind: 'nested_loop_join', schema: semi ? left.schema : [...left.schema, ...right.schema], joinType, left, right, condition };
      expect(sorted(await rows(nl, c))).toEqual(sorted(await rows(join(joinType, 'right'), c)));
    });
  }
});
