/**
 * Statements that write Delta tables, through the SQL-free write path (src/delta/write):
 * CREATE TABLE [AS SELECT], INSERT INTO / OVERWRITE … VALUES / SELECT, DROP TABLE.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError, unsupported } from '../common/errors.js';
import { typeToSql, type StructField } from '../common/types/data-type.js';
import type { CreateTable, DropTable, Insert, ObjectName, Statement } from '../../grammar/ast/index.js';
import { Catalog } from '../catalog/catalog.js';
import { createDeltaTable, tryLoadSnapshot, writeDeltaTable } from '../delta/write/index.js';
import { canStoreAssign } from '../../planner/functions/cast-rules.js';
import { colRef, lit } from '../../planner/expr/expr-utils.js';
import { project } from '../../planner/logical/plan-builder.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import type { BoundExpr } from '../../planner/expr/bound-expr.js';
import { QueryResult } from './query-result.js';
import { runQuery, type StatementEnv } from './session-statements.js';
import { isDeltaOpStatement, runDeltaOpStatement } from './session-delta-ops.js';

export async function runWriteStatement(env: StatementEnv, stmt: Statement): Promise<QueryResult> {
  switch (stmt.kind) {
    case 'createTable':
      return createTable(env, stmt);
    case 'insert':
      return insert(env, stmt);
    case 'dropTable':
      return dropTable(env, stmt);
    default:
      if (isDeltaOpStatement(stmt)) return runDeltaOpStatement(env, stmt);
      return unsupported(`statement ${stmt.kind}`, { position: stmt.span.start });
  }
}

function locationOf(env: StatementEnv, name: ObjectName): string {
  return Catalog.pathOf(name.parts, name.quoted) ?? env.catalog.tableLocation(name.parts);
}

/** Spark makes every CTAS column nullable. */
function nullableTable(t: arrow.Table): arrow.Table {
  const schema = new arrow.Schema(t.schema.fields.map((f) => new arrow.Field(f.name, f.type, true, f.metadata)));
  const batches = t.batches.map(
    (b) => new arrow.RecordBatch(schema, arrow.makeData({ type: new arrow.Struct(schema.fields), length: b.numRows, nullCount: 0, children: b.data.children })),
  );
  return batches.length > 0 ? new arrow.Table(schema, batches) : new arrow.Table(schema);
}

async function createTable(env: StatementEnv, stmt: CreateTable): Promise<QueryResult> {
  const pos = { position: stmt.span.start };
  if (stmt.temporary) return unsupported('CREATE TEMPORARY TABLE', pos);
  // Golden-file suites create `USING parquet` tables; they behave the same as Delta tables for SQL.
  if (stmt.using !== undefined && !['delta', 'parquet', 'orc'].includes(stmt.using)) return unsupported(`CREATE TABLE … USING ${stmt.using}`, pos);
  if (stmt.constraints.some((c) => c.constraint === 'check')) return unsupported('CHECK constraints in CREATE TABLE', pos);
  for (const c of stmt.columns) {
    if (c.generatedAs !== undefined || c.identity !== undefined || c.default !== undefined) {
      return unsupported('generated, identity or default columns', { position: c.span.start });
    }
  }
  const location = stmt.location ?? locationOf(env, stmt.name);
  const store = env.catalog.openStore(location);
  const properties: Record<string, string> = {};
  for (const p of stmt.tblProperties) if (p.value !== undefined) properties[p.key] = p.value;
  const partitionColumns = stmt.partitionedBy.map((c) => c.name.name);
  const mode = stmt.orReplace ? 'createOrReplace' : stmt.replaceOnly ? 'replace' : stmt.ifNotExists ? 'createIfNotExists' : 'create';
  const display = stmt.name.parts.join('.');
  if (stmt.asQuery !== undefined) {
    const existing = await tryLoadSnapshot(store);
    if (existing !== undefined) {
      if (mode === 'createIfNotExists') return QueryResult.ok();
      if (mode === 'create') throw new DeltaSqlError('TABLE_ALREADY_EXISTS', `table \`${display}\` already exists`, pos);
    } else if (mode === 'replace') {
      throw new DeltaSqlError('TABLE_NOT_FOUND', `table \`${display}\` cannot be found`, pos);
    }
    const declared = stmt.columns;
    const reshape =
      declared.length === 0
        ? undefined
        : (plan: LogicalPlan, ctx: { nextId(): number; settings: { ansi: boolean } }): LogicalPlan => {
            if (declared.length !== plan.output.length) {
              throw new DeltaSqlError('ANALYSIS_ERROR', `CREATE TABLE \`${display}\` declares ${declared.length} columns but its query produces ${plan.output.length}`, pos);
            }
            const exprs: BoundExpr[] = plan.output.map((c, i) => {
              const t = declared[i]?.type?.type;
              if (t === undefined || typeToSql(t) === typeToSql(c.type)) return colRef(c);
              if (c.type.kind === 'null') return lit(null, t);
              if (!canStoreAssign(c.type, t)) {
                throw new DeltaSqlError('TYPE_MISMATCH', `cannot store a ${typeToSql(c.type)} value in column \`${declared[i]?.name.name}\` of type ${typeToSql(t)}`, pos);
              }
              return { kind: 'cast', input: colRef(c), type: t, mode: ctx.settings.ansi ? 'ansi' : 'legacy' };
            });
            return project(plan, exprs, declared.map((c) => c.name.name), () => ctx.nextId());
          };
    const data = nullableTable(await runQuery(env, stmt.asQuery, reshape));
    const r = await writeDeltaTable(store, data, {
      mode: existing === undefined ? 'append' : 'overwrite',
      partitionBy: partitionColumns,
      properties,
      overwriteSchema: existing !== undefined,
    });
    return QueryResult.ok(r.metrics.numOutputRows);
  }
  if (stmt.columns.length === 0) throw new DeltaSqlError('ANALYSIS_ERROR', `CREATE TABLE \`${display}\` needs a column list or AS SELECT`, pos);
  const typed = stmt.partitionedBy.filter((c) => c.type !== undefined);
  const schema: StructField[] = [...stmt.columns, ...typed].map((c) => ({
    name: c.name.name,
    type: (c.type as NonNullable<typeof c.type>).type,
    nullable: !c.notNull,
    metadata: c.comment !== undefined ? { comment: c.comment } : {},
  }));
  for (const p of partitionColumns) {
    if (!schema.some((f) => f.name.toLowerCase() === p.toLowerCase())) {
      throw new DeltaSqlError('ANALYSIS_ERROR', `partition column \`${p}\` is not a column of the table`, pos);
    }
  }
  await createDeltaTable(store, { schema, partitionColumns, properties, mode, ...(stmt.comment !== undefined ? { description: stmt.comment } : {}) });
  return QueryResult.ok();
}

async function insert(env: StatementEnv, stmt: Insert): Promise<QueryResult> {
  const pos = { position: stmt.span.start };
  if (stmt.partition !== undefined && stmt.partition.length > 0) return unsupported('INSERT … PARTITION (…)', pos);
  if (stmt.replaceWhere !== undefined) return unsupported('INSERT … REPLACE WHERE', pos);
  const display = stmt.table.parts.join('.');
  const location = locationOf(env, stmt.table);
  const store = env.catalog.openStore(location);
  const snapshot = await tryLoadSnapshot(store);
  if (snapshot === undefined) throw new DeltaSqlError('TABLE_NOT_FOUND', `table \`${display}\` cannot be found`, pos);
  const target = snapshot.schema;
  const reshape = (plan: LogicalPlan, ctx: { nextId(): number; settings: { ansi: boolean } }): LogicalPlan => {
    // Which source column feeds each target column (by position, by name, or an explicit list).
    let order: (number | undefined)[];
    if (stmt.columns !== undefined || stmt.byName === true) {
      const names = stmt.columns?.map((c) => c.name) ?? plan.output.map((c) => c.name);
      if (names.length !== plan.output.length) {
        throw new DeltaSqlError('ANALYSIS_ERROR', `INSERT into \`${display}\`: ${names.length} columns listed but the query produces ${plan.output.length}`, pos);
      }
      order = target.map((f) => {
        const i = names.findIndex((n) => n.toLowerCase() === f.name.toLowerCase());
        return i < 0 ? undefined : i;
      });
      for (const n of names) {
        if (!target.some((f) => f.name.toLowerCase() === n.toLowerCase())) {
          throw new DeltaSqlError('UNKNOWN_COLUMN', `INSERT into \`${display}\`: the table has no column \`${n}\``, pos);
        }
      }
    } else {
      if (plan.output.length !== target.length) {
        throw new DeltaSqlError(
          'ANALYSIS_ERROR',
          `[INSERT_COLUMN_ARITY_MISMATCH] Cannot write to \`${display}\`: the table has ${target.length} columns but the data to insert has ${plan.output.length}`,
          pos,
        );
      }
      order = target.map((_, i) => i);
    }
    const exprs: BoundExpr[] = target.map((f, i) => {
      const src = order[i];
      if (src === undefined) return lit(null, f.type);
      const col = plan.output[src];
      if (col === undefined) return lit(null, f.type);
      if (!canStoreAssign(col.type, f.type)) {
        throw new DeltaSqlError(
          'TYPE_MISMATCH',
          `[INCOMPATIBLE_DATA_FOR_TABLE] Cannot write a ${typeToSql(col.type)} value to column \`${f.name}\` of type ${typeToSql(f.type)}`,
          pos,
        );
      }
      const ref = colRef(col);
      if (col.type.kind === f.type.kind && typeToSql(col.type) === typeToSql(f.type)) return ref;
      if (col.type.kind === 'null') return lit(null, f.type);
      return { kind: 'cast', input: ref, type: f.type, mode: ctx.settings.ansi ? 'ansi' : 'legacy' };
    });
    return project(plan, exprs, target.map((f) => f.name), () => ctx.nextId());
  };
  const data = await runQuery(env, stmt.source, reshape);
  const r = await writeDeltaTable(store, data, { mode: stmt.overwrite ? 'overwrite' : 'append' });
  return QueryResult.ok(r.metrics.numOutputRows);
}

async function dropTable(env: StatementEnv, stmt: DropTable): Promise<QueryResult> {
  const parts = stmt.name.parts;
  const display = parts.join('.');
  if (parts.length === 1) {
    if (env.catalog.dropView(parts[0] ?? '')) return QueryResult.ok();
    if (env.catalog.unregister(parts[0] ?? '')) return QueryResult.ok();
  }
  if (Catalog.pathOf(parts, stmt.name.quoted) !== undefined) return unsupported('DROP TABLE of a path table', { position: stmt.span.start });
  const location = env.catalog.tableLocation(parts);
  const store = env.catalog.openStore(location);
  const entries = await store.list('');
  if (!entries.some((e) => e.path.startsWith('_delta_log/'))) {
    if (stmt.ifExists) return QueryResult.ok();
    throw new DeltaSqlError('TABLE_NOT_FOUND', `table \`${display}\` cannot be found`, { position: stmt.span.start });
  }
  // Managed table: the data goes with it. The log goes last so a crash leaves a readable table or none.
  const log = entries.filter((e) => e.path.startsWith('_delta_log/'));
  const data = entries.filter((e) => !e.path.startsWith('_delta_log/'));
  for (const e of data) await store.delete(e.path);
  for (const e of log.reverse()) await store.delete(e.path);
  return QueryResult.ok();
}
