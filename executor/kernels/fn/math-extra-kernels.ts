/** hex/unhex/bin/conv, width_bucket, factorial, rand/randn, typeof and the try_* arithmetic forms. */
import { typeToSql } from '../../../src/common/types/data-type.js';
import type { ScalarValue } from '../../../planner/expr/scalar-value.js';
import { DeltaSqlError } from '../../../src/common/errors.js';
import type { ColumnarValue, ScalarKernel } from '../../functions/kernel.js';
import { readValue } from '../make-data-read.js';
import { arrayFromValues } from '../make-data-values.js';
import { ARITHMETIC_KERNELS } from '../arith-kernels.js';
import { makeFixedData } from '../make-data.js';
import { allScalar, rowwise, scalarOf, valueType } from './columnar.js';

function hex(v: ScalarValue): string {
  if (typeof v === 'bigint') return BigInt.asUintN(64, v).toString(16).toUpperCase();
  const bytes = typeof v === 'string' ? new TextEncoder().encode(v) : (v as Uint8Array);
  let out = '';
  for (const b of bytes) out += b.toString(16).toUpperCase().padStart(2, '0');
  return out;
}

function unhex(s: string): Uint8Array | null {
  const t = s.length % 2 === 1 ? `0${s}` : s;
  if (!/^[0-9a-fA-F]*$/.test(t)) return null;
  const out = new Uint8Array(t.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(t.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** conv(num, from, to): Spark's NumberConverter (unsigned 64-bit; negative `to` base prints signed). */
function conv(s: string, from: number, to: number): string | null {
  const fb = Math.abs(from);
  const tb = Math.abs(to);
  if (fb < 2 || fb > 36 || tb < 2 || tb > 36) return null;
  let text = s.trim();
  const neg = text.startsWith('-');
  if (neg) text = text.slice(1);
  let v = 0n;
  let any = false;
  for (const ch of text.toLowerCase()) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= fb) break;
    v = BigInt.asUintN(64, v * BigInt(fb) + BigInt(d));
    any = true;
  }
  if (!any) return '0';
  if (neg) v = BigInt.asUintN(64, -v);
  if (to < 0 && BigInt.asIntN(64, v) < 0n) return `-${(-BigInt.asIntN(64, v)).toString(tb).toUpperCase()}`;
  return v.toString(tb).toUpperCase();
}

function widthBucket(v: number, min: number, max: number, n: bigint): bigint | null {
  if (n <= 0n || Number.isNaN(v) || min === max || !Number.isFinite(min) || !Number.isFinite(max)) return null;
  const buckets = Number(n);
  if (min < max) {
    if (v < min) return 0n;
    if (v >= max) return n + 1n;
    return BigInt(Math.floor(((v - min) * buckets) / (max - min)) + 1);
  }
  if (v > min) return 0n;
  if (v <= max) return n + 1n;
  return BigInt(Math.floor(((min - v) * buckets) / (min - max)) + 1);
}

const FACTORIALS: bigint[] = [1n];
for (let i = 1; i <= 20; i++) FACTORIALS.push(FACTORIALS[i - 1]! * BigInt(i));

/** A small seeded generator (xorshift64*); rand(seed) is repeatable, not Spark's exact sequence. */
function generator(seed: bigint): () => number {
  let s = BigInt.asUintN(64, seed ^ 0x5deece66dn) || 1n;
  return () => {
    s ^= s >> 12n;
    s = BigInt.asUintN(64, s ^ (s << 25n));
    s ^= s >> 27n;
    const x = BigInt.asUintN(64, s * 0x2545f4914f6cdd1dn);
    return Number(x >> 11n) / 2 ** 53;
  };
}

function randKernel(normal: boolean): ScalarKernel {
  return (args, rt, ctx) => {
    const seedArg = args[0];
    const seed = seedArg?.kind === 'scalar' && seedArg.value !== null ? BigInt(seedArg.value as bigint) : BigInt(Math.floor(Math.random() * 2 ** 53));
    const next = generator(seed);
    const out = new Float64Array(ctx.rowCount);
    for (let i = 0; i < out.length; i++) {
      if (!normal) out[i] = next();
      else {
        const u = Math.max(next(), Number.EPSILON);
        out[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
      }
    }
    return { kind: 'array', data: makeFixedData(rt, out, null, ctx.rowCount) };
  };
}

/**
 * try_add & co.: the ANSI kernel, and when it raises (overflow, division by zero) the rows are
 * re-run one at a time so only the failing rows become NULL.
 */
function tryForm(op: string): ScalarKernel {
  const k = ARITHMETIC_KERNELS[op]!;
  return (args, rt, ctx) => {
    const ansi = { ...ctx, ansi: true };
    try {
      return k(args, rt, ansi);
    } catch (error) {
      if (!(error instanceof DeltaSqlError) || (error.code !== 'ARITHMETIC_OVERFLOW' && error.code !== 'DIVIDE_BY_ZERO')) throw error;
    }
    const out: ScalarValue[] = [];
    const one = { ...ansi, rowCount: 1 };
    for (let i = 0; i < ctx.rowCount; i++) {
      const row = args.map((a): ColumnarValue => (a.kind === 'scalar' ? a : { kind: 'array', data: a.data.slice(i, 1) }));
      try {
        const r = k(row, rt, one);
        out.push(r.kind === 'scalar' ? r.value : readValue(r.data, 0));
      } catch {
        out.push(null);
      }
    }
    return allScalar(args) ? scalarOf(out[0] ?? null, rt) : { kind: 'array', data: arrayFromValues(rt, out) };
  };
}

export const MATH_EXTRA_KERNELS: Readonly<Record<string, ScalarKernel>> = {
  hex: rowwise((v) => hex(v[0]!)),
  unhex: rowwise((v) => unhex(v[0] as string)),
  bin: rowwise((v) => BigInt.asUintN(64, v[0] as bigint).toString(2)),
  conv: rowwise((v) => conv(v[0] as string, Number(v[1]), Number(v[2]))),
  width_bucket: rowwise((v) => widthBucket(v[0] as number, v[1] as number, v[2] as number, v[3] as bigint)),
  factorial: rowwise((v) => {
    const n = v[0] as number;
    return n < 0 || n > 20 ? null : FACTORIALS[n]!;
  }),
  rand: randKernel(false),
  randn: randKernel(true),
  typeof: (args, rt) => scalarOf(typeToSql(valueType(args[0]!)), rt),
  try_add: tryForm('add'),
  try_subtract: tryForm('subtract'),
  try_multiply: tryForm('multiply'),
  try_divide: tryForm('divide'),
  try_mod: tryForm('mod'),
};
