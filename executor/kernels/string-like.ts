/**
 * LIKE / ILIKE with Spark semantics: `_` is one character (code point), `%` any sequence, the
 * escape character (default `\`) may only precede `_`, `%` or itself. Patterns without inner
 * wildcards run on raw UTF-8 bytes (equals, prefix, suffix, contains); others via a RegExp.
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import type { ScalarKernel } from '../functions/kernel.js';
import { asData, evalScalarOnce, getter } from './fn/columnar.js';
import { alignedValidity, andValidity, bitmapBytes, getBit } from './make-data-bitmap.js';
import { makeBoolData } from './make-data.js';

type Token = { kind: 'lit'; text: string } | { kind: 'one' } | { kind: 'any' };

export function parseLikePattern(pattern: string, escape = '\\'): Token[] {
  const chars = Array.from(pattern);
  const out: Token[] = [];
  let lit = '';
  const flush = (): void => {
    if (lit) out.push({ kind: 'lit', text: lit });
    lit = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === escape) {
      const next = chars[i + 1];
      if (next === undefined || (next !== '_' && next !== '%' && next !== escape))
        throw new DeltaSqlError('INVALID_ARGUMENT', `the escape character is not allowed to precede '${next ?? ''}' in LIKE pattern '${pattern}'`);
      lit += next;
      i++;
    } else if (c === '_') {
      flush();
      out.push({ kind: 'one' });
    } else if (c === '%') {
      flush();
      if (out[out.length - 1]?.kind !== 'any') out.push({ kind: 'any' });
    } else lit += c;
  }
  flush();
  return out;
}

const encoder = new TextEncoder();

export type LikeMatcher =
  | { kind: 'bytes'; mode: 'eq' | 'prefix' | 'suffix' | 'contains' | 'all'; needle: Uint8Array }
  | { kind: 'regex'; re: RegExp };

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function compileLike(pattern: string, escape: string, caseInsensitive: boolean): LikeMatcher {
  const tokens = parseLikePattern(caseInsensitive ? pattern.toLowerCase() : pattern, escape);
  const lits = tokens.filter((t) => t.kind === 'lit');
  const noOne = tokens.every((t) => t.kind !== 'one');
  if (noOne && lits.length <= 1) {
    const text = lits[0]?.kind === 'lit' ? lits[0].text : '';
    const needle = encoder.encode(text);
    const first = tokens[0]?.kind;
    const last = tokens[tokens.length - 1]?.kind;
    if (tokens.length === 0) return { kind: 'bytes', mode: 'eq', needle };
    if (lits.length === 0) return { kind: 'bytes', mode: 'all', needle };
    if (first === 'lit' && last === 'lit') return { kind: 'bytes', mode: 'eq', needle };
    if (first === 'lit') return { kind: 'bytes', mode: 'prefix', needle };
    if (last === 'lit') return { kind: 'bytes', mode: 'suffix', needle };
    return { kind: 'bytes', mode: 'contains', needle };
  }
  const src = tokens.map((t) => (t.kind === 'lit' ? escapeRegex(t.text) : t.kind === 'one' ? '.' : '.*')).join('');
  return { kind: 'regex', re: new RegExp(`^${src}$`, 'su') };
}

function bytesAt(hay: Uint8Array, start: number, needle: Uint8Array): boolean {
  for (let k = 0; k < needle.length; k++) if (hay[start + k] !== needle[k]) return false;
  return true;
}

/** Whether bytes [s, e) of `hay` match a byte-mode matcher. */
function matchBytes(m: Extract<LikeMatcher, { kind: 'bytes' }>, hay: Uint8Array, s: number, e: number): boolean {
  const n = m.needle.length;
  const len = e - s;
  switch (m.mode) {
    case 'all':
      return true;
    case 'eq':
      return len === n && bytesAt(hay, s, m.needle);
    case 'prefix':
      return len >= n && bytesAt(hay, s, m.needle);
    case 'suffix':
      return len >= n && bytesAt(hay, e - n, m.needle);
    case 'contains':
      for (let p = s; p + n <= e; p++) if (bytesAt(hay, p, m.needle)) return true;
      return false;
  }
}

const decoder = new TextDecoder();
const matcherCache = new Map<string, LikeMatcher>();

function matcherFor(pattern: string, escape: string, ci: boolean): LikeMatcher {
  const key = `${ci ? 'i' : 'c'}${escape}\u0000${pattern}`;
  let m = matcherCache.get(key);
  if (!m) {
    m = compileLike(pattern, escape, ci);
    if (matcherCache.size > 1000) matcherCache.clear();
    matcherCache.set(key, m);
  }
  return m;
}

function likeKernel(ci: boolean): ScalarKernel {
  return (args, rt, ctx) =>
    evalScalarOnce(args, rt, ctx, (a, c) => {
      const n = c.rowCount;
      const str = asData(a[0]!, n);
      const escArg = a[2];
      // The escape is a constant in SQL; a column form (after broadcasting) carries it in every row.
      const escValue = escArg === undefined ? '\\' : escArg.kind === 'scalar' ? escArg.value : getter(escArg.data)(0);
      const escape = typeof escValue === 'string' ? escValue : '\\';
      if (Array.from(escape).length !== 1) throw new DeltaSqlError('INVALID_ARGUMENT', `the LIKE escape must be a single character, got '${escape}'`);
      const patArg = a[1]!;
      const off = str.valueOffsets as Int32Array;
      const bytes = str.values as Uint8Array;
      const out = new Uint8Array(bitmapBytes(n));
      const constPattern = patArg.kind === 'scalar' ? patArg.value : undefined;
      const patGet = patArg.kind === 'array' ? getter(patArg.data) : null;
      const valid = andValidity(n, alignedValidity(str), patArg.kind === 'array' ? alignedValidity(patArg.data) : null);
      if (constPattern === null) return makeBoolData(out, new Uint8Array(bitmapBytes(n)), n);
      const fixed = typeof constPattern === 'string' ? matcherFor(constPattern, escape, ci) : null;
      for (let i = 0; i < n; i++) {
        if (valid && !getBit(valid, i)) continue;
        const m = fixed ?? matcherFor(patGet!(i) as string, escape, ci);
        let hit: boolean;
        if (m.kind === 'bytes' && !ci) hit = matchBytes(m, bytes, off[i]!, off[i + 1]!);
        else {
          let s = decoder.decode(bytes.subarray(off[i]!, off[i + 1]!));
          if (ci) s = s.toLowerCase();
          if (m.kind === 'regex') hit = m.re.test(s);
          else {
            const b = encoder.encode(s);
            hit = matchBytes(m, b, 0, b.length);
          }
        }
        if (hit) out[i >> 3]! |= 1 << (i & 7);
      }
      return makeBoolData(out, valid, n);
    });
}

export const LIKE_KERNELS: Readonly<Record<string, ScalarKernel>> = {
  like: likeKernel(false),
  ilike: likeKernel(true),
};
