/** A query: WITH, the body (SELECT, set operation, VALUES, TABLE t), ORDER BY, LIMIT/OFFSET. */
import { DeltaSqlError } from '../../src/common/errors.js';
import type { Expr, Query, QueryBody, SortItem, WithClause } from '../../grammar/ast/index.js';
import type { BoundExpr } from '../expr/bound-expr.js';
import { colRef } from '../expr/expr-utils.js';
import { limit as makeLimit, sort as makeSort } from '../logical/plan-builder.js';
import type { LogicalPlan } from '../logical/logical-plan.js';
import type { SortKey } from '../physical/physical-plan.js';
import { walkAst } from './ast-walk.js';
import { ExprBinder } from './expr-binder.js';
import { bindRelation } from './bind-relation.js';
import { bindSelect } from './bind-select.js';
import { bindSetOperation } from './bind-set-op.js';
import { bindValuesRows } from './bind-values.js';
import { bindRecursiveCte } from './bind-recursive-cte.js';
import { evaluateConstant } from './constant-value.js';
import type { CteEntry, QueryEnv } from './query-env.js';
import { Scope } from './scope.js';

export function bindQuery(env: QueryEnv, q: Query): LogicalPlan {
  const inner = q.with ? withCtes(env, q.with) : env;
  let plan: LogicalPlan;
  if (q.body.kind === 'select') {
    plan = bindSelect(inner, q.body, q.orderBy, q.windows ?? []);
  } else {
    plan = bindBody(inner, q.body);
    if (q.orderBy.length > 0) plan = sortByOutput(inner, plan, q.orderBy);
  }
  const n = q.limit === undefined || q.limit === 'all' ? undefined : constantCount(inner, q.limit, 'LIMIT');
  const offset = q.offset === undefined ? 0 : constantCount(inner, q.offset, 'OFFSET');
  if (n !== undefined || offset > 0) plan = makeLimit(plan, n, offset);
  return plan;
}

export function bindBody(env: QueryEnv, body: QueryBody): LogicalPlan {
  switch (body.kind) {
    case 'select':
      return bindSelect(env, body, [], []);
    case 'setOperation':
      return bindSetOperation(env, body);
    case 'values':
      return bindValuesRows(env, body.rows, body.span);
    case 'query':
      return bindQuery(env, body);
    case 'tableQuery':
      return bindRelation(env, { kind: 'tableRef', name: body.name, span: body.span }).plan;
  }
}

function withCtes(env: QueryEnv, w: WithClause): QueryEnv {
  const ctes = new Map(env.ctes);
  const seen = new Set<string>();
  for (const c of w.ctes) {
    const name = c.name.name.toLowerCase();
    if (seen.has(name)) {
      throw new DeltaSqlError('ANALYSIS_ERROR', `[DUPLICATED_CTE_NAMES] CTE definition can't have duplicate names: \`${c.name.name}\``, {
        position: c.span.start,
      });
    }
    seen.add(name);
    // A CTE sees the CTEs defined before it, never itself or later ones.
    const defEnv: QueryEnv = { ...env, ctes: new Map(ctes) };
    if (w.recursive && refersTo(c.query, name)) {
      const entry: CteEntry = { name, query: c.query, columns: c.columns, env: defEnv, uses: { count: 0 } };
      const plan = (): LogicalPlan => bindRecursiveCte(entry);
      ctes.set(name, { ...entry, recursive: plan });
    } else {
      // Bind once now: errors in an unused CTE still fail the query (as in Spark).
      bindQuery(defEnv, c.query);
      ctes.set(name, { name, query: c.query, columns: c.columns, env: defEnv, uses: { count: 0 } });
    }
  }
  return { ...env, ctes };
}

function refersTo(q: Query, name: string): boolean {
  let found = false;
  walkAst(q, (n) => {
    if (n.kind === 'tableRef') {
      const parts = (n as unknown as { name: { parts: string[] } }).name.parts;
      if (parts.length === 1 && parts[0]?.toLowerCase() === name) found = true;
    }
  });
  return found;
}

/** ORDER BY over a body's output columns (set operations, VALUES): names and ordinals. */
function sortByOutput(env: QueryEnv, plan: LogicalPlan, items: readonly SortItem[]): LogicalPlan {
  const scope = new Scope(
    plan.output.map((column) => ({ column, qualifier: [] })),
    env.ctx.settings.caseSensitive,
    env.outer,
  );
  const b = new ExprBinder(env.ctx, { scope, clause: 'ORDER BY' });
  const keys: SortKey[] = items.map((it) => {
    const ascending = it.direction !== 'DESC';
    const ord = ordinal(it.expr);
    let expr: BoundExpr;
    if (ord !== undefined && env.ctx.settings.orderByOrdinal !== false) {
      const col = plan.output[ord - 1];
      if (col === undefined) {
        throw new DeltaSqlError('ANALYSIS_ERROR', `[ORDER_BY_POS_OUT_OF_RANGE] ORDER BY position ${ord} is not in select list (valid range is [1, ${plan.output.length}])`, {
          position: it.span.start,
        });
      }
      expr = colRef(col);
    } else expr = b.bind(it.expr);
    return { expr, ascending, nullsFirst: it.nulls === undefined ? ascending : it.nulls === 'FIRST' };
  });
  return makeSort(plan, keys);
}

/** An integer literal used as a position (ORDER BY 1, GROUP BY 2). */
export function ordinal(e: Expr): number | undefined {
  if (e.kind === 'number' && e.suffix === undefined && /^-?\d+$/.test(e.text)) return Number(e.text);
  if (e.kind === 'unaryOp' && e.op === '-' && e.operand.kind === 'number' && e.operand.suffix === undefined && /^\d+$/.test(e.operand.text)) {
    return -Number(e.operand.text);
  }
  return undefined;
}

function constantCount(env: QueryEnv, e: Expr, what: string): number {
  const b = new ExprBinder(env.ctx, { scope: new Scope([], env.ctx.settings.caseSensitive), clause: what });
  const v = evaluateConstant(b.bind(e));
  const n = typeof v === 'bigint' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new DeltaSqlError('INVALID_ARGUMENT', `${what} must be a non-negative integer constant`, { position: e.span.start });
  }
  return n;
}
