/** Type inference for text cells (CSV) and JSON values: int → bigint → double, boolean, date, timestamp, string. */
import type { DataType } from '../../src/common/types/data-type.js';

const INT = /^[+-]?\d+$/;
const DOUBLE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(NaN|Infinity|inf)$/i;
const DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

type Kind = 'null' | 'int' | 'long' | 'double' | 'boolean' | 'date' | 'timestamp' | 'string';

export function cellKind(s: string): Kind {
  if (INT.test(s)) {
    const v = BigInt(s);
    if (v >= -2147483648n && v <= 2147483647n) return 'int';
    if (v >= -(2n ** 63n) && v < 2n ** 63n) return 'long';
    return 'double';
  }
  if (DOUBLE.test(s)) return 'double';
  const l = s.toLowerCase();
  if (l === 'true' || l === 'false') return 'boolean';
  if (DATE.test(s)) return 'date';
  if (TIMESTAMP.test(s)) return 'timestamp';
  return 'string';
}

const NUMERIC: Kind[] = ['int', 'long', 'double'];

export function widenKind(a: Kind, b: Kind): Kind {
  if (a === b || b === 'null') return a;
  if (a === 'null') return b;
  if (NUMERIC.includes(a) && NUMERIC.includes(b)) return NUMERIC[Math.max(NUMERIC.indexOf(a), NUMERIC.indexOf(b))]!;
  if ((a === 'date' && b === 'timestamp') || (a === 'timestamp' && b === 'date')) return 'timestamp';
  return 'string';
}

export function kindType(k: Kind): DataType {
  return { kind: k === 'null' ? 'string' : k };
}

export type { Kind as CellKind };
