/** What compiling an expression needs: settings, the function library, and a way to run subquery plans. */
import type * as arrow from 'apache-arrow';
import type { PhysicalPlan } from '../../planner/physical/physical-plan.js';
import type { ExecutionContext } from '../execution-context.js';
import type { EvalContext } from '../functions/kernel.js';
import type { FunctionLookup } from './function-lookup.js';

export interface CompileEnv {
  readonly ctx: ExecutionContext;
  readonly functions: FunctionLookup;
  runPlan(plan: PhysicalPlan): Promise<arrow.Table>;
}

export function evalContext(env: CompileEnv, rowCount: number): EvalContext {
  return { rowCount, ansi: env.ctx.ansi, timeZone: env.ctx.timeZone, statementTime: env.ctx.statementTime };
}
