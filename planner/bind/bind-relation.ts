/** FROM items → logical plans plus the scope columns they make visible. */
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import { LONG, type StructField } from '../../src/common/types/data-type.js';
import type { Expr, Join, Relation, TableAlias, TableRef } from '../../grammar/ast/index.js';
import type { BoundExpr } from '../expr/bound-expr.js';
import { colRef } from '../expr/expr-utils.js';
import { join as makeJoin, newColumn, project } from '../logical/plan-builder.js';
import type { LogicalColumn, LogicalPlan, ScanColumn } from '../logical/logical-plan.js';
import type { JoinType } from '../physical/physical-plan.js';
import { ExprBinder } from './expr-binder.js';
import { bindQuery } from './bind-query.js';
import { bindValuesRows, oneRow } from './bind-values.js';
import { evaluateConstant } from './constant-value.js';
import type { QueryEnv } from './query-env.js';
import { tableKey } from './query-env.js';
import { Scope, type ScopeColumn } from './scope.js';
import { resolveCall, resolveWith } from './functions-adapter.js';
import { lookupFunction } from '../functions/registry.js';
import { exprType } from '../expr/bound-expr.js';
import { timeTravelKey } from './time-travel.js';
import { planIsDeterministic } from './plan-determinism.js';
import { fileCall } from './file-function.js';
import { bindLateral } from './bind-lateral.js';

export interface BoundRelation {
  readonly plan: LogicalPlan;
  readonly columns: readonly ScopeColumn[];
}

export function bindRelation(env: QueryEnv, r: Relation): BoundRelation {
  switch (r.kind) {
    case 'tableRef':
      return bindTableRef(env, r);
    case 'derivedTable': {
      if (r.lateral) return bindLateral(env, { plan: { kind: 'values', rows: [[]], output: [] }, columns: [] }, r, 'cross', undefined);
      const plan = bindQuery({ ...env, outer: undefined }, r.query);
      return aliased(env, plan, r.alias, r.alias ? [r.alias.name.name] : []);
    }
    case 'inlineTable': {
      const plan = bindValuesRows(env, r.rows, r.span);
      return aliased(env, plan, r.alias, r.alias ? [r.alias.name.name] : []);
    }
    case 'tableFunction':
      return bindTableFunction(env, r);
    case 'join':
      return bindJoin(env, r);
  }
}

/** Apply `AS t(a, b)`: rename columns (fresh ids) and qualify them by the alias. */
export function aliased(env: QueryEnv, plan: LogicalPlan, alias: TableAlias | undefined, qualifier: readonly string[]): BoundRelation {
  let out = plan;
  if (alias?.columns !== undefined) {
    if (alias.columns.length !== plan.output.length) {
      throw new DeltaSqlError(
        'ANALYSIS_ERROR',
        `the alias \`${alias.name.name}\` names ${alias.columns.length} columns but the relation has ${plan.output.length}`,
        { position: alias.span.start },
      );
    }
    out = project(plan, plan.output.map(colRef), alias.columns.map((c) => c.name), () => env.ctx.nextId());
  }
  return { plan: out, columns: out.output.map((column) => ({ column, qualifier })) };
}

function bindTableRef(env: QueryEnv, r: TableRef): BoundRelation {
  const parts = r.name.parts;
  const qualifier = r.alias ? [r.alias.name.name] : parts;
  if (parts.length === 1 && r.timeTravel === undefined) {
    const cte = env.ctes.get((parts[0] ?? '').toLowerCase());
    if (cte !== undefined) {
      if (cte.workTable !== undefined) {
        const output = cte.workTable.columns.map((c) => ({ ...c, id: env.ctx.nextId() }));
        return aliased(env, { kind: 'work_table', cteId: cte.workTable.cteId, output }, r.alias, qualifier);
      }
      const plan = cte.recursive !== undefined ? cte.recursive() : bindQuery(cte.env, cte.query);
      cte.uses.count++;
      if (cte.uses.count > 1 && !planIsDeterministic(plan)) {
        return unsupported(`CTE \`${cte.name}\` with nondeterministic expressions referenced more than once`, { position: r.span.start });
      }
      return aliased(env, renameTo(env, plan, cte.columns?.map((c) => c.name), r), r.alias, qualifier);
    }
  }
  const key = tableKey(parts, r.timeTravel ? timeTravelKey(r.timeTravel) : undefined);
  const source = env.ctx.tables.get(key);
  if (source === undefined) {
    throw new DeltaSqlError('TABLE_NOT_FOUND', `table or view \`${parts.join('.')}\` cannot be found`, { position: r.span.start });
  }
  if (source instanceof Error) {
    if (source instanceof DeltaSqlError) throw new DeltaSqlError(source.code, source.message, { position: r.span.start, hint: source.hint });
    throw source;
  }
  switch (source.kind) {
    case 'view': {
      const plan = bindQuery({ ctx: env.ctx, outer: undefined, ctes: new Map() }, source.query);
      return aliased(env, renameTo(env, plan, source.columns, r), r.alias, qualifier);
    }
    case 'delta': {
      const output = scanColumns(env, source.schema);
      const plan: LogicalPlan = {
        kind: 'scan',
        source: {
          kind: 'delta',
          location: source.location,
          version: source.version,
          name: source.name,
          partitionColumns: source.partitionColumns,
          files: source.files,
        },
        output,
        pruningFilters: [],
      };
      return aliased(env, plan, r.alias, qualifier);
    }
    case 'file':
      return unsupported('a file source by table name', { position: r.span.start });
    case 'memory': {
      const output = scanColumns(env, source.schema);
      const plan: LogicalPlan = {
        kind: 'scan',
        source: { kind: 'memory', table: source.name, rowCount: source.rowCount },
        output,
        pruningFilters: [],
      };
      return aliased(env, plan, r.alias, qualifier);
    }
  }
}

function renameTo(env: QueryEnv, plan: LogicalPlan, names: readonly string[] | undefined, r: TableRef): LogicalPlan {
  if (names === undefined) return plan;
  if (names.length !== plan.output.length) {
    throw new DeltaSqlError('ANALYSIS_ERROR', `\`${r.name.parts.join('.')}\` declares ${names.length} columns but its query has ${plan.output.length}`, {
      position: r.span.start,
    });
  }
  return project(plan, plan.output.map(colRef), names, () => env.ctx.nextId());
}

function constArg(env: QueryEnv, e: Expr, what: string): bigint {
  const b = new ExprBinder(env.ctx, { scope: new Scope([], env.ctx.settings.caseSensitive), clause: what });
  const v = evaluateConstant(b.bind(e));
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'bigint') return v;
  throw new DeltaSqlError('INVALID_ARGUMENT', `${what} expects integer constant arguments`, { position: e.span.start });
}

function bindTableFunction(env: QueryEnv, r: Extract<Relation, { kind: 'tableFunction' }>): BoundRelation {
  const name = (r.name.parts[r.name.parts.length - 1] ?? '').toLowerCase();
  const qualifier = r.alias ? [r.alias.name.name] : [];
  if (name === 'range') {
    const a = r.args.map((x) => constArg(env, x, 'range()'));
    if (a.length < 1 || a.length > 4) {
      throw new DeltaSqlError('INVALID_ARGUMENT', `range() expects 1 to 3 arguments, got ${a.length}`, { position: r.span.start });
    }
    const [start, end, step] = a.length === 1 ? [0n, a[0] as bigint, 1n] : [a[0] as bigint, a[1] as bigint, a[2] ?? 1n];
    if (step === 0n) throw new DeltaSqlError('INVALID_ARGUMENT', 'range() step cannot be 0', { position: r.span.start });
    const output: LogicalColumn[] = [{ id: env.ctx.nextId(), name: 'id', type: LONG, nullable: false }];
    return aliased(env, { kind: 'range', start, end, step, output }, r.alias, qualifier);
  }
  const sig = lookupFunction(name);
  if (sig?.kind === 'generator') {
    // SELECT * FROM explode(array(1, 2)): the generator over a single empty row.
    const b = new ExprBinder(env.ctx, { scope: new Scope([], env.ctx.settings.caseSensitive, env.outer), clause: `${name}()` });
    const resolved = resolveWith(name, r.args.map((a) => b.bind(a)), env.ctx.settings, r.span);
    const gen = resolved.signature.resolve(resolved.args.map(exprType), { ansi: env.ctx.settings.ansi, literalArgs: resolved.args.map(() => undefined) }).generatedColumns;
    if (gen === undefined) return unsupported(`generator ${name}()`, { position: r.span.start });
    const names = r.alias?.columns?.map((c) => c.name);
    if (names !== undefined && names.length !== gen.length) {
      throw new DeltaSqlError('ANALYSIS_ERROR', `${name}() produces ${gen.length} columns but ${names.length} aliases were given`, { position: r.span.start });
    }
    const output = gen.map((g, i) => ({ id: env.ctx.nextId(), name: names?.[i] ?? g.name, type: g.type, nullable: true }));
    const plan: LogicalPlan = { kind: 'generate', input: oneRow(env), generator: resolved.name, args: resolved.args, outer: false, output };
    return { plan, columns: output.map((column) => ({ column, qualifier })) };
  }
  const file = fileCall(r);
  if (file !== undefined) {
    const source = env.ctx.tables.get(file.key);
    if (source instanceof Error) {
      if (source instanceof DeltaSqlError) throw new DeltaSqlError(source.code, source.message, { position: r.span.start, hint: source.hint });
      throw source;
    }
    if (source === undefined || source.kind !== 'file') return unsupported(`${name}() here`, { position: r.span.start });
    const output: ScanColumn[] = source.schema.map((f, i) => ({
      id: env.ctx.nextId(),
      name: f.name,
      type: f.type,
      nullable: f.nullable,
      sourceName: f.name,
      sourceIndex: i,
    }));
    const plan: LogicalPlan = {
      kind: 'scan',
      source: { kind: 'file', format: source.format, paths: source.paths, options: source.options },
      output,
      pruningFilters: [],
    };
    return aliased(env, plan, r.alias, qualifier);
  }
  return unsupported(`table function ${name}()`, { position: r.span.start });
}

const JOIN_TYPES: Record<Join['type'], JoinType> = {
  inner: 'inner',
  left: 'left',
  right: 'right',
  full: 'full',
  cross: 'cross',
  semi: 'left_semi',
  anti: 'left_anti',
};

function bindJoin(env: QueryEnv, j: Join): BoundRelation {
  const left = bindRelation(env, j.left);
  if (j.right.kind === 'derivedTable' && j.right.lateral) {
    if (j.using !== undefined || j.natural) return unsupported('USING / NATURAL with a LATERAL subquery', { position: j.span.start });
    return bindLateral(env, left, j.right, JOIN_TYPES[j.type], j.on);
  }
  const right = bindRelation(env, j.right);
  const joinType = JOIN_TYPES[j.type];
  const both = [...left.columns, ...right.columns];
  const scope = new Scope(both, env.ctx.settings.caseSensitive, env.outer);
  const binder = new ExprBinder(env.ctx, { scope, clause: 'the join condition' });
  let usingNames: string[] | undefined;
  if (j.natural) {
    const rightNames = new Set(right.columns.map((c) => c.column.name.toLowerCase()));
    usingNames = left.columns.map((c) => c.column.name).filter((n) => rightNames.has(n.toLowerCase()));
  } else if (j.using !== undefined) usingNames = j.using.map((u) => u.name);
  if (usingNames === undefined) {
    const cond = j.on !== undefined ? binder.bindPredicate(j.on) : undefined;
    const plan = makeJoin(joinType === 'cross' && cond !== undefined ? 'inner' : joinType, left.plan, right.plan, cond);
    const columns = joinType === 'left_semi' || joinType === 'left_anti' ? left.columns : both;
    // Take nullability from the join (outer sides become nullable); names stay per column (ids may repeat).
    return { plan, columns: columns.map((c) => ({ ...c, column: { ...c.column, nullable: plan.output.find((o) => o.id === c.column.id)?.nullable ?? c.column.nullable } })) };
  }
  return bindUsingJoin(env, j, joinType, left, right, usingNames);
}

function bindUsingJoin(env: QueryEnv, j: Join, joinType: JoinType, left: BoundRelation, right: BoundRelation, names: readonly string[]): BoundRelation {
  const s = env.ctx.settings;
  const find = (rel: BoundRelation, n: string, side: string): LogicalColumn => {
    const hits = rel.columns.filter((c) => c.column.name.toLowerCase() === n.toLowerCase());
    const hit = hits[0];
    if (hit === undefined) {
      throw new DeltaSqlError('UNKNOWN_COLUMN', `USING column \`${n}\` cannot be resolved on the ${side} side of the join`, {
        position: j.span.start,
      });
    }
    return hit.column;
  };
  const pairs = names.map((n) => [find(left, n, 'left'), find(right, n, 'right')] as const);
  const conds: BoundExpr[] = pairs.map(([l, r]) => resolveCall('eq', [colRef(l), colRef(r)], s, j.span));
  const cond: BoundExpr | undefined = conds.length === 0 ? undefined : conds.length === 1 ? conds[0] : { kind: 'and', args: conds };
  const type = joinType === 'cross' ? 'inner' : joinType;
  const plan = makeJoin(cond === undefined && type === 'inner' ? 'cross' : type, left.plan, right.plan, cond);
  if (type === 'left_semi' || type === 'left_anti') return { plan, columns: left.columns };
  const outCol = (c: LogicalColumn): LogicalColumn => ({ ...c, nullable: plan.output.find((o) => o.id === c.id)?.nullable ?? c.nullable });
  // Output: the USING columns once (left's, right's for RIGHT JOIN, coalesced for FULL), then the rest.
  const keyExprs: BoundExpr[] = pairs.map(([l, r]) => {
    if (type === 'right') return colRef(outCol(r));
    if (type === 'full') return resolveCall('coalesce', [colRef(outCol(l)), colRef(outCol(r))], s, j.span);
    return colRef(outCol(l));
  });
  const usedL = new Set(pairs.map(([l]) => l.id));
  const usedR = new Set(pairs.map(([, r]) => r.id));
  // Output: the merged keys (fresh), then every input column passed through (same ids): the
  // originals stay reachable as `l.k` / `r.k` and through `l.*`.
  const inputs = [...left.columns, ...right.columns].filter((c, i, all) => all.findIndex((x) => x.column.id === c.column.id) === i);
  const passCols = inputs.map((c) => outCol(c.column));
  const keyCols = pairs.map(([l], i) => newColumn(env.ctx.nextId(), l.name, keyExprs[i] as BoundExpr));
  const p: LogicalPlan = {
    kind: 'project',
    input: plan,
    exprs: [...keyExprs, ...passCols.map(colRef)],
    output: [...keyCols, ...passCols],
  };
  const columns: ScopeColumn[] = keyCols.map((column) => ({ column, qualifier: [] }));
  for (const c of left.columns) {
    const isKey = usedL.has(c.column.id);
    columns.push({ column: outCol(c.column), qualifier: c.qualifier, ...(isKey ? { qualifiedOnly: true } : {}) });
  }
  for (const c of right.columns) {
    const isKey = usedR.has(c.column.id);
    columns.push({ column: outCol(c.column), qualifier: c.qualifier, ...(isKey ? { qualifiedOnly: true } : {}) });
  }
  return { plan: p, columns };
}

/** One fresh scan column per source field, in source order. */
function scanColumns(env: QueryEnv, schema: readonly StructField[]): ScanColumn[] {
  return schema.map((f, i) => ({ id: env.ctx.nextId(), name: f.name, type: f.type, nullable: f.nullable, sourceName: f.name, sourceIndex: i }));
}
