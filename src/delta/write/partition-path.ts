/**
 * Partition values → log strings and hive-style directory names (PROTOCOL.md "Partition Value
 * Serialization"). null ↦ null in `partitionValues` and `__HIVE_DEFAULT_PARTITION__` in the path;
 * directory names escape the characters Hive escapes; the log `path` is a relative URI.
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../common/errors.js';
import type { DataType } from '../../common/types/data-type.js';
import { isValidAt } from './is-valid-at.js';
import { formatDays, formatMicros } from './temporal-format.js';
import { formatDecimal, readDecimalWords } from './decimal-text.js';

export const HIVE_DEFAULT_PARTITION = '__HIVE_DEFAULT_PARTITION__';

const decoder = new TextDecoder();

/** Characters Hive/Spark escape in partition directory names (control chars plus these). */
const ESCAPED = new Set(['"', '#', '%', "'", '*', '/', ':', '=', '?', '\\', '\u007f', '{', '[', ']', '^']);

export function escapePathName(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || ESCAPED.has(ch)) out += `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

/** URI-quote what a URI path may not hold (as java.net.URI does); non-ASCII stays as it is. */
const URI_QUOTED = new Set([' ', '%', '"', '<', '>', '\\', '^', '`', '{', '|', '}', '#', '?', '[', ']']);

export function toLogPath(relativePath: string): string {
  let out = '';
  for (const ch of relativePath) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f || URI_QUOTED.has(ch)) out += `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

/** Java's Double.toString shape for the common cases: integral values keep a `.0`. */
function formatFloating(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(v) && Math.abs(v) < 1e7) return `${v}.0`;
  return String(v);
}

/** The log string of row `i` of a partition column, or null. Empty strings are null, as in Spark. */
export function partitionValueAt(type: DataType, data: arrow.Data, i: number): string | null {
  if (!isValidAt(data, i)) return null;
  const values = data.values as unknown;
  switch (type.kind) {
    case 'boolean': {
      const bit = data.offset + i;
      return (((values as Uint8Array)[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0 ? 'true' : 'false';
    }
    case 'byte':
    case 'short':
    case 'int':
      return String((values as Int32Array)[i]);
    case 'long':
      return String((values as BigInt64Array)[i]);
    case 'float':
    case 'double':
      return formatFloating((values as Float64Array)[i] ?? 0);
    case 'decimal':
      return formatDecimal(readDecimalWords(values as Uint32Array, i), type.scale);
    case 'date':
      return formatDays((values as Int32Array)[i] ?? 0);
    case 'timestamp':
      return formatMicros((values as BigInt64Array)[i] ?? 0n, 'partition-utc');
    case 'timestamp_ntz':
      return formatMicros((values as BigInt64Array)[i] ?? 0n, 'partition-ntz');
    case 'string':
    case 'binary': {
      const offsets = data.valueOffsets as Int32Array;
      const bytes = (values as Uint8Array).subarray(offsets[i] ?? 0, offsets[i + 1] ?? 0);
      const text = decoder.decode(bytes);
      return text === '' ? null : text;
    }
    default:
      throw new DeltaSqlError('UNSUPPORTED', `partitioning by a ${type.kind} column is not supported`);
  }
}

/** `a=1/b=__HIVE_DEFAULT_PARTITION__/` for the given (physical name, value) pairs. */
export function partitionDirectory(pairs: readonly (readonly [string, string | null])[]): string {
  let dir = '';
  for (const [name, value] of pairs) dir += `${escapePathName(name)}=${value === null ? HIVE_DEFAULT_PARTITION : escapePathName(value)}/`;
  return dir;
}
