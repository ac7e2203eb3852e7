/** Query answers as plain rows, normalized the same way for both engines, and compared. */
import * as arrow from 'apache-arrow';

export type Value = number | string | boolean | null;
export type Row = Value[];

/** Numeric text (decimals, big integers, two-digit country codes) compares as a number on both sides. */
export function normalize(value: Value): Value {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

function isoDate(daysSinceEpoch: number): string {
  return new Date(daysSinceEpoch * 86_400_000).toISOString().slice(0, 10);
}

function decimalAt(words: Uint32Array, i: number, scale: number): number {
  let v = 0n;
  for (let w = 3; w >= 0; w--) v = (v << 32n) | BigInt(words[i * 4 + w] ?? 0);
  return Number(BigInt.asIntN(128, v)) / 10 ** scale;
}

/** Column values of an Arrow vector as plain values (results are small: clarity over speed). */
function columnOf(vector: arrow.Vector): Value[] {
  const out: Value[] = [];
  for (const data of vector.data) {
    const type = data.type as arrow.DataType;
    for (let i = 0; i < data.length; i++) {
      if (!data.getValid(i)) {
        out.push(null);
        continue;
      }
      const at = data.offset + i;
      if (arrow.DataType.isDecimal(type)) out.push(decimalAt(data.values as Uint32Array, at, type.scale));
      else if (arrow.DataType.isDate(type) && type.unit === arrow.DateUnit.DAY) out.push(isoDate((data.values as Int32Array)[at] as number));
      else if (arrow.DataType.isInt(type) && type.bitWidth === 64) out.push(Number((data.values as BigInt64Array)[at]));
      else {
        const v: unknown = new arrow.Vector([data]).get(i);
        out.push(typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : String(v));
      }
    }
  }
  return out;
}

/** Per column, the rounding a result type allows: half a unit in the last place of a decimal, else 0. */
export function roundingOf(table: arrow.Table): number[] {
  return table.schema.fields.map((f) => (arrow.DataType.isDecimal(f.type) ? 0.5 * 10 ** -f.type.scale : 0));
}

/** An Arrow table as normalized rows. */
export function rowsOfTable(table: arrow.Table): Row[] {
  const columns = table.schema.fields.map((_, c) => columnOf(table.getChildAt(c) as arrow.Vector));
  return Array.from({ length: table.numRows }, (_, r) => columns.map((col) => normalize(col[r] ?? null)));
}

function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

const sortRows = (rows: readonly Row[]): Row[] =>
  [...rows].sort((x, y) => {
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      const c = compareValues(x[i] ?? null, y[i] ?? null);
      if (c !== 0) return c;
    }
    return 0;
  });

function close(a: Value, b: Value, tolerance: number, absolute: number): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    const diff = Math.abs(a - b);
    return diff <= absolute * (1 + 1e-9) || diff <= tolerance * Math.max(Math.abs(a), Math.abs(b), 1e-9);
  }
  return a === b;
}

/**
 * Same answer up to row order and a relative numeric tolerance (plus, per column of `got`, the
 * rounding its type allows: Spark's avg of a decimal is a decimal of scale 6, DuckDB's a double);
 * the reason when not.
 */
export function compareAnswers(got: readonly Row[], want: readonly Row[], tolerance = 1e-6, absolute: readonly number[] = []): string | undefined {
  if (got.length !== want.length) return `${got.length} rows, expected ${want.length}`;
  const a = sortRows(got);
  const b = sortRows(want);
  for (let r = 0; r < a.length; r++) {
    const x = a[r] as Row;
    const y = b[r] as Row;
    if (x.length !== y.length) return `row ${r}: ${x.length} columns, expected ${y.length}`;
    for (let c = 0; c < x.length; c++) {
      if (!close(x[c] ?? null, y[c] ?? null, tolerance, absolute[c] ?? 0)) return `row ${r} column ${c}: ${String(x[c])}, expected ${String(y[c])}`;
    }
  }
  return undefined;
}
