/**
 * A writer-side check of a table folder against PROTOCOL.md: log file names, commit contiguity,
 * action fields and types, one protocol/metaData per commit (both at version 0), stats JSON shape
 * against the schema, partition values for every partition column, unique live paths that exist,
 * checkpoint schema and content, `_last_checkpoint`. Returns the problems found (empty = valid).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as arrow from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import { checkActionFields, type JsonObject } from './protocol-validator-actions.js';
import { checkStats, physicalPartitionColumns, type SchemaInfo } from './protocol-validator-stats.js';

const COMMIT = /^(\d{20})\.json$/;
const CHECKPOINT = /^(\d{20})\.checkpoint\.parquet$/;
/** Log files a writer may leave: commits, checkpoints (all kinds), compactions, version checksums, Hadoop `.name.crc` sidecars. */
const KNOWN = [
  COMMIT,
  CHECKPOINT,
  /^(\d{20})\.checkpoint\.(\d{10})\.(\d{10})\.parquet$/,
  /^(\d{20})\.checkpoint\.[0-9a-f-]{36}\.(json|parquet)$/,
  /^(\d{20})\.crc$/,
  /^(\d{20})\.(\d{20})\.compacted\.json$/,
  /^_last_checkpoint$/,
  /^\.(\d{20}\.[a-z.0-9-]+|_last_checkpoint)\.crc$/,
];

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface ReplayState {
  schema: SchemaInfo | undefined;
  live: Map<string, JsonObject>;
  hasProtocol: boolean;
}

/** Live files are keyed by path and deletion vector (PROTOCOL.md "Action Reconciliation"). */
function fileKey(body: JsonObject): string {
  const dv = body['deletionVector'];
  if (!isObject(dv)) return decodePath(String(body['path']));
  return `${decodePath(String(body['path']))}\u0000${String(dv['storageType'])}${String(dv['pathOrInlineDv'])}@${String(dv['offset'] ?? '')}`;
}

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

function checkCommit(dir: string, version: number, text: string, state: ReplayState, problems: string[]): void {
  const where = `commit ${version}`;
  const counts: Record<string, number> = {};
  const addedHere = new Set<string>();
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  lines.forEach((line, i) => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push(`${where} line ${i + 1}: not JSON`);
      return;
    }
    if (!isObject(json) || Object.keys(json).length !== 1) {
      problems.push(`${where} line ${i + 1}: an action line must be an object with exactly one key`);
      return;
    }
    const [kind, body] = Object.entries(json)[0] ?? ['', undefined];
    counts[kind] = (counts[kind] ?? 0) + 1;
    if (!isObject(body)) {
      problems.push(`${where} line ${i + 1}: ${kind} is not an object`);
      return;
    }
    for (const p of checkActionFields(kind, body)) problems.push(`${where} line ${i + 1}: ${p}`);
    if (kind === 'metaData') {
      try {
        const schema = JSON.parse(String(body['schemaString'])) as unknown;
        const config = isObject(body['configuration']) ? body['configuration'] : {};
        state.schema = { schema, partitionColumns: Array.isArray(body['partitionColumns']) ? body['partitionColumns'].map(String) : [], mode: String(config['delta.columnMapping.mode'] ?? 'none') };
      } catch {
        problems.push(`${where}: metaData.schemaString is not JSON`);
      }
    }
    if (kind === 'protocol') state.hasProtocol = true;
    if (kind === 'add' && typeof body['path'] === 'string') {
      const p = decodePath(body['path']);
      if (addedHere.has(p)) problems.push(`${where}: file ${p} added twice in one commit`);
      addedHere.add(p);
      state.live.set(fileKey(body), body);
      if (!/^[a-z][a-z0-9+.-]*:/i.test(body['path']) && !existsSync(path.join(dir, p))) problems.push(`${where}: added file ${p} does not exist`);
      if (state.schema !== undefined) {
        const parts = physicalPartitionColumns(state.schema);
        const pv = isObject(body['partitionValues']) ? body['partitionValues'] : {};
        for (const c of parts) if (!(c in pv)) problems.push(`${where}: add ${p} has no partition value for '${c}'`);
        for (const k of Object.keys(pv)) if (!parts.includes(k)) problems.push(`${where}: add ${p} has partition value for unknown column '${k}'`);
        if (typeof body['stats'] === 'string') for (const s of checkStats(body['stats'], state.schema)) problems.push(`${where}: add ${p} stats: ${s}`);
      }
    }
    if (kind === 'remove' && typeof body['path'] === 'string') state.live.delete(fileKey(body));
  });
  for (const k of ['metaData', 'protocol', 'commitInfo']) if ((counts[k] ?? 0) > 1) problems.push(`${where}: ${counts[k]} ${k} actions (at most one allowed)`);
  if (version === 0 && (counts['metaData'] !== 1 || counts['protocol'] !== 1)) problems.push(`${where}: version 0 must have exactly one protocol and one metaData`);
}

const CHECKPOINT_FIELDS: Readonly<Record<string, Readonly<Record<string, arrow.Type>>>> = {
  add: { path: arrow.Type.Utf8, partitionValues: arrow.Type.Map, size: arrow.Type.Int, modificationTime: arrow.Type.Int, dataChange: arrow.Type.Bool },
  remove: { path: arrow.Type.Utf8, deletionTimestamp: arrow.Type.Int, dataChange: arrow.Type.Bool },
  metaData: { id: arrow.Type.Utf8, schemaString: arrow.Type.Utf8, partitionColumns: arrow.Type.List, configuration: arrow.Type.Map, format: arrow.Type.Struct },
  protocol: { minReaderVersion: arrow.Type.Int, minWriterVersion: arrow.Type.Int },
  txn: { appId: arrow.Type.Utf8, version: arrow.Type.Int },
};

function checkCheckpoint(file: string, version: number, live: ReadonlyMap<string, JsonObject>, problems: string[]): number {
  const where = `checkpoint ${version}`;
  let table: arrow.Table;
  try {
    table = arrow.tableFromIPC(readParquet(readFileSync(file)).intoIPCStream());
  } catch (error) {
    problems.push(`${where}: unreadable Parquet (${String(error)})`);
    return 0;
  }
  for (const [col, fields] of Object.entries(CHECKPOINT_FIELDS)) {
    const field = table.schema.fields.find((f) => f.name === col);
    if (field === undefined) {
      problems.push(`${where}: no '${col}' column`);
      continue;
    }
    for (const [name, typeId] of Object.entries(fields)) {
      const child = field.type.children.find((c: arrow.Field) => c.name === name);
      if (child === undefined) problems.push(`${where}: ${col}.${name} is missing`);
      else if (child.type.typeId !== typeId) problems.push(`${where}: ${col}.${name} has type ${String(child.type)}`);
    }
  }
  const rows = table.toArray() as { toJSON(): Record<string, unknown> }[];
  let protocols = 0;
  let metadatas = 0;
  const paths = new Set<string>();
  rows.forEach((r, i) => {
    const obj = r.toJSON();
    const set = Object.entries(obj).filter(([, v]) => v !== null && v !== undefined);
    if (set.length !== 1) problems.push(`${where} row ${i}: ${set.length} actions in one row (exactly one expected)`);
    for (const [k, v] of set) {
      if (k === 'protocol') protocols++;
      if (k === 'metaData') metadatas++;
      if (k === 'add' && isObject(v) && typeof v['path'] === 'string') paths.add(fileKey(v));
    }
  });
  if (protocols !== 1 || metadatas !== 1) problems.push(`${where}: ${protocols} protocol and ${metadatas} metaData rows (exactly one each expected)`);
  const expected = [...live.keys()].sort();
  const got = [...paths].sort();
  if (JSON.stringify(expected) !== JSON.stringify(got)) problems.push(`${where}: holds ${got.length} live files, the log replay has ${expected.length}`);
  return rows.length;
}

export function validateDeltaTable(dir: string): string[] {
  const problems: string[] = [];
  const logDir = path.join(dir, '_delta_log');
  if (!existsSync(logDir)) return [`no _delta_log folder in ${dir}`];
  const names = readdirSync(logDir).filter((n) => statSync(path.join(logDir, n)).isFile());
  for (const n of names) if (!KNOWN.some((re) => re.test(n))) problems.push(`unexpected file in _delta_log: ${n}`);
  const commits = names.map((n) => COMMIT.exec(n)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1])).sort((a, b) => a - b);
  const anyCheckpoint = new Set(names.map((n) => /^(\d{20})\.checkpoint\./.exec(n)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1])));
  const checkpoints = new Map(names.map((n) => [CHECKPOINT.exec(n), n] as const).filter(([m]) => m !== null).map(([m, n]) => [Number(m?.[1]), n]));
  if (commits.length === 0) return [...problems, 'no commits in _delta_log'];
  const first = commits[0] ?? 0;
  if (first !== 0 && ![...anyCheckpoint].some((c) => c >= first - 1)) problems.push(`commits start at ${first} with no checkpoint at or after ${first - 1}`);
  commits.forEach((v, i) => {
    if (i > 0 && v !== (commits[i - 1] ?? 0) + 1) problems.push(`commit versions are not contiguous: ${commits[i - 1]} then ${v}`);
  });
  const state: ReplayState = { schema: undefined, live: new Map(), hasProtocol: false };
  const checkpointRows = new Map<number, number>();
  for (const v of commits) {
    checkCommit(dir, v, readFileSync(path.join(logDir, `${String(v).padStart(20, '0')}.json`), 'utf8'), state, problems);
    const cp = checkpoints.get(v);
    if (cp !== undefined && first === 0) checkpointRows.set(v, checkCheckpoint(path.join(logDir, cp), v, state.live, problems));
  }
  if (first === 0 && !state.hasProtocol) problems.push('no protocol action in the log');
  const hint = path.join(logDir, '_last_checkpoint');
  if (existsSync(hint)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(hint, 'utf8'));
    } catch {
      problems.push('_last_checkpoint is not JSON');
    }
    if (isObject(json)) {
      const v = json['version'];
      if (typeof v !== 'number' || !Number.isInteger(v)) problems.push('_last_checkpoint.version is not an integer');
      else if (!anyCheckpoint.has(v)) problems.push(`_last_checkpoint names version ${v}, which has no checkpoint file`);
      else if (checkpoints.has(v)) {
        const rows = checkpointRows.get(v);
        if (json['size'] !== undefined && rows !== undefined && json['size'] !== rows) problems.push(`_last_checkpoint.size is ${String(json['size'])}, the checkpoint has ${rows} rows`);
        const bytes = statSync(path.join(logDir, checkpoints.get(v) ?? '')).size;
        if (json['sizeInBytes'] !== undefined && json['sizeInBytes'] !== bytes) problems.push(`_last_checkpoint.sizeInBytes is ${String(json['sizeInBytes'])}, the file has ${bytes}`);
      }
      if (typeof v === 'number' && checkpoints.has(v) && json['parts'] !== undefined) problems.push('_last_checkpoint.parts is set for a single-file checkpoint');
    }
  }
  return problems;
}
