/**
 * WITH RECURSIVE name AS (anchor UNION [ALL] recursive): the anchor fixes the column types; the
 * recursive branch reads the previous iteration through a work table and is cast to those types.
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import { sameType } from '../../src/common/types/data-type.js';
import { colRef } from '../expr/expr-utils.js';
import { project } from '../logical/plan-builder.js';
import type { LogicalPlan, RecursiveCtePlan } from '../logical/logical-plan.js';
import { bindBody } from './bind-query.js';
import { castTo } from './functions-adapter.js';
import type { CteEntry } from './query-env.js';

const MAX_ITERATIONS = 1000;

export function bindRecursiveCte(entry: CteEntry): LogicalPlan {
  const body = entry.query.body;
  const env = entry.env;
  if (body.kind !== 'setOperation' || body.op !== 'UNION' || entry.query.orderBy.length > 0 || entry.query.limit !== undefined) {
    throw new DeltaSqlError('ANALYSIS_ERROR', `recursive CTE \`${entry.name}\` must be \`anchor UNION [ALL] recursive-part\``, {
      position: entry.query.span.start,
    });
  }
  let anchor = bindBody(env, body.left);
  const names = entry.columns?.map((c) => c.name) ?? anchor.output.map((c) => c.name);
  if (names.length !== anchor.output.length) {
    throw new DeltaSqlError('ANALYSIS_ERROR', `recursive CTE \`${entry.name}\` declares ${names.length} columns but its anchor has ${anchor.output.length}`, {
      position: entry.query.span.start,
    });
  }
  anchor = project(anchor, anchor.output.map(colRef), names, () => env.ctx.nextId());
  const cteId = env.ctx.nextCteId();
  const columns = anchor.output.map((c) => ({ ...c, nullable: true }));
  const ctes = new Map(env.ctes);
  ctes.set(entry.name, { ...entry, workTable: { cteId, columns } });
  let recursive = bindBody({ ...env, ctes }, body.right);
  if (recursive.output.length !== anchor.output.length) {
    throw new DeltaSqlError('ANALYSIS_ERROR', `the recursive part of \`${entry.name}\` has ${recursive.output.length} columns, the anchor ${anchor.output.length}`, {
      position: body.span.start,
    });
  }
  if (recursive.output.some((c, i) => !sameType(c.type, (anchor.output[i] as { type: typeof c.type }).type))) {
    const exprs = recursive.output.map((c, i) => castTo(colRef(c), anchor.output[i]?.type ?? c.type, env.ctx.settings));
    recursive = project(recursive, exprs, names, () => env.ctx.nextId());
  }
  const output = anchor.output.map((c) => ({ ...c, id: env.ctx.nextId(), nullable: true }));
  const plan: RecursiveCtePlan = {
    kind: 'recursive_cte',
    cteId,
    anchor,
    recursive,
    distinct: !body.all,
    maxIterations: MAX_ITERATIONS,
    output,
  };
  return plan;
}
