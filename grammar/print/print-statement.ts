import type { Property } from '../ast/node.js';
import type { ColumnDef, Statement, Assignment } from '../ast/statements.js';
import type { AlterTableAction, ColumnChange } from '../ast/alter-table.js';
import type { MergeClause } from '../ast/delta-statements.js';
import { quoteString } from '../to-ast/strings.js';
import { identNode, parts, printExpr } from './print-expr.js';
import { objectName, printQuery, printRelation, printTimeTravel } from './print-query.js';

const props = (ps: readonly Property[]): string =>
  `(${ps.map((p) => `${quoteString(p.key)}${p.value !== undefined ? ` = ${quoteString(p.value)}` : ''}`).join(', ')})`;

function columnDef(c: ColumnDef): string {
  let out = identNode(c.name);
  if (c.type) out += ` ${c.type.text}`;
  if (c.notNull) out += ' NOT NULL';
  if (c.generatedAs) out += ` GENERATED ALWAYS AS (${printExpr(c.generatedAs)})`;
  if (c.identity) {
    const o: string[] = [];
    if (c.identity.start) o.push(`START WITH ${printExpr(c.identity.start)}`);
    if (c.identity.step) o.push(`INCREMENT BY ${printExpr(c.identity.step)}`);
    out += ` GENERATED ${c.identity.always ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${o.length ? ` (${o.join(' ')})` : ''}`;
  }
  if (c.default) out += ` DEFAULT ${printExpr(c.default)}`;
  if (c.primaryKey) out += ' PRIMARY KEY';
  if (c.unique) out += ' UNIQUE';
  if (c.comment !== undefined) out += ` COMMENT ${quoteString(c.comment)}`;
  if (c.position) out += c.position.kind === 'first' ? ' FIRST' : ` AFTER ${identNode(c.position.column)}`;
  return out;
}

const assignment = (a: Assignment): string => `${printExpr(a.target)} = ${printExpr(a.value)}`;

function change(c: ColumnChange): string {
  switch (c.kind) {
    case 'setNotNull':
      return 'SET NOT NULL';
    case 'dropNotNull':
      return 'DROP NOT NULL';
    case 'comment':
      return `COMMENT ${quoteString(c.comment)}`;
    case 'type':
      return `TYPE ${c.type.text}`;
    case 'position':
      return c.position.kind === 'first' ? 'FIRST' : `AFTER ${identNode(c.position.column)}`;
    case 'setDefault':
      return `SET DEFAULT ${printExpr(c.default)}`;
    case 'dropDefault':
      return 'DROP DEFAULT';
  }
}

function alterAction(a: AlterTableAction): string {
  switch (a.kind) {
    case 'addConstraint':
      return `ADD CONSTRAINT ${identNode(a.name)} CHECK (${printExpr(a.check)})`;
    case 'dropConstraint':
      return `DROP CONSTRAINT ${a.ifExists ? 'IF EXISTS ' : ''}${identNode(a.name)}`;
    case 'addColumns':
      return `ADD COLUMNS (${a.columns.map(columnDef).join(', ')})`;
    case 'alterColumn':
      return a.changes.map((c, i) => (i === 0 ? `ALTER COLUMN ${printExpr(a.column)} ${change(c)}` : change(c))).join(' ');
    case 'renameColumn':
      return `RENAME COLUMN ${printExpr(a.column)} TO ${identNode(a.newName)}`;
    case 'dropColumns':
      return `DROP COLUMNS ${a.ifExists ? 'IF EXISTS ' : ''}(${a.columns.map(printExpr).join(', ')})`;
    case 'setTblProperties':
      return `SET TBLPROPERTIES ${props(a.properties)}`;
    case 'unsetTblProperties':
      return `UNSET TBLPROPERTIES ${a.ifExists ? 'IF EXISTS ' : ''}(${a.keys.map(quoteString).join(', ')})`;
    case 'renameTable':
      return `RENAME TO ${objectName(a.newName)}`;
    case 'clusterBy':
      return `CLUSTER BY ${a.columns.length ? `(${a.columns.map(printExpr).join(', ')})` : 'NONE'}`;
  }
}

function mergeClause(c: MergeClause): string {
  const head = c.kind === 'whenMatched' ? 'WHEN MATCHED' : c.kind === 'whenNotMatched' ? 'WHEN NOT MATCHED' : 'WHEN NOT MATCHED BY SOURCE';
  const cond = c.condition ? ` AND ${printExpr(c.condition)}` : '';
  const a = c.action;
  let action: string;
  switch (a.kind) {
    case 'mergeUpdate':
      action = `UPDATE SET ${a.assignments.map(assignment).join(', ')}`;
      break;
    case 'mergeUpdateAll':
      action = 'UPDATE SET *';
      break;
    case 'mergeDelete':
      action = 'DELETE';
      break;
    case 'mergeInsert':
      action = `INSERT ${a.columns ? `(${a.columns.map(printExpr).join(', ')}) ` : ''}VALUES (${a.values.map(printExpr).join(', ')})`;
      break;
    case 'mergeInsertAll':
      action = 'INSERT *';
      break;
  }
  return `${head}${cond} THEN ${action}`;
}

const target = (n: { parts: readonly string[]; quoted: readonly boolean[] }): string =>
  n.parts.length === 2 && n.parts[0] === 'delta' && n.quoted[1] === true && n.quoted[0] === false
    ? quoteString(n.parts[1] ?? '')
    : parts(n.parts, n.quoted);

export function printStatement(s: Statement): string {
  switch (s.kind) {
    case 'query':
      return printQuery(s);
    case 'createTable': {
      let out = `${s.replaceOnly ? 'REPLACE' : s.orReplace ? 'CREATE OR REPLACE' : 'CREATE'}${s.temporary ? ' TEMPORARY' : ''}${s.external ? ' EXTERNAL' : ''} TABLE ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${objectName(s.name)}`;
      const els = [...s.columns.map(columnDef), ...s.constraints.map((c) => `${c.name ? `CONSTRAINT ${identNode(c.name)} ` : ''}${c.constraint === 'check' && c.check ? `CHECK (${printExpr(c.check)})` : `${c.constraint === 'primaryKey' ? 'PRIMARY KEY' : 'UNIQUE'} (${(c.columns ?? []).map(identNode).join(', ')})`}`)];
      if (els.length) out += ` (${els.join(', ')})`;
      if (s.using !== undefined) out += ` USING ${s.using}`;
      if (s.partitionedBy.length) out += ` PARTITIONED BY (${s.partitionedBy.map(columnDef).join(', ')})`;
      if (s.clusterBy) out += ` CLUSTER BY (${s.clusterBy.map(printExpr).join(', ')})`;
      if (s.location !== undefined) out += ` LOCATION ${quoteString(s.location)}`;
      if (s.comment !== undefined) out += ` COMMENT ${quoteString(s.comment)}`;
      if (s.options.length) out += ` OPTIONS ${props(s.options)}`;
      if (s.tblProperties.length) out += ` TBLPROPERTIES ${props(s.tblProperties)}`;
      if (s.asQuery) out += ` AS ${printQuery(s.asQuery)}`;
      return out;
    }
    case 'cloneTable': {
      let out = `${s.replaceOnly ? 'REPLACE' : s.orReplace ? 'CREATE OR REPLACE' : 'CREATE'} TABLE ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${objectName(s.name)} ${s.shallow ? 'SHALLOW' : 'DEEP'} CLONE ${target(s.source)}`;
      if (s.timeTravel) out += ` ${printTimeTravel(s.timeTravel)}`;
      if (s.tblProperties.length) out += ` TBLPROPERTIES ${props(s.tblProperties)}`;
      if (s.location !== undefined) out += ` LOCATION ${quoteString(s.location)}`;
      return out;
    }
    case 'createView':
      return `CREATE${s.orReplace ? ' OR REPLACE' : ''}${s.global ? ' GLOBAL' : ''}${s.temporary ? ' TEMPORARY' : ''} VIEW ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${objectName(s.name)}${s.columns ? ` (${s.columns.map(columnDef).join(', ')})` : ''}${s.comment !== undefined ? ` COMMENT ${quoteString(s.comment)}` : ''}${s.tblProperties.length ? ` TBLPROPERTIES ${props(s.tblProperties)}` : ''} AS ${printQuery(s.query)}`;
    case 'dropTable':
      return `DROP TABLE ${s.ifExists ? 'IF EXISTS ' : ''}${objectName(s.name)}${s.purge ? ' PURGE' : ''}`;
    case 'dropView':
      return `DROP VIEW ${s.ifExists ? 'IF EXISTS ' : ''}${objectName(s.name)}`;
    case 'insert': {
      let out = `INSERT ${s.overwrite ? 'OVERWRITE' : 'INTO'} ${objectName(s.table)}`;
      if (s.partition) out += ` PARTITION (${s.partition.map((p) => `${identNode(p.column)}${p.value ? ` = ${printExpr(p.value)}` : ''}`).join(', ')})`;
      if (s.columns) out += ` (${s.columns.map(identNode).join(', ')})`;
      if (s.byName) out += ' BY NAME';
      if (s.replaceWhere) out += ` REPLACE WHERE ${printExpr(s.replaceWhere)}`;
      return `${out} ${printQuery(s.source)}`;
    }
    case 'update':
      return `UPDATE ${objectName(s.table)}${s.alias ? ` AS ${identNode(s.alias)}` : ''} SET ${s.assignments.map(assignment).join(', ')}${s.where ? ` WHERE ${printExpr(s.where)}` : ''}`;
    case 'delete':
      return `DELETE FROM ${objectName(s.table)}${s.alias ? ` AS ${identNode(s.alias)}` : ''}${s.where ? ` WHERE ${printExpr(s.where)}` : ''}`;
    case 'merge':
      return `MERGE ${s.schemaEvolution ? 'WITH SCHEMA EVOLUTION ' : ''}INTO ${objectName(s.target)}${s.targetAlias ? ` AS ${identNode(s.targetAlias)}` : ''} USING ${printRelation(s.source)} ON ${printExpr(s.on)} ${s.clauses.map(mergeClause).join(' ')}`;
    case 'restore':
      return `RESTORE TABLE ${target(s.table)} TO ${printTimeTravel(s.timeTravel)}`;
    case 'describeHistory':
      return `DESCRIBE HISTORY ${target(s.table)}${s.limit ? ` LIMIT ${printExpr(s.limit)}` : ''}`;
    case 'describeDetail':
      return `DESCRIBE DETAIL ${target(s.table)}`;
    case 'describeTable':
      return `DESCRIBE TABLE ${s.extended ? 'EXTENDED ' : ''}${objectName(s.table)}${s.column ? ` ${parts(s.column)}` : ''}`;
    case 'describeQuery':
      return `DESCRIBE QUERY ${printQuery(s.query)}`;
    case 'showTables':
      return `SHOW TABLES${s.namespace ? ` IN ${objectName(s.namespace)}` : ''}${s.pattern !== undefined ? ` LIKE ${quoteString(s.pattern)}` : ''}`;
    case 'showColumns':
      return `SHOW COLUMNS IN ${objectName(s.table)}${s.namespace ? ` IN ${objectName(s.namespace)}` : ''}`;
    case 'showTblProperties':
      return `SHOW TBLPROPERTIES ${objectName(s.table)}${s.key !== undefined ? ` (${quoteString(s.key)})` : ''}`;
    case 'showOther': {
      const word = { createTable: 'CREATE TABLE', views: 'VIEWS', databases: 'DATABASES', functions: 'FUNCTIONS', partitions: 'PARTITIONS' }[s.what];
      const withTarget = s.what === 'createTable' || s.what === 'partitions';
      return `SHOW ${word}${s.target ? (withTarget ? ` ${objectName(s.target)}` : ` IN ${objectName(s.target)}`) : ''}${s.pattern !== undefined ? ` LIKE ${quoteString(s.pattern)}` : ''}`;
    }
    case 'explain':
      return `EXPLAIN ${s.mode === 'simple' ? '' : `${s.mode.toUpperCase()} `}${printStatement(s.statement)}`;
    case 'set':
      return s.key === undefined ? 'SET' : s.value === undefined ? `SET ${s.key}` : `SET ${s.key} = ${s.value}`;
    case 'reset':
      return s.key === undefined ? 'RESET' : `RESET ${s.key}`;
    case 'use':
      return `USE ${s.target === 'catalog' ? 'CATALOG ' : ''}${objectName(s.name)}`;
    case 'createSchema':
      return `CREATE SCHEMA ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${objectName(s.name)}${s.comment !== undefined ? ` COMMENT ${quoteString(s.comment)}` : ''}${s.location !== undefined ? ` LOCATION ${quoteString(s.location)}` : ''}`;
    case 'dropSchema':
      return `DROP SCHEMA ${s.ifExists ? 'IF EXISTS ' : ''}${objectName(s.name)}${s.cascade ? ' CASCADE' : ''}`;
    case 'cacheTable':
      return `CACHE ${s.lazy ? 'LAZY ' : ''}TABLE ${objectName(s.table)}${s.query ? ` AS ${printQuery(s.query)}` : ''}`;
    case 'uncacheTable':
      return `UNCACHE TABLE ${s.ifExists ? 'IF EXISTS ' : ''}${objectName(s.table)}`;
    case 'alterTable':
      return `ALTER ${s.view ? 'VIEW' : 'TABLE'} ${objectName(s.table)} ${alterAction(s.action)}`;
    case 'optimize':
      return `OPTIMIZE ${target(s.table)}${s.where ? ` WHERE ${printExpr(s.where)}` : ''}${s.zorderBy.length ? ` ZORDER BY (${s.zorderBy.map(printExpr).join(', ')})` : ''}`;
    case 'vacuum':
      return `VACUUM ${target(s.table)}${s.retainHours ? ` RETAIN ${printExpr(s.retainHours)} HOURS` : ''}${s.dryRun ? ' DRY RUN' : ''}`;
    case 'convertToDelta':
      return `CONVERT TO DELTA ${objectName(s.source)}${s.noStatistics ? ' NO STATISTICS' : ''}${s.partitionedBy.length ? ` PARTITIONED BY (${s.partitionedBy.map(columnDef).join(', ')})` : ''}`;
  }
}
