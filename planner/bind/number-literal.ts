/**
 * Spark's typing of numeric literals: `1` int, too big → bigint → decimal, `1L` bigint,
 * `1S` smallint, `1Y` tinyint, `1.5` decimal(2,1), `1e3` / `1.5D` double, `1.5F` float, `1BD` decimal.
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import { BYTE, DOUBLE, FLOAT, INT, LONG, SHORT, decimal, MAX_DECIMAL_PRECISION } from '../../src/common/types/data-type.js';
import type { NumberLiteral } from '../../grammar/ast/index.js';
import type { LiteralExpr } from '../expr/bound-expr.js';

export interface ParsedDecimal {
  readonly unscaled: bigint;
  readonly precision: number;
  readonly scale: number;
}

/** Exact decimal reading of `digits[.digits][e[+-]digits]`, scale never negative. */
export function parseDecimalText(text: string): ParsedDecimal | undefined {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (m === null) return undefined;
  const intPart = m[1] ?? '';
  const frac = m[2] ?? '';
  if (intPart === '' && frac === '') return undefined;
  let scale = frac.length - Number(m[3] ?? '0');
  let digits = (intPart + frac).replace(/^0+(?=\d)/, '');
  if (scale < 0) {
    digits = digits + '0'.repeat(-scale);
    scale = 0;
  }
  const unscaled = BigInt(digits === '' ? '0' : digits);
  const significant = unscaled === 0n ? 1 : unscaled.toString().length;
  return { unscaled, precision: Math.max(significant, scale), scale };
}

const RANGES: Record<string, readonly [bigint, bigint]> = {
  Y: [-128n, 127n],
  S: [-32768n, 32767n],
  int: [-2147483648n, 2147483647n],
  L: [-9223372036854775808n, 9223372036854775807n],
};

function outOfRange(text: string, typeName: string, lit: NumberLiteral): never {
  throw new DeltaSqlError('INVALID_ARGUMENT', `numeric literal ${text} is outside the range of ${typeName}`, {
    position: lit.span.start,
  });
}

/** Type a numeric literal; `negative` folds a unary minus written before it. */
export function bindNumberLiteral(lit: NumberLiteral, negativeIn: boolean): LiteralExpr {
  // The parser may fold a leading sign into the literal text.
  const signed = /^[+-]/.test(lit.text);
  const negative = signed && lit.text.startsWith('-') ? !negativeIn : negativeIn;
  const text = signed ? lit.text.slice(1) : lit.text;
  const sign = negative ? '-' : '';
  const isIntegral = /^\d+$/.test(text);
  switch (lit.suffix) {
    case 'D':
      return { kind: 'literal', value: Number(sign + text), type: DOUBLE };
    case 'F':
      return { kind: 'literal', value: Math.fround(Number(sign + text)), type: FLOAT };
    case 'Y':
    case 'S':
    case 'L': {
      if (!isIntegral) throw new DeltaSqlError('SYNTAX_ERROR', `invalid ${lit.suffix} literal ${text}`, { position: lit.span.start });
      const v = BigInt(sign + text);
      const [lo, hi] = RANGES[lit.suffix] ?? [0n, 0n];
      if (v < lo || v > hi) outOfRange(sign + text, lit.suffix === 'L' ? 'bigint' : lit.suffix === 'S' ? 'smallint' : 'tinyint', lit);
      if (lit.suffix === 'L') return { kind: 'literal', value: v, type: LONG };
      return { kind: 'literal', value: Number(v), type: lit.suffix === 'S' ? SHORT : BYTE };
    }
    case 'BD':
      return decimalLiteral(text, negative, lit);
    case undefined:
      break;
  }
  if (/[eE]/.test(text)) return { kind: 'literal', value: Number(sign + text), type: DOUBLE };
  if (!isIntegral) return decimalLiteral(text, negative, lit);
  const v = BigInt(sign + text);
  const [ilo, ihi] = RANGES['int'] ?? [0n, 0n];
  if (v >= ilo && v <= ihi) return { kind: 'literal', value: Number(v), type: INT };
  const [llo, lhi] = RANGES['L'] ?? [0n, 0n];
  if (v >= llo && v <= lhi) return { kind: 'literal', value: v, type: LONG };
  return decimalLiteral(text, negative, lit);
}

function decimalLiteral(text: string, negative: boolean, lit: NumberLiteral): LiteralExpr {
  const d = parseDecimalText(text);
  if (d === undefined) throw new DeltaSqlError('SYNTAX_ERROR', `invalid numeric literal ${text}`, { position: lit.span.start });
  if (d.precision > MAX_DECIMAL_PRECISION) {
    throw new DeltaSqlError('INVALID_ARGUMENT', `numeric literal ${text} exceeds the maximum decimal precision 38`, {
      position: lit.span.start,
    });
  }
  return { kind: 'literal', value: negative ? -d.unscaled : d.unscaled, type: decimal(d.precision, d.scale) };
}

/** Spark's number check for `int` typing, exposed for parameters. */
export function typeOfJsNumber(n: number): LiteralExpr {
  if (Number.isInteger(n) && n >= -2147483648 && n <= 2147483647) return { kind: 'literal', value: n, type: INT };
  return { kind: 'literal', value: n, type: DOUBLE };
}
