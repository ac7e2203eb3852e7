/**
 * Fast path for the `add` column of Parquet checkpoints (the bulk of a large table's state):
 * decodes each child column once, column-wise, and builds AddAction objects directly, without
 * the per-row wrapper objects of the generic path. Validation matches parse-action.ts.
 */
import * as arrow from 'apache-arrow';
import type { AddAction, StringMap } from '../actions/action-types.js';
import { ActionFormatError, isRecord } from '../actions/field-reader.js';
import { parseDeletionVector } from '../actions/parse-action.js';
import { dataToJs, isValidAt } from '../arrow/arrow-to-js.js';

function column(data: arrow.Data, type: arrow.Struct, name: string): unknown[] | undefined {
  const i = type.children.findIndex((f) => f.name === name);
  const child = i >= 0 ? data.children[i] : undefined;
  return child === undefined ? undefined : dataToJs(child);
}

function num(v: unknown, field: string, required: boolean): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v === null || v === undefined) {
    if (required) throw new ActionFormatError(`add.${field} must be a number, got nothing`);
    return undefined;
  }
  throw new ActionFormatError(`add.${field} must be a number`);
}

function str(v: unknown, field: string): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'string') throw new ActionFormatError(`add.${field} must be a string`);
  return v;
}

function map(v: unknown, field: string): StringMap | undefined {
  if (v === null || v === undefined) return undefined;
  if (!isRecord(v)) throw new ActionFormatError(`add.${field} must be a map of strings`);
  return v as StringMap;
}

/**
 * Append the adds of one `add` struct column; `onError(row, error)` reports the first bad row.
 * Rows where the struct is null (other action kinds) are skipped.
 */
export function decodeCheckpointAdds(data: arrow.Data, out: AddAction[], onError: (row: number, error: ActionFormatError) => never): void {
  const type = data.type as arrow.Struct;
  const path = column(data, type, 'path') ?? [];
  const partitionValues = column(data, type, 'partitionValues');
  const size = column(data, type, 'size');
  const modificationTime = column(data, type, 'modificationTime');
  const dataChange = column(data, type, 'dataChange');
  const stats = column(data, type, 'stats');
  const tags = column(data, type, 'tags');
  const dv = column(data, type, 'deletionVector');
  const baseRowId = column(data, type, 'baseRowId');
  const defaultRowCommitVersion = column(data, type, 'defaultRowCommitVersion');
  const clusteringProvider = column(data, type, 'clusteringProvider');
  let statsParsed: unknown[] | undefined;
  for (let i = 0; i < data.length; i++) {
    if (!isValidAt(data, i)) continue;
    try {
      const p = str(path[i], 'path');
      if (p === undefined) throw new ActionFormatError('add.path must be a string, got nothing');
      const s = str(stats?.[i], 'stats');
      // stats_parsed is decoded only when some file lacks the JSON form.
      if (s === undefined && statsParsed === undefined) statsParsed = column(data, type, 'stats_parsed') ?? [];
      const change = dataChange?.[i];
      out.push({
        kind: 'add',
        path: p,
        partitionValues: map(partitionValues?.[i], 'partitionValues') ?? {},
        size: num(size?.[i], 'size', true) ?? 0,
        modificationTime: num(modificationTime?.[i], 'modificationTime', false) ?? 0,
        dataChange: typeof change === 'boolean' ? change : true,
        stats: s,
        statsParsed: s === undefined ? (statsParsed?.[i] ?? undefined) : undefined,
        tags: map(tags?.[i], 'tags'),
        deletionVector: parseDeletionVector(dv?.[i]),
        baseRowId: num(baseRowId?.[i], 'baseRowId', false),
        defaultRowCommitVersion: num(defaultRowCommitVersion?.[i], 'defaultRowCommitVersion', false),
        clusteringProvider: str(clusteringProvider?.[i], 'clusteringProvider'),
      });
    } catch (error) {
      if (error instanceof ActionFormatError) onError(i, error);
      throw error;
    }
  }
}
