/** Literal AST nodes → typed LiteralExprs (Spark literal typing). */
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import { BINARY, BOOLEAN, DATE, NULL, STRING, TIMESTAMP, TIMESTAMP_NTZ } from '../../src/common/types/data-type.js';
import type { IntervalLiteral, IntervalUnit, Literal } from '../../grammar/ast/index.js';
import type { LiteralExpr } from '../expr/bound-expr.js';
import { bindNumberLiteral } from './number-literal.js';
import { parseDateText, parseTimestampLtz, parseTimestampNtz } from './temporal-literal.js';

export function bindLiteral(lit: Literal, timeZone: string, negative = false): LiteralExpr {
  switch (lit.kind) {
    case 'number':
      return bindNumberLiteral(lit, negative);
    case 'string':
      return { kind: 'literal', value: lit.value, type: STRING };
    case 'boolean':
      return { kind: 'literal', value: lit.value, type: BOOLEAN };
    case 'null':
      return { kind: 'literal', value: null, type: NULL };
    case 'binaryLiteral': {
      const hex = lit.hex.length % 2 === 1 ? '0' + lit.hex : lit.hex;
      const bytes = new Uint8Array(hex.length / 2);
      for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
      return { kind: 'literal', value: bytes, type: BINARY };
    }
    case 'typedLiteral': {
      const bad = (): never => {
        throw new DeltaSqlError('INVALID_ARGUMENT', `cannot parse the ${lit.type.toUpperCase()} literal '${lit.value}'`, {
          position: lit.span.start,
        });
      };
      if (lit.type === 'date') return { kind: 'literal', value: parseDateText(lit.value) ?? bad(), type: DATE };
      if (lit.type === 'timestamp_ntz') return { kind: 'literal', value: parseTimestampNtz(lit.value) ?? bad(), type: TIMESTAMP_NTZ };
      return { kind: 'literal', value: parseTimestampLtz(lit.value, timeZone) ?? bad(), type: TIMESTAMP };
    }
    case 'interval':
      return bindInterval(lit);
  }
}

const MICROS: Partial<Record<IntervalUnit, number>> = {
  week: 7 * 86_400e6,
  day: 86_400e6,
  hour: 3_600e6,
  minute: 60e6,
  second: 1e6,
  millisecond: 1e3,
  microsecond: 1,
};

function scaled(value: string, unitMicros: number, lit: IntervalLiteral): bigint {
  const m = /^\s*([+-])?(\d+)(?:\.(\d+))?\s*$/.exec(value);
  if (m === null) throw new DeltaSqlError('INVALID_ARGUMENT', `invalid interval value '${value}'`, { position: lit.span.start });
  const whole = BigInt(m[2] ?? '0') * BigInt(unitMicros);
  const fracDigits = m[3] ?? '';
  const frac = fracDigits === '' ? 0n : (BigInt(fracDigits) * BigInt(unitMicros)) / 10n ** BigInt(fracDigits.length);
  const v = whole + frac;
  return m[1] === '-' ? -v : v;
}

/** `INTERVAL …` → interval year_month (months) or day_time (µs); mixing the two is not an ANSI interval. */
function bindInterval(lit: IntervalLiteral): LiteralExpr {
  let months = 0;
  let micros = 0n;
  let ym = false;
  let dt = false;
  const parts = lit.parts.flatMap((p) => {
    if (p.unit !== undefined) return [p];
    // A whole interval string: '1 day 2 hours'.
    const words = p.value.trim().split(/\s+/);
    const out: { value: string; negative: boolean; unit: IntervalUnit; quoted: boolean }[] = [];
    for (let i = 0; i + 1 < words.length; i += 2) {
      const unit = normalizeUnit(words[i + 1] ?? '');
      if (unit === undefined) unsupported(`interval string '${p.value}'`);
      out.push({ value: words[i] ?? '', negative: p.negative, unit, quoted: false });
    }
    if (words.length % 2 === 1 || out.length === 0) unsupported(`interval string '${p.value}'`);
    return out;
  });
  for (const p of parts) {
    const unit = p.unit as IntervalUnit;
    const sign = p.negative ? -1 : 1;
    if (p.toUnit !== undefined) {
      if (unit === 'year' && p.toUnit === 'month') {
        const m = /^\s*([+-])?(\d+)-(\d+)\s*$/.exec(p.value);
        if (m === null) throw new DeltaSqlError('INVALID_ARGUMENT', `invalid year-month interval '${p.value}'`, { position: lit.span.start });
        const v = (Number(m[2]) * 12 + Number(m[3])) * (m[1] === '-' ? -1 : 1);
        months += sign * v;
        ym = true;
        continue;
      }
      micros += BigInt(sign) * dayTimeRange(p.value, unit, p.toUnit, lit);
      dt = true;
      continue;
    }
    if (unit === 'year' || unit === 'month') {
      const n = Number(p.value);
      if (!Number.isInteger(n)) throw new DeltaSqlError('INVALID_ARGUMENT', `invalid interval value '${p.value}'`, { position: lit.span.start });
      months += sign * n * (unit === 'year' ? 12 : 1);
      ym = true;
    } else {
      micros += BigInt(sign) * scaled(p.value, MICROS[unit] ?? 1, lit);
      dt = true;
    }
  }
  if (ym && dt) unsupported('an interval mixing year-month and day-time units', { position: lit.span.start });
  if (ym) return { kind: 'literal', value: months, type: { kind: 'interval', unit: 'year_month' } };
  return { kind: 'literal', value: micros, type: { kind: 'interval', unit: 'day_time' } };
}

function normalizeUnit(word: string): IntervalUnit | undefined {
  const w = word.toLowerCase().replace(/s$/, '');
  const all: IntervalUnit[] = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'millisecond', 'microsecond'];
  return all.find((u) => u === w);
}

/** `'d h:m:s.f'` style values for DAY TO SECOND and its sub-ranges. */
function dayTimeRange(value: string, from: IntervalUnit, to: IntervalUnit, lit: IntervalLiteral): bigint {
  const order: IntervalUnit[] = ['day', 'hour', 'minute', 'second'];
  const i0 = order.indexOf(from);
  const i1 = order.indexOf(to);
  if (i0 < 0 || i1 <= i0) unsupported(`INTERVAL ${from} TO ${to}`, { position: lit.span.start });
  const m = /^\s*([+-])?(.*)$/.exec(value);
  const body = (m?.[2] ?? '').trim();
  const fields = body.split(/[\s:]+/);
  const units = order.slice(i0, i1 + 1);
  if (fields.length !== units.length) {
    throw new DeltaSqlError('INVALID_ARGUMENT', `invalid ${from} to ${to} interval '${value}'`, { position: lit.span.start });
  }
  let total = 0n;
  units.forEach((u, i) => (total += scaled(fields[i] ?? '0', MICROS[u] ?? 1, lit)));
  return m?.[1] === '-' ? -total : total;
}
