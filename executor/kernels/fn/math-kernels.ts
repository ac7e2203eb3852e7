/**
 * Math kernels. Unary double functions run as Float64Array loops; rounding is exact through
 * decimal text (Spark rounds doubles via BigDecimal(Double.toString(x))).
 */
import { DeltaSqlError } from '../../../src/common/errors.js';
import { typeToSql, type DataType } from '../../../src/common/types/data-type.js';
import type { ScalarValue } from '../../../planner/expr/scalar-value.js';
import type { ScalarKernel } from '../../functions/kernel.js';
import { numericNegate } from '../arith.js';
import { decimalNegate } from '../arith-decimal.js';
import { divHalfEven, divHalfUp, fitsPrecision, pow10 } from '../arith-decimal-util.js';
import { overflowError, decimalOverflowError } from '../arith-errors.js';
import { formatDouble } from '../cast-format.js';
import { parseDecimal } from '../cast-parse.js';
import { makeFixedData } from '../make-data.js';
import { asData, combinedValidity, evalScalarOnce, rowwise, scalarOf, valueType } from './columnar.js';
import { MATH_EXTRA_KERNELS } from './math-extra-kernels.js';

function unaryDouble(f: (x: number) => number, nullWhen?: (x: number) => boolean): ScalarKernel {
  if (nullWhen) return rowwise((v) => (nullWhen(v[0] as number) ? null : f(v[0] as number)));
  return (args, rt, ctx) =>
    evalScalarOnce(args, rt, ctx, (a, c) => {
      const d = asData(a[0]!, c.rowCount);
      const v = d.values as Float64Array;
      const out = new Float64Array(c.rowCount);
      for (let i = 0; i < out.length; i++) out[i] = f(v[i]!);
      return makeFixedData(rt, out, combinedValidity([d], c.rowCount), c.rowCount);
    });
}

const abs: ScalarKernel = (args, rt, ctx) =>
  evalScalarOnce(args, rt, ctx, (a, c) => {
    const t = valueType(a[0]!);
    const d = asData(a[0]!, c.rowCount);
    if (t.kind === 'decimal') {
      const out = rowwise((v) => ((v[0] as bigint) < 0n ? -(v[0] as bigint) : v[0]!))([a[0]!], rt, c);
      return asData(out, c.rowCount);
    }
    if (t.kind === 'long' || t.kind === 'interval') {
      const v = d.values as BigInt64Array | Int32Array;
      const out = new (v.constructor as new (n: number) => BigInt64Array | Int32Array)(c.rowCount);
      for (let i = 0; i < out.length; i++) {
        const x = v[i]!;
        if (x === -(2n ** 63n) && c.ansi) throw overflowError('long');
        out[i] = (x < 0 ? -x : x) as never;
      }
      return makeFixedData(rt, out, combinedValidity([d], c.rowCount), c.rowCount);
    }
    const v = d.values as Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
    const out = new (v.constructor as new (n: number) => typeof v)(c.rowCount);
    const min = t.kind === 'int' ? -(2 ** 31) : t.kind === 'short' ? -(2 ** 15) : t.kind === 'byte' ? -128 : -Infinity;
    for (let i = 0; i < out.length; i++) {
      const x = v[i]!;
      if (x === min && c.ansi && min !== -Infinity) throw overflowError(typeToSql(t));
      out[i] = Math.abs(x);
    }
    return makeFixedData(rt, out, combinedValidity([d], c.rowCount), c.rowCount);
  });

/** Round an exact decimal (unscaled, scale) to `d` digits with the given mode. */
function roundUnscaled(v: bigint, scale: number, d: number, even: boolean): bigint {
  if (d >= scale) return v * pow10(d - scale);
  const div = pow10(scale - d);
  return even ? divHalfEven(v, div) : divHalfUp(v, div);
}

function roundValue(v: ScalarValue, t: DataType, d: number, rt: DataType, even: boolean, ansi: boolean): ScalarValue {
  if (v === null) return null;
  if (t.kind === 'decimal' && rt.kind === 'decimal') {
    // d >= 0 rounds to scale min(d, s) = rt.scale; d < 0 rounds to 10^-d units, then back to scale 0.
    const r = roundUnscaled(v as bigint, t.scale, Math.min(d, t.scale), even);
    const scaled = d < 0 ? r * pow10(-d) : r;
    if (!fitsPrecision(scaled, rt.precision)) {
      if (ansi) throw decimalOverflowError(rt);
      return null;
    }
    return scaled;
  }
  if (t.kind === 'float' || t.kind === 'double') {
    const x = v as number;
    if (!Number.isFinite(x)) return x;
    const p = parseDecimal(formatDouble(x).replace('E', 'e'));
    if (typeof p === 'symbol') return x;
    const r = roundUnscaled(p.unscaled, p.scale, d, even);
    const text = d >= 0 ? `${r}e-${d}` : `${r}e${-d}`;
    const out = Number(text);
    return t.kind === 'float' ? Math.fround(out) : out;
  }
  // Integral: rounding to d >= 0 is the identity; negative d rounds to tens, hundreds...
  const big = BigInt(v as number | bigint);
  const r = d >= 0 ? big : roundUnscaled(big, 0, d, even) * pow10(-d);
  const bits = t.kind === 'long' ? 64 : t.kind === 'int' ? 32 : t.kind === 'short' ? 16 : 8;
  if (BigInt.asIntN(bits, r) !== r) {
    if (ansi) throw overflowError(typeToSql(t));
    return bits === 64 ? BigInt.asIntN(64, r) : Number(BigInt.asIntN(bits, r));
  }
  return bits === 64 ? r : Number(r);
}

function roundKernel(even: boolean): ScalarKernel {
  return (args, rt, ctx) => {
    const t = valueType(args[0]!);
    const dArg = args[1];
    const d = dArg === undefined ? 0 : dArg.kind === 'scalar' ? Number(dArg.value) : NaN;
    if (Number.isNaN(d)) throw new DeltaSqlError('INVALID_ARGUMENT', 'round: the scale must be a constant');
    return rowwise((v) => roundValue(v[0]!, t, d, rt, even, ctx.ansi))([args[0]!], rt, ctx);
  };
}

/** ceil/floor to a whole number (or to `scale` digits with the 2-argument form). */
function ceilFloor(up: boolean): ScalarKernel {
  return (args, rt, ctx) => {
    const t = valueType(args[0]!);
    const scale = args[1]?.kind === 'scalar' ? Number(args[1].value) : 0;
    const f = (v: ScalarValue): ScalarValue => {
      if (t.kind === 'decimal') {
        const drop = t.scale - scale;
        if (drop <= 0) return (v as bigint) * pow10(-drop + (rt.kind === 'decimal' ? rt.scale - scale : 0));
        const div = pow10(drop);
        const x = v as bigint;
        let q = x / div;
        const r = x % div;
        if (r !== 0n && (up ? x > 0n : x < 0n)) q += up ? 1n : -1n;
        return scale < 0 ? q * pow10(-scale) : q;
      }
      if (t.kind === 'long' || t.kind === 'byte' || t.kind === 'short' || t.kind === 'int') return BigInt(v as number | bigint);
      const x = up ? Math.ceil(v as number) : Math.floor(v as number);
      if (Number.isNaN(x)) return 0n;
      if (x >= 2 ** 63) return 2n ** 63n - 1n;
      if (x < -(2 ** 63)) return -(2n ** 63n);
      return BigInt(x);
    };
    return rowwise((v) => f(v[0]!))([args[0]!], rt, ctx);
  };
}

const negateKernel: ScalarKernel = (args, rt, ctx) =>
  evalScalarOnce(args, rt, ctx, (a, c) => (rt.kind === 'decimal' ? decimalNegate(rt, a[0]!, c) : numericNegate(rt, a[0]!, c)));

const constant =
  (x: number): ScalarKernel =>
  (_args, rt) =>
    scalarOf(x, rt);

export const MATH_KERNELS: Readonly<Record<string, ScalarKernel>> = {
  abs,
  ceil: ceilFloor(true),
  floor: ceilFloor(false),
  round: roundKernel(false),
  bround: roundKernel(true),
  sqrt: unaryDouble(Math.sqrt),
  cbrt: unaryDouble(Math.cbrt),
  exp: unaryDouble(Math.exp),
  expm1: unaryDouble(Math.expm1),
  ln: unaryDouble(Math.log, (x) => x <= 0),
  log10: unaryDouble(Math.log10, (x) => x <= 0),
  log2: unaryDouble(Math.log2, (x) => x <= 0),
  log1p: unaryDouble(Math.log1p, (x) => x <= -1),
  log: rowwise((v) => {
    if (v.length === 1) return (v[0] as number) <= 0 ? null : Math.log(v[0] as number);
    const [b, x] = v as number[];
    return b! <= 0 || x! <= 0 ? null : Math.log(x!) / Math.log(b!);
  }),
  pow: rowwise((v) => Math.pow(v[0] as number, v[1] as number)),
  sign: unaryDouble((x) => (Number.isNaN(x) ? NaN : x > 0 ? 1 : x < 0 ? -1 : 0)),
  pi: constant(Math.PI),
  e: constant(Math.E),
  degrees: unaryDouble((x) => (x * 180) / Math.PI),
  radians: unaryDouble((x) => (x * Math.PI) / 180),
  sin: unaryDouble(Math.sin),
  cos: unaryDouble(Math.cos),
  tan: unaryDouble(Math.tan),
  asin: unaryDouble(Math.asin),
  acos: unaryDouble(Math.acos),
  atan: unaryDouble(Math.atan),
  sinh: unaryDouble(Math.sinh),
  cosh: unaryDouble(Math.cosh),
  tanh: unaryDouble(Math.tanh),
  asinh: unaryDouble(Math.asinh),
  acosh: unaryDouble(Math.acosh),
  atanh: unaryDouble(Math.atanh),
  cot: unaryDouble((x) => 1 / Math.tan(x)),
  sec: unaryDouble((x) => 1 / Math.cos(x)),
  csc: unaryDouble((x) => 1 / Math.sin(x)),
  rint: unaryDouble((x) => {
    const r = Math.round(x);
    return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
  }),
  atan2: rowwise((v) => Math.atan2(v[0] as number, v[1] as number)),
  hypot: rowwise((v) => Math.hypot(v[0] as number, v[1] as number)),
  isnan: rowwise((v) => typeof v[0] === 'number' && Number.isNaN(v[0]), { nullIntolerant: false }),
  nanvl: rowwise((v) => (Number.isNaN(v[0]) ? v[1]! : v[0]!), { nullIntolerant: false }),
  negate: negateKernel,
  ...MATH_EXTRA_KERNELS,
};

