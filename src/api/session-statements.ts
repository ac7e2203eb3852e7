/**
 * Statement dispatch for a Session: queries and EXPLAIN through the planner and executor;
 * SET / RESET / USE; temporary views; SHOW / DESCRIBE from the catalog. DDL and DML that write
 * Delta tables go through the write path.
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError, unsupported } from '../common/errors.js';
import type { Query, Statement } from '../../grammar/ast/index.js';
import { printQuery } from '../../grammar/index.js';
import type { Catalog } from '../catalog/catalog.js';
import { StatementTables } from '../catalog/statement-tables.js';
import { prepareTables } from '../../planner/bind/prepare-tables.js';
import { bindQueryPlan, finishPlan, type PlannedQuery, type PlannerOptions } from '../../planner/plan-query.js';
import { parseExcludedRules } from '../../planner/rules/index.js';
import { explainPlan } from '../../planner/explain.js';
import type { ExecutionContext } from '../../executor/execution-context.js';
import { collectPlan } from '../../executor/run.js';
import { inferFileSchema } from '../../executor/files/infer-file-schema.js';
import { QueryResult } from './query-result.js';
import { EXCLUDED_RULES_KEY, type SessionConfig } from './session-config.js';
import { describeTable, stringTable, booleanColumnTable } from './session-metadata.js';
import { deltaFileScanner } from './session-scan.js';
import { precomputeConstants } from './session-constants.js';
import type { BindContext, ParamValue } from '../../planner/bind/bind-context.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import { runWriteStatement } from './session-writes.js';

export interface StatementEnv {
  readonly catalog: Catalog;
  readonly config: SessionConfig;
  readonly positional: readonly ParamValue[];
  readonly named: ReadonlyMap<string, ParamValue>;
  readonly signal?: AbortSignal | undefined;
}

export interface PlannedStatement {
  readonly planned: PlannedQuery;
  readonly ctx: ExecutionContext;
}

function executionContext(env: StatementEnv, tables: StatementTables): ExecutionContext {
  return {
    ansi: env.config.ansi,
    timeZone: env.config.timeZone,
    statementTime: BigInt(Date.now()) * 1000n,
    memoryTables: env.catalog.memoryTables(),
    scanDeltaFiles: deltaFileScanner(tables, env.catalog),
    ...(env.signal ? { signal: env.signal } : {}),
  };
}

/** Reshapes a bound query before optimization (INSERT adds its casts to the target columns). */
export type Reshape = (plan: LogicalPlan, ctx: BindContext) => LogicalPlan;

/** Resolve tables, bind, fold constants, optimize and lower a query. */
export async function planStatementQuery(env: StatementEnv, query: Query, reshape?: Reshape): Promise<PlannedStatement> {
  const tables = new StatementTables(env.catalog, inferFileSchema);
  await prepareTables(query, tables, env.config.timeZone);
  const opts: PlannerOptions = {
    settings: {
      ansi: env.config.ansi,
      timeZone: env.config.timeZone,
      caseSensitive: env.config.caseSensitive,
      orderByOrdinal: env.config.get('spark.sql.orderByOrdinal') !== 'false',
      groupByOrdinal: env.config.get('spark.sql.groupByOrdinal') !== 'false',
    },
    tables: tables.sources,
    positionalParams: env.positional,
    namedParams: env.named,
    excludedRules: parseExcludedRules(env.config.get(EXCLUDED_RULES_KEY)),
    currentDatabase: env.catalog.currentDatabase,
  };
  const ctx = executionContext(env, tables);
  const bound = bindQueryPlan(query, opts);
  const bctx = bound.ctx;
  const logical = reshape ? reshape(bound.logical, bctx) : bound.logical;
  const excluded = opts.excludedRules ?? new Set();
  const evaluate = excluded.has('constant-folding') ? undefined : await precomputeConstants(logical, ctx);
  return { planned: finishPlan(logical, bctx, opts, evaluate), ctx };
}

export async function runQuery(env: StatementEnv, query: Query, reshape?: Reshape): Promise<arrow.Table> {
  const { planned, ctx } = await planStatementQuery(env, query, reshape);
  return collectPlan(planned.physical, ctx);
}

export async function runStatement(env: StatementEnv, stmt: Statement, sqlText: string): Promise<QueryResult> {
  const { catalog, config } = env;
  switch (stmt.kind) {
    case 'query':
      return QueryResult.rows(await runQuery(env, stmt));
    case 'explain': {
      if (stmt.mode === 'analyze') return unsupported('EXPLAIN ANALYZE', { position: stmt.span.start });
      if (stmt.statement.kind !== 'query') return unsupported(`EXPLAIN of ${stmt.statement.kind}`, { position: stmt.span.start });
      const { planned } = await planStatementQuery(env, stmt.statement);
      return QueryResult.rows(stringTable(['plan'], [[`== Physical Plan ==\n${explainPlan(planned.physical)}`]]));
    }
    case 'set': {
      if (stmt.key === undefined) return QueryResult.rows(stringTable(['key', 'value'], config.entries()));
      if (stmt.value === undefined) return QueryResult.rows(stringTable(['key', 'value'], [[stmt.key, config.get(stmt.key) ?? '<undefined>']]));
      config.set(stmt.key, stmt.value);
      return QueryResult.rows(stringTable(['key', 'value'], [[stmt.key, config.get(stmt.key) ?? '']]));
    }
    case 'reset':
      config.reset(stmt.key);
      return QueryResult.ok();
    case 'use': {
      const name = stmt.name.parts.join('.').toLowerCase();
      if (stmt.target === 'namespace' && name !== 'default') {
        throw new DeltaSqlError('TABLE_NOT_FOUND', `database \`${stmt.name.parts.join('.')}\` does not exist (only \`default\` is supported)`, {
          position: stmt.span.start,
        });
      }
      catalog.currentDatabase = 'default';
      return QueryResult.ok();
    }
    case 'createView': {
      if (stmt.name.parts.length !== 1) return unsupported('views in a database', { position: stmt.span.start });
      const name = stmt.name.parts[0] ?? '';
      if (stmt.ifNotExists && catalog.view(name) !== undefined) return QueryResult.ok();
      // Validate now (unknown tables/columns fail at CREATE time, as in Spark).
      await planStatementQuery(env, stmt.query);
      const columns = stmt.columns?.map((c) => c.name.name);
      catalog.createView({ name, query: stmt.query, columns, sql: safePrint(stmt.query, sqlText) }, stmt.orReplace);
      return QueryResult.ok();
    }
    case 'dropView': {
      const name = stmt.name.parts[stmt.name.parts.length - 1] ?? '';
      if (!catalog.dropView(name) && !stmt.ifExists) {
        throw new DeltaSqlError('VIEW_NOT_FOUND', `view \`${stmt.name.parts.join('.')}\` cannot be found`, { position: stmt.span.start });
      }
      return QueryResult.ok();
    }
    case 'showTables': {
      const tables = await catalog.listTables();
      const rows: (string | boolean)[][] = [
        ...tables.map((t) => ['default', t, false]),
        ...catalog.viewNames().map((v) => ['', v, true]),
        ...catalog.registeredNames().map((r) => ['', r, true]),
      ];
      const re = stmt.pattern !== undefined ? likePattern(stmt.pattern) : undefined;
      const kept = re ? rows.filter((r) => re.test(String(r[1]))) : rows;
      return QueryResult.rows(booleanColumnTable(['namespace', 'tableName', 'isTemporary'], kept, new Set([2])));
    }
    case 'showColumns':
    case 'describeTable': {
      const name = stmt.kind === 'showColumns' ? stmt.table : stmt.table;
      const { planned } = await planStatementQuery(env, {
        kind: 'query',
        span: stmt.span,
        body: { kind: 'tableQuery', name, span: stmt.span },
        orderBy: [],
      });
      const schema = planned.physical.schema;
      if (stmt.kind === 'showColumns') return QueryResult.rows(stringTable(['col_name'], schema.map((f) => [f.name])));
      const scan = findDeltaPartitions(planned);
      return QueryResult.rows(describeTable(schema, scan));
    }
    case 'describeQuery': {
      const { planned } = await planStatementQuery(env, stmt.query);
      return QueryResult.rows(describeTable(planned.physical.schema, []));
    }
    default:
      return runWriteStatement(env, stmt);
  }
}

function findDeltaPartitions(planned: PlannedQuery): string[] {
  let p = planned.optimized;
  for (;;) {
    if (p.kind === 'scan') return p.source.kind === 'delta' ? [...p.source.partitionColumns] : [];
    if (p.kind === 'project' || p.kind === 'filter') p = p.input;
    else return [];
  }
}

/** SHOW TABLES LIKE: `*` any characters, `|` alternatives (Spark's pattern syntax). */
function likePattern(p: string): RegExp {
  const alts = p.split('|').map((a) => a.trim().replace(/[.+?^${}()[\]\\]/g, '\\$&').replace(/\*/g, '.*'));
  return new RegExp(`^(${alts.join('|')})$`, 'i');
}

function safePrint(q: Query, fallback: string): string {
  try {
    return printQuery(q);
  } catch {
    return fallback;
  }
}
