/**
 * JSON functions: get_json_object (a `$.a.b[0]` / `$['a']` path subset), json_array_length,
 * to_json (Spark's compact form) and from_json (into the resolved type; malformed text → NULL).
 */
import type { DataType } from '../../../src/common/types/data-type.js';
import { isMapValue, type ScalarValue } from '../../../planner/expr/scalar-value.js';
import type { ScalarKernel } from '../../functions/kernel.js';
import { formatDecimal } from '../arith-decimal-util.js';
import { formatDate, formatTimestamp, formatDouble } from '../cast-format.js';
import { castValue } from '../cast-value.js';
import { rowwise, valueType } from './columnar.js';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Path steps of `$.a.b[0]`, `$['a']`, `$.*` is not supported. */
function pathSteps(path: string): (string | number)[] | null {
  if (!path.startsWith('$')) return null;
  const steps: (string | number)[] = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]/gy;
  re.lastIndex = 1;
  let m: RegExpExecArray | null;
  while (re.lastIndex < path.length) {
    m = re.exec(path);
    if (!m) return null;
    if (m[1] === '*') return null;
    steps.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[3]!));
  }
  return steps;
}

function getJsonObject(text: string, path: string): string | null {
  const doc = parseJson(text);
  const steps = pathSteps(path);
  if (doc === undefined || !steps) return null;
  let cur: unknown = doc;
  for (const s of steps) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = typeof s === 'number' ? (Array.isArray(cur) ? cur[s] : undefined) : Array.isArray(cur) ? undefined : (cur as Record<string, unknown>)[s];
    if (cur === undefined) return null;
  }
  if (cur === null) return null;
  return typeof cur === 'string' ? cur : JSON.stringify(cur);
}

/** Spark's JSON text of a value of `type`. */
function toJsonText(v: ScalarValue, type: DataType, zone: string): string {
  if (v === null) return 'null';
  switch (type.kind) {
    case 'struct': {
      const items = v as readonly ScalarValue[];
      const parts = type.fields.flatMap((f, i) => (items[i] === null || items[i] === undefined ? [] : [`${JSON.stringify(f.name)}:${toJsonText(items[i]!, f.type, zone)}`]));
      return `{${parts.join(',')}}`;
    }
    case 'map': {
      if (!isMapValue(v)) return 'null';
      return `{${v.keys.map((k, i) => `${JSON.stringify(String(k))}:${toJsonText(v.values[i] ?? null, type.value, zone)}`).join(',')}}`;
    }
    case 'array':
      return `[${(v as readonly ScalarValue[]).map((e) => toJsonText(e, type.element, zone)).join(',')}]`;
    case 'string':
      return JSON.stringify(v);
    case 'double':
    case 'float':
      return Number.isFinite(v as number) ? formatDouble(v as number) : JSON.stringify(formatDouble(v as number));
    case 'decimal':
      return formatDecimal(v as bigint, type.scale);
    case 'date':
      return JSON.stringify(formatDate(v as number));
    case 'timestamp':
      return JSON.stringify(formatTimestamp(v as bigint, zone).replace(' ', 'T'));
    case 'binary':
      return JSON.stringify(Buffer.from(v as Uint8Array).toString('base64'));
    default:
      return String(v);
  }
}

/** A parsed JSON value into a value of `type` (mismatches become NULL, as Spark's PERMISSIVE mode). */
function fromJsonValue(j: unknown, type: DataType, zone: string): ScalarValue {
  if (j === null || j === undefined) return null;
  switch (type.kind) {
    case 'struct': {
      if (typeof j !== 'object' || Array.isArray(j)) return null;
      const o = j as Record<string, unknown>;
      return type.fields.map((f) => fromJsonValue(o[f.name], f.type, zone));
    }
    case 'map': {
      if (typeof j !== 'object' || Array.isArray(j)) return null;
      const entries = Object.entries(j as Record<string, unknown>);
      return { keys: entries.map(([k]) => castValue(k, { kind: 'string' }, type.key, 'try', zone)), values: entries.map(([, x]) => fromJsonValue(x, type.value, zone)) };
    }
    case 'array':
      return Array.isArray(j) ? j.map((e) => fromJsonValue(e, type.element, zone)) : null;
    case 'string':
      return typeof j === 'string' ? j : JSON.stringify(j);
    case 'boolean':
      return typeof j === 'boolean' ? j : null;
    default: {
      if (typeof j === 'object') return null;
      const text = typeof j === 'string' ? j : typeof j === 'number' ? String(j) : String(j);
      if (typeof j === 'number' && (type.kind === 'int' || type.kind === 'long' || type.kind === 'short' || type.kind === 'byte') && !Number.isInteger(j)) return null;
      return castValue(text, { kind: 'string' }, type, 'try', zone);
    }
  }
}

export const JSON_KERNELS: Readonly<Record<string, ScalarKernel>> = {
  get_json_object: rowwise((v) => getJsonObject(v[0] as string, v[1] as string)),
  json_array_length: rowwise((v) => {
    const j = parseJson(v[0] as string);
    return Array.isArray(j) ? j.length : null;
  }),
  to_json: (args, rt, ctx) => {
    const t = valueType(args[0]!);
    return rowwise((v) => toJsonText(v[0]!, t, ctx.timeZone))(args, rt, ctx);
  },
  from_json: (args, rt, ctx) =>
    rowwise((v) => {
      const j = parseJson(v[0] as string);
      if (j === undefined) return null;
      if (rt.kind === 'struct' && (typeof j !== 'object' || j === null || Array.isArray(j))) return null;
      return fromJsonValue(j, rt, ctx.timeZone);
    })([args[0]!], rt, ctx),
};

