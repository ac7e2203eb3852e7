/** UNION / INTERSECT / EXCEPT [ALL | DISTINCT]: same column count, types widened, names from the first input. */
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import { sameType, typeToSql } from '../../src/common/types/data-type.js';
import type { SetOperation } from '../../grammar/ast/index.js';
import { colRef } from '../expr/expr-utils.js';
import { project } from '../logical/plan-builder.js';
import type { AggregatePlan, LogicalColumn, LogicalPlan } from '../logical/logical-plan.js';
import { bindBody } from './bind-query.js';
import { castTo, commonTypeOf } from './functions-adapter.js';
import type { QueryEnv } from './query-env.js';

export function bindSetOperation(env: QueryEnv, s: SetOperation): LogicalPlan {
  const left = bindBody(env, s.left);
  let right = bindBody(env, s.right);
  if (s.byName) right = byName(env, left, right, s);
  if (left.output.length !== right.output.length) {
    throw new DeltaSqlError(
      'ANALYSIS_ERROR',
      `[NUM_COLUMNS_MISMATCH] ${s.op} can only be performed on inputs with the same number of columns, but the first input has ${left.output.length} columns and the second input has ${right.output.length} columns`,
      { position: s.span.start },
    );
  }
  const types = left.output.map((l, i) => {
    const r = right.output[i] as LogicalColumn;
    const t = commonTypeOf([l.type, r.type], env.ctx.settings);
    if (t === undefined) {
      throw new DeltaSqlError(
        'TYPE_MISMATCH',
        `${s.op}: column ${i + 1} has incompatible types ${typeToSql(l.type)} and ${typeToSql(r.type)}`,
        { position: s.span.start },
      );
    }
    return t;
  });
  const names = left.output.map((c) => c.name);
  const align = (p: LogicalPlan): LogicalPlan =>
    p.output.every((c, i) => sameType(c.type, types[i] ?? c.type))
      ? p
      : project(p, p.output.map((c, i) => castTo(colRef(c), types[i] ?? c.type, env.ctx.settings)), names, () => env.ctx.nextId());
  const l = align(left);
  const r = align(right);
  const output = (nullable: (i: number) => boolean): LogicalColumn[] =>
    names.map((name, i) => ({ id: env.ctx.nextId(), name, type: types[i] ?? (l.output[i] as LogicalColumn).type, nullable: nullable(i) }));
  if (s.op === 'UNION') {
    const inputs = [...flattenUnion(l), ...flattenUnion(r)];
    const out = output((i) => inputs.some((p) => p.output[i]?.nullable ?? true));
    const union: LogicalPlan = { kind: 'union', inputs, output: out };
    return s.all ? union : distinct(env, union);
  }
  const out = output((i) => (l.output[i]?.nullable ?? true) && (s.op === 'EXCEPT' || (r.output[i]?.nullable ?? true)));
  return { kind: 'set_op', op: s.op === 'INTERSECT' ? 'intersect' : 'except', all: s.all, left: l, right: r, output: out };
}

function flattenUnion(p: LogicalPlan): LogicalPlan[] {
  return p.kind === 'union' ? [...p.inputs] : [p];
}

/** SELECT DISTINCT over a plan's columns: an aggregate grouping by all of them. */
export function distinct(env: QueryEnv, p: LogicalPlan): LogicalPlan {
  const output = p.output.map((c) => ({ ...c, id: env.ctx.nextId() }));
  const agg: AggregatePlan = {
    kind: 'aggregate',
    input: p,
    groupBy: p.output.map(colRef),
    groupingSets: undefined,
    aggregates: [],
    output,
  };
  return agg;
}

function byName(env: QueryEnv, left: LogicalPlan, right: LogicalPlan, s: SetOperation): LogicalPlan {
  if (left.output.length !== right.output.length) {
    return unsupported(`${s.op} BY NAME with different column sets`, { position: s.span.start });
  }
  const exprs = left.output.map((l) => {
    const r = right.output.find((c) => c.name.toLowerCase() === l.name.toLowerCase());
    if (r === undefined) {
      throw new DeltaSqlError('ANALYSIS_ERROR', `${s.op} BY NAME: column \`${l.name}\` is missing from the second input`, {
        position: s.span.start,
      });
    }
    return colRef(r);
  });
  return project(right, exprs, left.output.map((c) => c.name), () => env.ctx.nextId());
}
