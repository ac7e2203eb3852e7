/**
 * Compile a bound expression once into an evaluator over batches: column refs read the batch,
 * literals stay scalars, calls go to the function library's kernels, casts to its cast entry
 * point, AND/OR/CASE/COALESCE evaluate lazily, subqueries run once at compile time.
 */
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import type { DataType } from '../../src/common/types/data-type.js';
import { exprType, type BoundExpr, type LambdaExpr } from '../../planner/expr/bound-expr.js';
import type { ColumnarValue } from '../functions/kernel.js';
import type { CompileEnv } from './compile-env.js';
import { evalContext } from './compile-env.js';
import type { EvalBatch, Evaluator } from './eval-batch.js';
import { subsetBatch } from './eval-batch.js';
import { exprRefs } from './expr-refs.js';
import type { LambdaArg } from './function-lookup.js';
import { evalCase, evalCoalesce, evalLogical, type LazyOperand } from './lazy-eval.js';
import { compileExistsSubquery, compileInSubquery, compileScalarSubquery } from './subquery-eval.js';

export async function compileExpr(e: BoundExpr, env: CompileEnv): Promise<Evaluator> {
  switch (e.kind) {
    case 'column': {
      const index = e.index;
      return (b) => {
        const data = b.columns[index];
        if (!data) throw new DeltaSqlError('INTERNAL', `column ${index} (${e.name}) is not in the input`);
        return { kind: 'array', data };
      };
    }
    case 'literal': {
      const v: ColumnarValue = { kind: 'scalar', value: e.value, type: e.type };
      return () => v;
    }
    case 'lambda_var': {
      const slot = e.slot;
      return (b) => {
        const data = b.lambdaVars?.get(slot);
        if (!data) throw new DeltaSqlError('INTERNAL', `lambda variable ${e.name} is not bound`);
        return { kind: 'array', data };
      };
    }
    case 'cast': {
      const input = await compileExpr(e.input, env);
      const from = exprType(e.input);
      const to = e.type;
      const mode = e.mode;
      return (b) => env.functions.cast(input(b), from, to, mode, evalContext(env, b.numRows));
    }
    case 'call':
      return compileCall(e.name, e.args, e.type, env);
    case 'and':
    case 'or': {
      const ops = await lazyOperands(e.args, env);
      const kind = e.kind;
      return (b) => evalLogical(kind, ops, b);
    }
    case 'coalesce': {
      const ops = await lazyOperands(e.args, env);
      return (b) => evalCoalesce(e.type, ops, b);
    }
    case 'case': {
      const branches: { when: LazyOperand; then: LazyOperand }[] = [];
      for (const br of e.branches) branches.push({ when: await lazyOperand(br.when, env), then: await lazyOperand(br.then, env) });
      const otherwise = e.otherwise ? await lazyOperand(e.otherwise, env) : undefined;
      return (b) => evalCase(e.type, branches, otherwise, b);
    }
    case 'scalar_subquery':
      return compileScalarSubquery(e, env);
    case 'exists_subquery':
      return compileExistsSubquery(e, env);
    case 'in_subquery': {
      if (!e.input) throw new DeltaSqlError('INTERNAL', 'IN subquery without an input expression');
      return compileInSubquery(e, await compileExpr(e.input, env), env);
    }
    case 'lambda':
      throw new DeltaSqlError('INTERNAL', 'a lambda can only appear as an argument of a higher-order function');
  }
}

async function lazyOperand(e: BoundExpr, env: CompileEnv): Promise<LazyOperand> {
  return { eval: await compileExpr(e, env), refs: exprRefs(e) };
}

async function lazyOperands(es: readonly BoundExpr[], env: CompileEnv): Promise<LazyOperand[]> {
  const out: LazyOperand[] = [];
  for (const e of es) out.push(await lazyOperand(e, env));
  return out;
}

async function compileCall(name: string, args: readonly BoundExpr[], type: DataType, env: CompileEnv): Promise<Evaluator> {
  if (args.some((a) => a.kind === 'lambda')) return compileHigherOrder(name, args, type, env);
  const kernel = env.functions.scalar(name);
  if (!kernel) unsupported(`function ${name}`);
  const compiled: Evaluator[] = [];
  for (const a of args) compiled.push(await compileExpr(a, env));
  return (b) => kernel(compiled.map((c) => c(b)), type, evalContext(env, b.numRows));
}

async function compileHigherOrder(name: string, args: readonly BoundExpr[], type: DataType, env: CompileEnv): Promise<Evaluator> {
  const kernel = env.functions.higherOrder(name);
  if (!kernel) unsupported(`higher-order function ${name}`);
  const parts: ((b: EvalBatch) => ColumnarValue | LambdaArg)[] = [];
  for (const a of args) {
    if (a.kind === 'lambda') parts.push(await compileLambda(a, env));
    else {
      const ev = await compileExpr(a, env);
      parts.push(ev);
    }
  }
  return (b) => {
    const vals = parts.map((p) => p(b));
    return kernel(vals, type, evalContext(env, b.numRows));
  };
}

async function compileLambda(l: LambdaExpr, env: CompileEnv): Promise<(b: EvalBatch) => LambdaArg> {
  const body = await compileExpr(l.body, env);
  const refs = exprRefs(l.body);
  const params = l.params;
  return (outer) => ({
    arity: params.length,
    resultType: l.type,
    apply(values, rows) {
      const inner = subsetBatch(outer, rows, refs.columns, refs.slots);
      const vars = new Map(inner.lambdaVars ?? []);
      params.forEach((p, k) => {
        const v = values[k];
        if (!v) throw new DeltaSqlError('INTERNAL', `lambda parameter ${p.name} not supplied`);
        vars.set(p.slot, v);
      });
      return body({ columns: inner.columns, numRows: rows.length, lambdaVars: vars });
    },
  });
}
