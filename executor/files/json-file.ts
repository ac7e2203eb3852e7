/**
 * read_json (JSON lines): one object per line. Schema inference as Spark's JSON source: numbers
 * to int/bigint/double, booleans, strings, objects to structs with fields sorted by name, arrays.
 * Values convert to the planned column types (dates and timestamps from ISO strings).
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../src/common/errors.js';
import type { DataType, StructField } from '../../src/common/types/data-type.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import { dataFromScalars } from '../kernels/scalar-data.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function parseJsonLines(text: string): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  let lineNo = 0;
  for (const line of text.split(/\r?\n/)) {
    lineNo++;
    const t = line.trim();
    if (t === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch (e) {
      throw new DeltaSqlError('CORRUPT_DATA', `malformed JSON on line ${lineNo}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new DeltaSqlError('CORRUPT_DATA', `line ${lineNo} is not a JSON object`);
    out.push(v as Record<string, Json>);
  }
  return out;
}

function inferValue(v: Json): DataType | undefined {
  if (v === null) return undefined;
  if (typeof v === 'boolean') return { kind: 'boolean' };
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return { kind: 'double' };
    return Math.abs(v) <= 2147483647 ? { kind: 'int' } : { kind: 'long' };
  }
  if (typeof v === 'string') return { kind: 'string' };
  if (Array.isArray(v)) {
    let e: DataType | undefined;
    for (const x of v) e = widen(e, inferValue(x));
    return { kind: 'array', element: e ?? { kind: 'string' }, containsNull: true };
  }
  return inferObject([v]);
}

function inferObject(objs: readonly Record<string, Json>[]): DataType {
  const types = new Map<string, DataType | undefined>();
  for (const o of objs) for (const [k, v] of Object.entries(o)) types.set(k, widen(types.get(k), inferValue(v)));
  const fields: StructField[] = [...types.keys()]
    .sort()
    .map((name) => ({ name, type: types.get(name) ?? { kind: 'string' }, nullable: true, metadata: {} }));
  return { kind: 'struct', fields };
}

const NUM = ['int', 'long', 'double'];

function widen(a: DataType | undefined, b: DataType | undefined): DataType | undefined {
  if (!a) return b;
  if (!b) return a;
  if (NUM.includes(a.kind) && NUM.includes(b.kind)) return NUM.indexOf(a.kind) >= NUM.indexOf(b.kind) ? a : b;
  if (a.kind === b.kind) {
    if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', element: widen(a.element, b.element) ?? a.element, containsNull: true };
    if (a.kind === 'struct' && b.kind === 'struct') {
      const m = new Map<string, DataType>();
      for (const f of [...a.fields, ...b.fields]) m.set(f.name, widen(m.get(f.name), f.type) ?? f.type);
      return { kind: 'struct', fields: [...m.keys()].sort().map((name) => ({ name, type: m.get(name)!, nullable: true, metadata: {} })) };
    }
    return a;
  }
  return { kind: 'string' };
}

export function inferJsonSchema(rows: readonly Record<string, Json>[]): StructField[] {
  const t = inferObject(rows);
  return t.kind === 'struct' ? [...t.fields] : [];
}

const DAY_MS = 86400000;

function toScalar(v: Json | undefined, type: DataType): ScalarValue {
  if (v === null || v === undefined) return null;
  switch (type.kind) {
    case 'string':
      return typeof v === 'string' ? v : JSON.stringify(v);
    case 'boolean':
      return typeof v === 'boolean' ? v : typeof v === 'string' ? (v.toLowerCase() === 'true' ? true : v.toLowerCase() === 'false' ? false : null) : null;
    case 'byte':
    case 'short':
    case 'int':
    case 'float':
    case 'double': {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
      if (Number.isNaN(n) && !(typeof v === 'string' && /^nan$/i.test(v))) return null;
      return type.kind === 'double' || type.kind === 'float' ? n : Number.isInteger(n) ? n : null;
    }
    case 'long':
      if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
      if (typeof v === 'string' && /^[+-]?\d+$/.test(v)) return BigInt(v);
      return null;
    case 'decimal': {
      const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
      const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
      if (!m || (m[2] === '' && !m[3])) return null;
      const frac = (m[3] ?? '').padEnd(type.scale, '0').slice(0, type.scale);
      const unscaled = BigInt((m[2] || '0') + frac);
      return m[1] === '-' ? -unscaled : unscaled;
    }
    case 'date': {
      if (typeof v !== 'string') return null;
      const ms = Date.parse(`${v.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(ms) ? null : Math.floor(ms / DAY_MS);
    }
    case 'timestamp':
    case 'timestamp_ntz': {
      if (typeof v !== 'string') return null;
      const iso = v.includes('T') ? v : v.replace(' ', 'T');
      const ms = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`);
      if (Number.isNaN(ms)) return null;
      const micros = /\.(\d{4,6})/.exec(iso);
      return BigInt(ms) * 1000n + (micros ? BigInt(micros[1]!.padEnd(6, '0').slice(3, 6)) : 0n);
    }
    case 'array':
      return Array.isArray(v) ? v.map((x) => toScalar(x, type.element)) : null;
    case 'struct':
      return typeof v === 'object' && !Array.isArray(v) ? type.fields.map((f) => toScalar(v[f.name], f.type)) : null;
    case 'map':
      if (typeof v !== 'object' || Array.isArray(v)) return null;
      return { keys: Object.keys(v), values: Object.values(v).map((x) => toScalar(x, type.value)) };
    default:
      throw new DeltaSqlError('UNSUPPORTED', `reading JSON into a ${type.kind} column is not supported`);
  }
}

/** Rows [start, end) of the named columns, converted to the planned types. */
export function jsonColumns(rows: readonly Record<string, Json>[], columns: readonly string[], types: readonly DataType[], start: number, end: number): arrow.Data[] {
  return columns.map((name, k) => {
    const type = types[k]!;
    const vals: ScalarValue[] = [];
    for (let r = start; r < end; r++) vals.push(toScalar(rows[r]![name], type));
    return dataFromScalars(type, vals);
  });
}
