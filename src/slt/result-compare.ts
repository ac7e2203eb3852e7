/**
 * Sorting, hashing and comparing formatted query results (FORMAT.md §4-§5, §7.1):
 * values are sorted byte-wise, hashed as md5 of each value followed by `\n`, and compared
 * against an expected section written one value per line (SQLite) or one row per line with
 * values joined by a space or a tab (DataFusion, DuckDB).
 */
import { createHash } from 'node:crypto';
import type { SortMode } from './slt-record.js';

export type ResultLayout = 'value' | 'row';

const HASH_LINE = /^(\d+) values hashing to ([0-9a-f]{32})$/;

/** C `strcmp` order: compare the UTF-8 bytes. */
export function byteCompare(a: string, b: string): number {
  // Fast path: for ASCII, UTF-16 code unit order is byte order.
  if (/^[\x00-\x7f]*$/.test(a) && /^[\x00-\x7f]*$/.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function toRows(values: readonly string[], columns: number): string[][] {
  const rows: string[][] = [];
  const width = Math.max(1, columns);
  for (let i = 0; i < values.length; i += width) rows.push(values.slice(i, i + width));
  return rows;
}

function compareRows(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = byteCompare(a[i] ?? '', b[i] ?? '');
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Applies the sort mode to a flat row-major list of formatted values. */
export function sortValues(values: readonly string[], columns: number, mode: SortMode): string[] {
  if (mode === 'valuesort') return [...values].sort(byteCompare);
  if (mode === 'rowsort') return toRows(values, columns).sort(compareRows).flat();
  return [...values];
}

export function md5Digest(values: readonly string[]): string {
  const hash = createHash('md5');
  for (const v of values) hash.update(`${v}\n`, 'utf8');
  return hash.digest('hex');
}

export function hashLine(values: readonly string[]): string {
  return `${values.length} values hashing to ${md5Digest(values)}`;
}

/** The digest an expected section stands for, when it can be known without running the query. */
export function expectedDigest(expected: readonly string[], layout: ResultLayout): string | undefined {
  const hashed = expected.length === 1 ? HASH_LINE.exec(expected[0] ?? '') : null;
  if (hashed) return hashed[2];
  return layout === 'value' ? md5Digest(expected) : undefined;
}

/** `<slt:ignore>` in an expected line matches any text (DataFusion). */
function lineMatches(expected: string, actual: string): boolean {
  if (!expected.includes('<slt:ignore>')) return expected === actual;
  const parts = expected.split('<slt:ignore>').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*')}$`).test(actual);
}

export interface CompareOutcome {
  readonly ok: boolean;
  readonly digest: string;
  /** The actual result rendered the way the expected section is written (for failure reports). */
  readonly actualLines: readonly string[];
}

/**
 * Compares sorted formatted values with an expected section. A single hash line compares by
 * count and digest; otherwise values may be listed one per line or one row per line.
 */
export function compareResult(
  values: readonly string[],
  columns: number,
  expected: readonly string[],
  sort: SortMode,
  threshold: number,
  preferred: ResultLayout,
): CompareOutcome {
  const digest = md5Digest(values);
  const hashed = expected.length === 1 ? HASH_LINE.exec(expected[0] ?? '') : null;
  if (hashed) {
    const ok = Number(hashed[1]) === values.length && hashed[2] === digest;
    return { ok, digest, actualLines: [`${values.length} values hashing to ${digest}`] };
  }
  if (expected.length === values.length && expected.every((e, i) => lineMatches(e, values[i] ?? ''))) {
    return { ok: true, digest, actualLines: [...values] };
  }
  const rows = toRows(values, columns);
  if (expected.length === rows.length && rows.length > 0) {
    const joined = (sep: string): string[] => rows.map((r) => r.join(sep).trimEnd());
    const exp = expected.map((e) => e.trimEnd());
    for (const sep of [' ', '\t']) {
      const act = joined(sep);
      if (exp.every((e, i) => lineMatches(e, act[i] ?? ''))) return { ok: true, digest, actualLines: act };
      if (sort !== 'nosort') {
        const a = [...act].sort(byteCompare);
        const e = [...exp].sort(byteCompare);
        if (e.every((line, i) => lineMatches(line, a[i] ?? ''))) return { ok: true, digest, actualLines: act };
      }
    }
  }
  return { ok: false, digest, actualLines: renderResult(values, columns, threshold, preferred) };
}

/** The expected section `--complete` writes: a hash line above the threshold, else values or rows. */
export function renderResult(values: readonly string[], columns: number, threshold: number, layout: ResultLayout): string[] {
  if (threshold > 0 && values.length > threshold) return [hashLine(values)];
  if (layout === 'value') return [...values];
  return toRows(values, columns).map((r) => r.join(' ').trimEnd());
}
