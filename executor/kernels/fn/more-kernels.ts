/** Kernels of more-functions.ts: substring_index, levenshtein, overlay, elt, decode, try_to_timestamp, map_concat, str_to_map, uuid. */
import { randomUUID } from 'node:crypto';
import { DeltaSqlError } from '../../../src/common/errors.js';
import { isMapValue, type MapValue, type ScalarValue } from '../../../planner/expr/scalar-value.js';
import type { ScalarKernel } from '../../functions/kernel.js';
import { compareValues } from '../compare-scalar-values.js';
import { parseTimestampText } from '../date-parse-kernels.js';
import { codePoints } from '../string-text.js';
import { duplicateKey } from './collection-kernels.js';
import { arrayFromValues } from '../make-data-values.js';
import { castColumnar } from '../cast.js';
import { rowwise, valueType } from './columnar.js';

const lenient = { nullIntolerant: false } as const;
const decoder = new TextDecoder();

function substringIndex(s: string, delim: string, count: number): string {
  if (count === 0 || delim === '') return '';
  const parts = s.split(delim);
  if (count > 0) return parts.slice(0, count).join(delim);
  return parts.slice(Math.max(0, parts.length + count)).join(delim);
}

function levenshtein(a: string, b: string, threshold?: number): number {
  const x = codePoints(a);
  const y = codePoints(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  const d = prev[y.length]!;
  return threshold !== undefined && d > threshold ? -1 : d;
}

/** overlay(input PLACING replace FROM pos [FOR len]): len defaults to the replacement's length. */
function overlay(s: string, rep: string, pos: number, len?: number): string {
  const cps = codePoints(s);
  const r = codePoints(rep);
  const n = len === undefined || len < 0 ? r.length : len;
  const start = Math.max(0, pos - 1);
  return cps.slice(0, start).join('') + rep + cps.slice(start + n).join('');
}

/** decode(bin, charset) or the CASE-like decode(expr, search, result, ..., default) with NULL-safe matching. */
function decodeCase(v: readonly ScalarValue[]): ScalarValue {
  if (v.length === 2) {
    if (v[0] === null || v[1] === null) return null;
    const cs = String(v[1]).toLowerCase().replace(/[-_]/g, '');
    if (cs !== 'utf8') throw new DeltaSqlError('INVALID_ARGUMENT', `decode: unsupported character set '${String(v[1])}'`);
    return decoder.decode(v[0] as Uint8Array);
  }
  const key = v[0]!;
  const pairs = Math.floor((v.length - 1) / 2);
  for (let p = 0; p < pairs; p++) {
    const s = v[1 + 2 * p]!;
    if ((key === null && s === null) || (key !== null && s !== null && compareValues(key, s) === 0)) return v[2 + 2 * p]!;
  }
  return v.length % 2 === 0 ? v[v.length - 1]! : null;
}

function mapConcat(v: readonly ScalarValue[]): ScalarValue {
  if (v.some((m) => m === null)) return null;
  const keys: ScalarValue[] = [];
  const values: ScalarValue[] = [];
  for (const m of v as MapValue[]) {
    if (!isMapValue(m)) continue;
    m.keys.forEach((k, i) => {
      if (keys.some((x) => compareValues(x, k) === 0)) throw duplicateKey(k);
      keys.push(k);
      values.push(m.values[i] ?? null);
    });
  }
  return { keys, values };
}

function strToMap(s: string, pairDelim = ',', kvDelim = ':'): MapValue {
  const keys: string[] = [];
  const values: (string | null)[] = [];
  for (const part of s.split(new RegExp(pairDelim))) {
    const idx = part.search(new RegExp(kvDelim));
    const k = idx < 0 ? part : part.slice(0, idx);
    if (keys.includes(k)) throw duplicateKey(k);
    keys.push(k);
    values.push(idx < 0 ? null : part.slice(idx + (new RegExp(kvDelim).exec(part.slice(idx))?.[0].length ?? 1)));
  }
  return { keys, values };
}

export const MORE_KERNELS: Readonly<Record<string, ScalarKernel>> = {
  substring_index: rowwise((v) => substringIndex(v[0] as string, v[1] as string, Number(v[2]))),
  levenshtein: rowwise((v) => levenshtein(v[0] as string, v[1] as string, v[2] === undefined ? undefined : Number(v[2]))),
  overlay: rowwise((v) => overlay(v[0] as string, v[1] as string, Number(v[2]), v[3] === undefined ? undefined : Number(v[3]))),
  elt: (args, rt, ctx) =>
    rowwise((v) => {
      const n = v[0];
      if (n === null) return null;
      const idx = Number(n);
      if (idx < 1 || idx >= v.length) {
        if (ctx.ansi) throw new DeltaSqlError('INVALID_ARRAY_INDEX', `elt: the index ${idx} is out of bounds: ${v.length - 1} inputs`);
        return null;
      }
      return v[idx]!;
    }, lenient)(args, rt, ctx),
  decode_case: rowwise(decodeCase, lenient),
  try_to_timestamp: (args, rt, ctx) => rowwise((v) => parseTimestampText(v[0] as string, v[1] as string | undefined, { ...ctx, ansi: false }))(args, rt, ctx),
  map_concat: rowwise(mapConcat, lenient),
  str_to_map: rowwise((v) => strToMap(v[0] as string, v[1] as string | undefined, v[2] as string | undefined)),
  zeroifnull: (args, rt, ctx) =>
    rowwise((v) => (v[0] !== null ? v[0]! : rt.kind === 'long' || rt.kind === 'decimal' ? 0n : 0), lenient)(args, rt, ctx),
  nullifzero: rowwise((v) => (v[0] === 0 || v[0] === 0n ? null : v[0]!)),
  cast_function: (args, rt, ctx) => CAST_FUNCTION_KERNEL(args, rt, ctx),
  uuid: (_args, rt, ctx) => ({ kind: 'array', data: arrayFromValues(rt, Array.from({ length: ctx.rowCount }, () => randomUUID())) }),
};

/** int(x), timestamp(x), arrow_cast(x, 'Int64'), ...: cast from the argument's type to the resolved type. */
export const CAST_FUNCTION_KERNEL: ScalarKernel = (args, rt, ctx) =>
  castColumnar(args[0]!, valueType(args[0]!), rt, ctx.ansi ? 'ansi' : 'legacy', ctx);
