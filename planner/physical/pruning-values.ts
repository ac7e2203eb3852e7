/**
 * Values pruning compares: literals, Delta stats (JSON) and partition values (strings) brought
 * to one comparable form. Numbers compare exactly (bigint with a scale) where possible; strings
 * compare as UTF-8 bytes (Spark's order). Lossy readings return undefined (= unknown bound).
 */
import type { DataType } from '../../src/common/types/data-type.js';
import type { ScalarValue } from '../expr/scalar-value.js';
import { parseDecimalText } from '../bind/number-literal.js';
import { parseDateText, parseTimestampLtz, parseTimestampNtz } from '../bind/temporal-literal.js';

export type Comparable =
  | { readonly kind: 'exact'; readonly v: bigint; readonly scale: number }
  | { readonly kind: 'float'; readonly v: number }
  | { readonly kind: 'string'; readonly v: string }
  | { readonly kind: 'bool'; readonly v: number };

/** Delta truncates string stats; a max this long may be a truncated prefix, so it bounds nothing. */
const STRING_STATS_PREFIX = 32;

function utf8Compare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function compareValues(a: Comparable, b: Comparable): number {
  if (a.kind === 'string' || b.kind === 'string') {
    if (a.kind !== 'string' || b.kind !== 'string') return NaN;
    return utf8Compare(a.v, b.v);
  }
  if (a.kind === 'exact' && b.kind === 'exact') {
    const s = Math.max(a.scale, b.scale);
    const x = a.v * 10n ** BigInt(s - a.scale);
    const y = b.v * 10n ** BigInt(s - b.scale);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const num = (c: Comparable): number => (c.kind === 'exact' ? Number(c.v) / 10 ** c.scale : (c.v as number));
  const x = num(a);
  const y = num(b);
  return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
}

export function fromLiteral(value: ScalarValue, type: DataType): Comparable | undefined {
  if (value === null) return undefined;
  switch (type.kind) {
    case 'byte':
    case 'short':
    case 'int':
    case 'long':
    case 'date':
    case 'timestamp':
    case 'timestamp_ntz':
      return typeof value === 'number' || typeof value === 'bigint' ? { kind: 'exact', v: BigInt(value), scale: 0 } : undefined;
    case 'decimal':
      return typeof value === 'bigint' ? { kind: 'exact', v: value, scale: type.scale } : undefined;
    case 'float':
    case 'double':
      return typeof value === 'number' && !Number.isNaN(value) ? { kind: 'float', v: value } : undefined;
    case 'string':
      return typeof value === 'string' ? { kind: 'string', v: value } : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? { kind: 'bool', v: value ? 1 : 0 } : undefined;
    default:
      return undefined;
  }
}

/** A stats min/max value (parsed JSON) of a column of `type`. */
export function fromStatValue(raw: unknown, type: DataType, side: 'min' | 'max'): Comparable | undefined {
  if (raw === undefined || raw === null) return undefined;
  switch (type.kind) {
    case 'byte':
    case 'short':
    case 'int':
    case 'long':
      if (typeof raw === 'number' && Number.isSafeInteger(raw)) return { kind: 'exact', v: BigInt(raw), scale: 0 };
      if (typeof raw === 'string' && /^-?\d+$/.test(raw)) return { kind: 'exact', v: BigInt(raw), scale: 0 };
      if (typeof raw === 'bigint') return { kind: 'exact', v: raw, scale: 0 };
      return undefined;
    case 'float':
    case 'double':
      return typeof raw === 'number' && !Number.isNaN(raw) ? { kind: 'float', v: raw } : undefined;
    case 'decimal': {
      if (typeof raw === 'string') {
        const neg = raw.startsWith('-');
        const d = parseDecimalText(neg ? raw.slice(1) : raw);
        return d === undefined ? undefined : { kind: 'exact', v: neg ? -d.unscaled : d.unscaled, scale: d.scale };
      }
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return undefined;
      // JSON numbers may have lost digits: only trust values a double holds exactly at this scale.
      const scaled = raw * 10 ** type.scale;
      const rounded = Math.round(scaled);
      if (!Number.isSafeInteger(rounded) || Math.abs(scaled - rounded) > 1e-6 || type.scale > 15) return undefined;
      return { kind: 'exact', v: BigInt(rounded), scale: type.scale };
    }
    case 'string':
      if (typeof raw !== 'string') return undefined;
      if (side === 'max' && [...raw].length >= STRING_STATS_PREFIX) return undefined;
      return { kind: 'string', v: raw };
    case 'date': {
      const d = typeof raw === 'string' ? parseDateText(raw) : undefined;
      return d === undefined ? undefined : { kind: 'exact', v: BigInt(d), scale: 0 };
    }
    case 'timestamp':
    case 'timestamp_ntz': {
      if (typeof raw !== 'string') return undefined;
      const us = type.kind === 'timestamp' ? parseTimestampLtz(raw, 'UTC') : parseTimestampNtz(raw.replace(/Z$/, ''));
      if (us === undefined) return undefined;
      // Stats are written at millisecond precision, truncated: widen the max by the lost microseconds.
      return { kind: 'exact', v: side === 'max' ? us + 999n : us, scale: 0 };
    }
    case 'boolean':
      return typeof raw === 'boolean' ? { kind: 'bool', v: raw ? 1 : 0 } : undefined;
    default:
      return undefined;
  }
}

/** A partition value (Delta's string form) of a column of `type`. */
export function fromPartitionValue(raw: string, type: DataType): Comparable | undefined {
  switch (type.kind) {
    case 'byte':
    case 'short':
    case 'int':
    case 'long':
      return /^-?\d+$/.test(raw.trim()) ? { kind: 'exact', v: BigInt(raw.trim()), scale: 0 } : undefined;
    case 'float':
    case 'double': {
      const n = Number(raw);
      return Number.isNaN(n) ? undefined : { kind: 'float', v: n };
    }
    case 'decimal':
      return fromStatValue(raw, type, 'min');
    case 'string':
      return { kind: 'string', v: raw };
    case 'date': {
      const d = parseDateText(raw);
      return d === undefined ? undefined : { kind: 'exact', v: BigInt(d), scale: 0 };
    }
    case 'timestamp': {
      // Only zone-explicit values: a bare wall-clock string's zone depends on the writer.
      if (!/(Z|[+-]\d{2}:?\d{2})$/.test(raw.trim())) return undefined;
      const us = parseTimestampLtz(raw, 'UTC');
      return us === undefined ? undefined : { kind: 'exact', v: us, scale: 0 };
    }
    case 'timestamp_ntz': {
      const us = parseTimestampNtz(raw);
      return us === undefined ? undefined : { kind: 'exact', v: us, scale: 0 };
    }
    case 'boolean':
      return raw === 'true' ? { kind: 'bool', v: 1 } : raw === 'false' ? { kind: 'bool', v: 0 } : undefined;
    default:
      return undefined;
  }
}
