/**
 * Numeric arithmetic kernels with Spark semantics: integral overflow raises ARITHMETIC_OVERFLOW
 * under ANSI and wraps otherwise; a zero divisor raises DIVIDE_BY_ZERO under ANSI and gives
 * NULL otherwise; `%` takes the dividend's sign (Java), pmod is never negative for positive n.
 * Longs are exact in BigInt64Array (stores wrap modulo 2^64, which is Java's legacy wrap).
 */
import type * as arrow from 'apache-arrow';
import type { DataType } from '../../src/common/types/data-type.js';
import type { ColumnarValue, EvalContext } from '../functions/kernel.js';
import { divideByZeroError, overflowError } from './arith-errors.js';
import { asData, combinedValidity, mutableValidity } from './fn/columnar.js';
import { clearBit, getBit } from './make-data-bitmap.js';
import { makeFixedData } from './make-data.js';

export type NumericOp = 'add' | 'subtract' | 'multiply' | 'divide' | 'div' | 'mod' | 'pmod';

const INT_RANGE: Record<string, [number, number]> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  int: [-2147483648, 2147483647],
};
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

type NumArray = Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

function numberOp(op: NumericOp): (x: number, y: number) => number {
  switch (op) {
    case 'add':
      return (x, y) => x + y;
    case 'subtract':
      return (x, y) => x - y;
    case 'multiply':
      return (x, y) => x * y;
    case 'divide':
      return (x, y) => x / y;
    case 'div':
      return (x, y) => Math.trunc(x / y);
    case 'mod':
      return (x, y) => x % y;
    case 'pmod':
      return (x, y) => {
        const r = x % y;
        return r < 0 ? (r + y) % y : r;
      };
  }
}

function bigOp(op: NumericOp): (x: bigint, y: bigint) => bigint {
  switch (op) {
    case 'add':
      return (x, y) => x + y;
    case 'subtract':
      return (x, y) => x - y;
    case 'multiply':
      return (x, y) => x * y;
    case 'divide':
    case 'div':
      return (x, y) => x / y;
    case 'mod':
      return (x, y) => x % y;
    case 'pmod':
      return (x, y) => {
        const r = x % y;
        return r < 0n ? (r + y) % y : r;
      };
  }
}

const zeroDivides = (op: NumericOp): boolean => op === 'divide' || op === 'div' || op === 'mod' || op === 'pmod';

/** `a op b` where both sides already have the numeric (non-decimal) type `type`. */
export function numericBinary(op: NumericOp, type: DataType, left: ColumnarValue, right: ColumnarValue, ctx: EvalContext): arrow.Data {
  const n = ctx.rowCount;
  const a = asData(left, n);
  const b = asData(right, n);
  const base = combinedValidity([a, b], n);
  let valid: Uint8Array | null = base;
  const nullAt = (i: number): void => {
    if (ctx.ansi) throw divideByZeroError();
    if (valid === base) valid = mutableValidity(base, n);
    clearBit(valid!, i);
  };
  const checkZero = zeroDivides(op);
  if (type.kind === 'long') {
    const av = a.values as BigInt64Array;
    const bv = b.values as BigInt64Array;
    const out = new BigInt64Array(n);
    if (op === 'add' || op === 'subtract' || op === 'multiply') {
      longFastPath(op, av, bv, out, base, ctx.ansi);
      return makeFixedData(type, out, valid, n);
    }
    const f = bigOp(op);
    const checkOverflow = ctx.ansi && op === 'div';
    for (let i = 0; i < n; i++) {
      if (base && !getBit(base, i)) continue;
      const y = bv[i]!;
      if (checkZero && y === 0n) {
        nullAt(i);
        continue;
      }
      const r = f(av[i]!, y);
      if (checkOverflow && (r > LONG_MAX || r < LONG_MIN)) throw overflowError('long', `try_${op}`);
      out[i] = r;
    }
    return makeFixedData(type, out, valid, n);
  }
  const av = a.values as NumArray;
  const bv = b.values as NumArray;
  const out = new (av.constructor as new (n: number) => NumArray)(n);
  const f = numberOp(op);
  const range = INT_RANGE[type.kind];
  const exactInt = range !== undefined;
  const imul = type.kind === 'int' && op === 'multiply';
  for (let i = 0; i < n; i++) {
    if (base && !getBit(base, i)) continue;
    const x = av[i]!;
    const y = bv[i]!;
    if (checkZero && y === 0) {
      nullAt(i);
      continue;
    }
    const r = f(x, y);
    if (exactInt && (r < range[0] || r > range[1])) {
      if (ctx.ansi) throw overflowError(type.kind === 'int' ? 'integer' : type.kind, `try_${op}`);
      out[i] = imul ? Math.imul(x, y) : r;
    } else out[i] = r;
  }
  return makeFixedData(type, out, valid, n);
}

/** Unary minus: integral MIN overflows under ANSI (wraps to itself otherwise). */
export function numericNegate(type: DataType, input: ColumnarValue, ctx: EvalContext): arrow.Data {
  const n = ctx.rowCount;
  const a = asData(input, n);
  const valid = combinedValidity([a], n);
  if (type.kind === 'long') {
    const av = a.values as BigInt64Array;
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) {
      const x = av[i]!;
      if (x === LONG_MIN && ctx.ansi && (!valid || getBit(valid, i))) throw overflowError('long', 'try_subtract');
      out[i] = -x;
    }
    return makeFixedData(type, out, valid, n);
  }
  const av = a.values as NumArray;
  const out = new (av.constructor as new (n: number) => NumArray)(n);
  const range = INT_RANGE[type.kind];
  for (let i = 0; i < n; i++) {
    const x = av[i]!;
    if (range && x === range[0] && ctx.ansi && (!valid || getBit(valid, i))) throw overflowError(type.kind, 'try_subtract');
    out[i] = -x;
  }
  return makeFixedData(type, out, valid, n);
}

const TWO32 = 4294967296;

/**
 * Long add/subtract/multiply. Each value is read as two int32 words; when both operands are
 * small enough that the double result is provably exact (|x|,|y| < 2^52 for +/-, < 2^26 for *),
 * the row is computed in doubles and written back as words; other rows take the BigInt path.
 */
function longFastPath(op: 'add' | 'subtract' | 'multiply', av: BigInt64Array, bv: BigInt64Array, out: BigInt64Array, valid: Uint8Array | null, ansi: boolean): void {
  const a32 = new Int32Array(av.buffer, av.byteOffset, av.length * 2);
  const b32 = new Int32Array(bv.buffer, bv.byteOffset, bv.length * 2);
  const o32 = new Int32Array(out.buffer, out.byteOffset, out.length * 2);
  const limitHi = op === 'multiply' ? 0 : 1 << 20;
  const n = out.length;
  for (let i = 0; i < n; i++) {
    if (valid && !getBit(valid, i)) continue;
    const ahi = a32[2 * i + 1]!;
    const bhi = b32[2 * i + 1]!;
    const alo = a32[2 * i]!;
    const blo = b32[2 * i]!;
    let fast: boolean;
    if (op === 'multiply') fast = (ahi === 0 || ahi === -1) && (bhi === 0 || bhi === -1) && Math.abs(ahi * TWO32 + (alo >>> 0)) < 67108864 && Math.abs(bhi * TWO32 + (blo >>> 0)) < 67108864;
    else fast = ahi < limitHi && ahi >= -limitHi && bhi < limitHi && bhi >= -limitHi;
    if (fast) {
      const x = ahi * TWO32 + (alo >>> 0);
      const y = bhi * TWO32 + (blo >>> 0);
      const r = op === 'add' ? x + y : op === 'subtract' ? x - y : x * y;
      o32[2 * i] = r >>> 0;
      o32[2 * i + 1] = Math.floor(r / TWO32);
      continue;
    }
    const x = av[i]!;
    const y = bv[i]!;
    const r = op === 'add' ? x + y : op === 'subtract' ? x - y : x * y;
    if (ansi && (r > LONG_MAX || r < LONG_MIN)) throw overflowError('long', `try_${op}`);
    out[i] = r;
  }
}
