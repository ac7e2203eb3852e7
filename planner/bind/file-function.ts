/** read_parquet / read_csv / read_json table functions: literal paths and `name => value` options. */
import { DeltaSqlError } from '../../src/common/errors.js';
import type { Expr, TableFunction } from '../../grammar/ast/index.js';
import { tableKey } from './query-env.js';

export interface FileCall {
  readonly format: 'parquet' | 'csv' | 'json';
  readonly paths: string[];
  readonly options: Record<string, string>;
  readonly key: string;
}

const FORMATS: Record<string, 'parquet' | 'csv' | 'json'> = { read_parquet: 'parquet', read_csv: 'csv', read_json: 'json' };

function literalText(e: Expr): string | undefined {
  if (e.kind === 'string') return e.value;
  if (e.kind === 'number') return e.text;
  if (e.kind === 'boolean') return String(e.value);
  return undefined;
}

/** The call's format, paths and options, or undefined when `t` is not a file function. */
export function fileCall(t: TableFunction): FileCall | undefined {
  const name = (t.name.parts[t.name.parts.length - 1] ?? '').toLowerCase();
  const format = FORMATS[name];
  if (format === undefined) return undefined;
  const paths: string[] = [];
  const options: Record<string, string> = {};
  for (const a of t.args) {
    if (a.kind === 'namedArgument') {
      const v = literalText(a.value);
      if (v === undefined) throw new DeltaSqlError('INVALID_ARGUMENT', `${name}(): option ${a.name.name} must be a literal`, { position: a.span.start });
      options[a.name.name.toLowerCase()] = v;
      continue;
    }
    if (a.kind !== 'string') throw new DeltaSqlError('INVALID_ARGUMENT', `${name}() takes file paths as string literals`, { position: a.span.start });
    paths.push(a.value);
  }
  if (paths.length === 0) throw new DeltaSqlError('INVALID_ARGUMENT', `${name}() needs a path`, { position: t.span.start });
  return { format, paths, options, key: tableKey([`${name}()`, ...paths, JSON.stringify(options)], undefined) };
}
