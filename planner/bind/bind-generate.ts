/** Generators: `LATERAL VIEW [OUTER] explode(x) t AS c` and a generator in the SELECT list. */
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import type { Expr, FunctionCall, LateralView, Select } from '../../grammar/ast/index.js';
import { exprType, type BoundExpr } from '../expr/bound-expr.js';
import { colRef } from '../expr/expr-utils.js';
import type { GeneratePlan, LogicalPlan } from '../logical/logical-plan.js';
import { ExprBinder } from './expr-binder.js';
import { lookupFunction } from '../functions/registry.js';
import { resolveWith } from './functions-adapter.js';
import { outputName } from './output-name.js';
import type { QueryEnv } from './query-env.js';
import { Scope, type ScopeColumn } from './scope.js';

function isGenerator(e: Expr): e is FunctionCall {
  return e.kind === 'function' && e.over === undefined && lookupFunction((e.name[e.name.length - 1] ?? '').toLowerCase())?.kind === 'generator';
}

function generate(env: QueryEnv, plan: LogicalPlan, binder: ExprBinder, call: FunctionCall, outer: boolean, aliases: readonly string[]): GeneratePlan {
  const name = (call.name[call.name.length - 1] ?? '').toLowerCase();
  const args = call.args.map((a) => binder.bind(a));
  const r = resolveWith(name, args, env.ctx.settings, call.span);
  const gen = r.signature.resolve(r.args.map(exprType), {
    ansi: env.ctx.settings.ansi,
    literalArgs: r.args.map(() => undefined),
  }).generatedColumns;
  if (gen === undefined) return unsupported(`generator ${name}()`, { position: call.span.start });
  if (aliases.length > 0 && aliases.length !== gen.length) {
    throw new DeltaSqlError('ANALYSIS_ERROR', `${name}() produces ${gen.length} columns but ${aliases.length} aliases were given`, {
      position: call.span.start,
    });
  }
  const generated = gen.map((g, i) => ({ id: env.ctx.nextId(), name: aliases[i] ?? g.name, type: g.type, nullable: true }));
  return { kind: 'generate', input: plan, generator: r.name, args: r.args, outer, output: [...plan.output, ...generated] };
}

export function bindLateralViews(
  env: QueryEnv,
  plan: LogicalPlan,
  columns: readonly ScopeColumn[],
  views: readonly LateralView[],
): { plan: LogicalPlan; columns: ScopeColumn[] } {
  let p = plan;
  const cols = [...columns];
  for (const v of views) {
    const scope = new Scope(cols, env.ctx.settings.caseSensitive, env.outer);
    const binder = new ExprBinder(env.ctx, { scope, clause: 'LATERAL VIEW' });
    if (!isGenerator(v.func)) {
      throw new DeltaSqlError('ANALYSIS_ERROR', `LATERAL VIEW needs a generator function such as explode()`, { position: v.span.start });
    }
    const g = generate(env, p, binder, v.func, v.outer, v.columnAliases.map((a) => a.name));
    const qualifier = v.tableAlias ? [v.tableAlias.name] : [];
    for (const c of g.output.slice(p.output.length)) cols.push({ column: c, qualifier });
    p = g;
  }
  return { plan: p, columns: cols };
}

export function bindSelectGenerator(
  env: QueryEnv,
  plan: LogicalPlan,
  scope: Scope,
  sel: Select,
): { plan: LogicalPlan; items: { expr: BoundExpr; name: string; ast: Expr | undefined }[] } | undefined {
  const genItems = sel.items.filter((i) => isGenerator(i.expr));
  if (genItems.length === 0) return undefined;
  if (genItems.length > 1) return unsupported('more than one generator in a SELECT list', { position: sel.span.start });
  if (sel.groupBy !== undefined || sel.having !== undefined) return unsupported('a generator in an aggregated SELECT', { position: sel.span.start });
  const binder = new ExprBinder(env.ctx, { scope, clause: 'SELECT' });
  const gi = genItems[0];
  if (gi === undefined) return undefined;
  const aliases = gi.aliases?.map((a) => a.name) ?? (gi.alias ? [gi.alias.name] : []);
  const g = generate(env, plan, binder, gi.expr as FunctionCall, false, aliases);
  const items: { expr: BoundExpr; name: string; ast: Expr | undefined }[] = [];
  for (const it of sel.items) {
    if (it === gi) {
      for (const c of g.output.slice(plan.output.length)) items.push({ expr: colRef(c), name: c.name, ast: undefined });
    } else if (it.expr.kind === 'star') {
      for (const c of scope.star(it.expr.qualifier, it.expr.span)) items.push({ expr: colRef(c), name: c.name, ast: undefined });
    } else {
      items.push({ expr: binder.bind(it.expr), name: it.alias?.name ?? outputName(it.expr, (p) => scope.lookup(p)?.column.name), ast: it.expr });
    }
  }
  return { plan: g, items };
}
