/**
 * Decimal arithmetic, exact on bigint unscaled values, rounding HALF_UP to the result scale
 * DecimalPrecision chose. A result that does not fit the result precision raises
 * ARITHMETIC_OVERFLOW under ANSI and is NULL otherwise (Spark's changePrecision).
 */
import type * as arrow from 'apache-arrow';
import { invariant } from '../../src/common/errors.js';
import type { DataType, DecimalType } from '../../src/common/types/data-type.js';
import type { ColumnarValue, EvalContext } from '../functions/kernel.js';
import { decimalOverflowError, divideByZeroError, overflowError } from './arith-errors.js';
import { divHalfUp, fitsPrecision, pow10, rescale } from './arith-decimal-util.js';
import type { NumericOp } from './arith.js';
import { asData, combinedValidity, mutableValidity } from './fn/columnar.js';
import { clearBit, getBit } from './make-data-bitmap.js';
import { decimalAt, makeDecimalData, makeFixedData } from './make-data.js';

const MAX_SCALE = 38;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/**
 * One decimal operation on unscaled values; returns the unscaled result in `out.scale`
 * (or the long quotient for `div`), or null for a zero divisor.
 */
export function decimalOp(op: NumericOp, x: bigint, a: DecimalType, y: bigint, b: DecimalType, out: DecimalType | null): bigint | null {
  const s = Math.max(a.scale, b.scale);
  switch (op) {
    case 'add':
    case 'subtract': {
      const xa = x * pow10(s - a.scale);
      const yb = y * pow10(s - b.scale);
      return rescale(op === 'add' ? xa + yb : xa - yb, s, out!.scale);
    }
    case 'multiply':
      return rescale(x * y, a.scale + b.scale, out!.scale);
    case 'divide': {
      if (y === 0n) return null;
      // Spark divides at scale 38 (HALF_UP), then rounds to the result scale.
      const k = MAX_SCALE - a.scale + b.scale;
      const q = k >= 0 ? divHalfUp(x * pow10(k), y) : divHalfUp(x, y * pow10(-k));
      return rescale(q, MAX_SCALE, out!.scale);
    }
    case 'div': {
      if (y === 0n) return null;
      return (x * pow10(s - a.scale)) / (y * pow10(s - b.scale));
    }
    case 'mod':
    case 'pmod': {
      if (y === 0n) return null;
      const xa = x * pow10(s - a.scale);
      const yb = y * pow10(s - b.scale);
      let r = xa % yb;
      if (op === 'pmod' && r < 0n) r = (r + yb) % yb;
      return rescale(r, s, out!.scale);
    }
  }
}

/** `a op b` over two decimal columns (types `at`, `bt`), result `resultType` (decimal, or long for div). */
export function decimalBinary(
  op: NumericOp,
  at: DecimalType,
  bt: DecimalType,
  resultType: DataType,
  left: ColumnarValue,
  right: ColumnarValue,
  ctx: EvalContext,
): arrow.Data {
  const n = ctx.rowCount;
  const a = asData(left, n);
  const b = asData(right, n);
  const base = combinedValidity([a, b], n);
  let valid = base;
  const aw = a.values as Uint32Array;
  const bw = b.values as Uint32Array;
  const isDiv = op === 'div';
  invariant(isDiv ? resultType.kind === 'long' : resultType.kind === 'decimal', 'decimal arithmetic result type');
  const out = isDiv ? new BigInt64Array(n) : new Array<bigint>(n).fill(0n);
  const rt = resultType.kind === 'decimal' ? resultType : null;
  for (let i = 0; i < n; i++) {
    if (base && !getBit(base, i)) continue;
    const r = decimalOp(op, decimalAt(aw, i), at, decimalAt(bw, i), bt, rt);
    let bad: 'zero' | 'overflow' | null = null;
    if (r === null) bad = 'zero';
    else if (rt ? !fitsPrecision(r, rt.precision) : r > LONG_MAX || r < LONG_MIN) bad = 'overflow';
    if (bad) {
      if (ctx.ansi) throw bad === 'zero' ? divideByZeroError() : rt ? decimalOverflowError(rt) : overflowError('long');
      if (valid === base) valid = mutableValidity(base, n);
      clearBit(valid!, i);
      continue;
    }
    out[i] = r!;
  }
  return isDiv ? makeFixedData(resultType, out as BigInt64Array, valid, n) : makeDecimalData(rt!, out as bigint[], valid, n);
}

/** Unary minus on decimals (never overflows: the type is symmetric). */
export function decimalNegate(type: DecimalType, input: ColumnarValue, ctx: EvalContext): arrow.Data {
  const n = ctx.rowCount;
  const a = asData(input, n);
  const w = a.values as Uint32Array;
  const out = new Array<bigint>(n);
  for (let i = 0; i < n; i++) out[i] = -decimalAt(w, i);
  return makeDecimalData(type, out, combinedValidity([a], n), n);
}
