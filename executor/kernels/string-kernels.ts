/**
 * String function kernels. Length-like functions work on UTF-8 bytes directly; the rest decode
 * per row (their per-row work dominates) through `rowwise`.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../src/common/errors.js';
import type { ScalarValue } from '../../planner/expr/scalar-value.js';
import type { ScalarKernel } from '../functions/kernel.js';
import { valueToString } from './cast-format.js';
import { asData, evalScalarOnce, rowwise, valueType } from './fn/columnar.js';
import { alignedValidity } from './make-data-bitmap.js';
import { makeFixedData } from './make-data.js';
import { formatNumber, formatString } from './string-format.js';
import { LIKE_KERNELS } from './string-like.js';
import { compileJavaRegex, allMatches, javaSplit, regexFind, regexpExtract, regexpExtractAll, regexpReplace } from './string-regex.js';
import { charLength, codePoints, indexOfChars, initcap, pad, soundex, substringSql, translate, trimChars } from './string-text.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const str = (v: ScalarValue | undefined): string => v as string;
const num = (v: ScalarValue | undefined): number => Number(v);

/** length / octet_length / bit_length over raw bytes: characters are bytes that are not UTF-8 continuations. */
function byteLength(mode: 'chars' | 'bytes' | 'bits'): ScalarKernel {
  return (args, rt, ctx) =>
    evalScalarOnce(args, rt, ctx, (a, c) => {
      const d = asData(a[0]!, c.rowCount);
      const off = d.valueOffsets as Int32Array;
      const bytes = d.values as Uint8Array;
      const n = c.rowCount;
      const out = new Int32Array(n);
      const chars = mode === 'chars' && d.typeId === arrow.Type.Utf8;
      for (let i = 0; i < n; i++) {
        const s = off[i]!;
        const e = off[i + 1]!;
        if (chars) {
          let k = 0;
          for (let p = s; p < e; p++) if ((bytes[p]! & 0xc0) !== 0x80) k++;
          out[i] = k;
        } else out[i] = mode === 'bits' ? (e - s) * 8 : e - s;
      }
      const valid = alignedValidity(d);
      return makeFixedData(rt, out, valid ? valid.slice() : null, n);
    });
}

const concat: ScalarKernel = (args, rt, ctx) => {
  if (rt.kind === 'array') return rowwise((v) => v.flatMap((x) => x as ScalarValue[]))(args, rt, ctx);
  if (rt.kind === 'binary')
    return rowwise((v) => {
      const parts = v as Uint8Array[];
      const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
      let o = 0;
      for (const p of parts) {
        out.set(p, o);
        o += p.length;
      }
      return out;
    })(args, rt, ctx);
  return rowwise((v) => v.join(''))(args, rt, ctx);
};

const concatWs = rowwise(
  (v) => {
    if (v[0] === null) return null;
    const parts: string[] = [];
    for (const x of v.slice(1)) {
      if (x === null) continue;
      if (Array.isArray(x)) for (const e of x as ScalarValue[]) if (e !== null) parts.push(e as string);
      if (typeof x === 'string') parts.push(x);
    }
    return parts.join(str(v[0]));
  },
  { nullIntolerant: false },
);

function splitPart(s: string, delim: string, part: number): string {
  if (part === 0) throw new DeltaSqlError('INVALID_ARGUMENT', 'split_part: the part number must not be 0');
  const parts = delim === '' ? [s] : s.split(delim);
  const idx = part > 0 ? part - 1 : parts.length + part;
  return parts[idx] ?? '';
}

function chr(n: number): string {
  if (n < 0) return '';
  return String.fromCharCode(n % 256);
}

function charsetOf(name: string): string {
  const cs = name.toLowerCase().replace(/[-_]/g, '');
  if (cs === 'utf8') return 'utf8';
  if (cs === 'usascii' || cs === 'ascii') return 'ascii';
  if (cs === 'iso88591' || cs === 'latin1') return 'latin1';
  if (cs === 'utf16le') return 'utf16le';
  throw new DeltaSqlError('INVALID_ARGUMENT', `unsupported character set '${name}'`);
}

function encode(s: string, charset: string): Uint8Array {
  const cs = charsetOf(charset);
  if (cs === 'utf8') return encoder.encode(s);
  if (cs === 'utf16le') return new Uint8Array(Buffer.from(s, 'utf16le'));
  return Uint8Array.from(s, (ch) => {
    const c = ch.charCodeAt(0);
    return c < (cs === 'ascii' ? 128 : 256) ? c : 63;
  });
}

function decode(b: Uint8Array, charset: string): string {
  const cs = charsetOf(charset);
  if (cs === 'utf8') return decoder.decode(b);
  return Buffer.from(b).toString(cs === 'ascii' ? 'ascii' : cs === 'utf16le' ? 'utf16le' : 'latin1');
}

function unbase64(s: string): Uint8Array | null {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new DeltaSqlError('INVALID_ARGUMENT', `'${s}' is not a valid base64 string`);
  return new Uint8Array(Buffer.from(clean, 'base64'));
}

const regexCount = (s: string, p: string): number => allMatches(compileJavaRegex(p), s).length;

export const STRING_KERNELS: Readonly<Record<string, ScalarKernel>> = {
  ...LIKE_KERNELS,
  rlike: rowwise((v) => regexFind(compileJavaRegex(str(v[1])), str(v[0])) !== null),
  concat,
  concat_ws: concatWs,
  length: byteLength('chars'),
  octet_length: byteLength('bytes'),
  bit_length: byteLength('bits'),
  upper: rowwise((v) => str(v[0]).toUpperCase()),
  lower: rowwise((v) => str(v[0]).toLowerCase()),
  trim: rowwise((v) => trimChars(str(v[0]), v[1] as string | undefined, true, true)),
  btrim: rowwise((v) => trimChars(str(v[0]), v[1] as string | undefined, true, true)),
  ltrim: rowwise((v) => trimChars(str(v[0]), v[1] as string | undefined, true, false)),
  rtrim: rowwise((v) => trimChars(str(v[0]), v[1] as string | undefined, false, true)),
  lpad: rowwise((v) => pad(str(v[0]), num(v[1]), (v[2] as string | undefined) ?? ' ', true)),
  rpad: rowwise((v) => pad(str(v[0]), num(v[1]), (v[2] as string | undefined) ?? ' ', false)),
  substring: rowwise((v) => substringSql(str(v[0]), num(v[1]), v[2] === undefined ? undefined : num(v[2]))),
  left: rowwise((v) => (num(v[1]) <= 0 ? '' : substringSql(str(v[0]), 1, num(v[1])))),
  right: rowwise((v) => (num(v[1]) <= 0 ? '' : substringSql(str(v[0]), -num(v[1]), num(v[1])))),
  replace: rowwise((v) => {
    const search = str(v[1]);
    return search === '' ? str(v[0]) : str(v[0]).split(search).join((v[2] as string | undefined) ?? '');
  }),
  translate: rowwise((v) => translate(str(v[0]), str(v[1]), str(v[2]))),
  instr: rowwise((v) => indexOfChars(str(v[0]), str(v[1]))),
  locate: rowwise((v) => {
    const pos = v[2] === undefined ? 1 : num(v[2]);
    return pos < 1 ? 0 : indexOfChars(str(v[1]), str(v[0]), pos - 1);
  }),
  split: rowwise((v) => javaSplit(str(v[0]), str(v[1]), v[2] === undefined ? -1 : num(v[2]))),
  split_part: rowwise((v) => splitPart(str(v[0]), str(v[1]), num(v[2]))),
  reverse: rowwise((v) => (Array.isArray(v[0]) ? [...(v[0] as ScalarValue[])].reverse() : codePoints(str(v[0])).reverse().join(''))),
  repeat: rowwise((v) => str(v[0]).repeat(Math.max(0, num(v[1])))),
  initcap: rowwise((v) => initcap(str(v[0]))),
  ascii: rowwise((v) => str(v[0]).codePointAt(0) ?? 0),
  chr: rowwise((v) => chr(num(v[0]))),
  regexp_extract: rowwise((v) => regexpExtract(str(v[0]), str(v[1]), v[2] === undefined ? 1 : num(v[2]))),
  regexp_extract_all: rowwise((v) => regexpExtractAll(str(v[0]), str(v[1]), v[2] === undefined ? 1 : num(v[2]))),
  regexp_replace: rowwise((v) => regexpReplace(str(v[0]), str(v[1]), str(v[2]), v[3] === undefined ? 1 : num(v[3]))),
  regexp_count: rowwise((v) => regexCount(str(v[0]), str(v[1]))),
  regexp_substr: rowwise((v) => regexFind(compileJavaRegex(str(v[1])), str(v[0]))?.[0] ?? null),
  regexp_instr: rowwise((v) => {
    const m = regexFind(compileJavaRegex(str(v[1])), str(v[0]));
    return m ? charLength(str(v[0]).slice(0, m.index)) + 1 : 0;
  }),
  format_string: (args, rt, ctx) => {
    const types = args.map(valueType);
    return rowwise((v) => (v[0] === null ? null : formatString(str(v[0]), v.slice(1), types.slice(1), ctx.timeZone)), { nullIntolerant: false })(args, rt, ctx);
  },
  format_number: (args, rt, ctx) => {
    const t = valueType(args[0]!);
    return rowwise((v) => formatNumber(v[0]!, t, num(v[1])))(args, rt, ctx);
  },
  startswith: rowwise((v) => str(v[0]).startsWith(str(v[1]))),
  endswith: rowwise((v) => str(v[0]).endsWith(str(v[1]))),
  contains: rowwise((v) => str(v[0]).includes(str(v[1]))),
  base64: rowwise((v) => Buffer.from(v[0] as Uint8Array).toString('base64')),
  unbase64: rowwise((v) => unbase64(str(v[0]))),
  encode: rowwise((v) => encode(str(v[0]), str(v[1]))),
  decode: rowwise((v) => decode(v[0] as Uint8Array, str(v[1]))),
  soundex: rowwise((v) => soundex(str(v[0]))),
  space: rowwise((v) => ' '.repeat(Math.max(0, num(v[0])))),
  string: (args, rt, ctx) => {
    const t = valueType(args[0]!);
    return rowwise((v) => valueToString(v[0]!, t, ctx.timeZone))(args, rt, ctx);
  },
};
