/**
 * sqllogictest value formatting. Two styles:
 * - `sqlite` (FORMAT.md §3): the column's type letter decides the text (`I` truncates toward
 *   zero, `R` is SQLite's `%.3f`, `T` is text with bytes outside 0x20-0x7E as `@`);
 * - `datafusion` (FORMAT.md §7.1): the value's own type decides (floats rounded to 12 places,
 *   booleans `true`/`false`, Arrow display for dates, timestamps and nested values).
 * Both print NULL as `NULL`.
 */
import type { Cell } from './arrow-cells.js';
import { dataFusionDecimal, dataFusionFloat, decimalPlain, decimalToNumber, sqliteFixed3, sqliteG15, truncToInt64 } from './number-text.js';
import { sparkValueText } from './spark-value-format.js';
import { arrowTimestampText, dateText, dayTimeIntervalText, yearMonthIntervalText } from './temporal-text.js';

export type SltValueStyle = 'sqlite' | 'datafusion';

export function formatSltValue(cell: Cell, letter: string, style: SltValueStyle): string {
  if (cell === null) return 'NULL';
  if (style === 'datafusion') return dataFusionText(cell, false);
  if (letter === 'I') return sqliteInteger(cell);
  if (letter === 'R') return sqliteReal(cell);
  return sqliteText(cell);
}

/** Every byte of the UTF-8 encoding outside 0x20..0x7E becomes `@` (FORMAT.md §3.4). */
function printableBytes(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x20 && cp <= 0x7e) out += ch;
    else out += '@'.repeat(cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
  }
  return out;
}

function sqliteText(cell: Exclude<Cell, null>): string {
  switch (cell.t) {
    case 'int':
      return cell.v.toString();
    case 'bool':
      return cell.v ? '1' : '0';
    case 'float':
      return sqliteG15(cell.v);
    case 'decimal':
      return decimalPlain(cell.unscaled, cell.scale);
    case 'string':
      return cell.v === '' ? '(empty)' : printableBytes(cell.v);
    default:
      return printableBytes(sparkValueText(cell, 'UTC'));
  }
}

/** The text SQLite would coerce to a number: the string itself, or our text for other types. */
function textOf(cell: Exclude<Cell, null>): string {
  return cell.t === 'string' ? cell.v : sparkValueText(cell, 'UTC');
}

function sqliteInteger(cell: Exclude<Cell, null>): string {
  switch (cell.t) {
    case 'int':
      return cell.v.toString();
    case 'bool':
      return cell.v ? '1' : '0';
    case 'float':
      return truncToInt64(cell.v).toString();
    case 'decimal':
      return (cell.unscaled / 10n ** BigInt(Math.max(0, cell.scale))).toString();
    default: {
      const prefix = /^\s*([+-]?\d+)/.exec(textOf(cell));
      return prefix?.[1] ? BigInt(prefix[1]).toString() : '0';
    }
  }
}

function sqliteReal(cell: Exclude<Cell, null>): string {
  switch (cell.t) {
    case 'int':
      return sqliteFixed3(Number(cell.v));
    case 'bool':
      return cell.v ? '1.000' : '0.000';
    case 'float':
      return sqliteFixed3(cell.v);
    case 'decimal':
      return sqliteFixed3(decimalToNumber(cell.unscaled, cell.scale));
    default: {
      const prefix = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(textOf(cell));
      return sqliteFixed3(prefix?.[1] ? Number(prefix[1]) : 0);
    }
  }
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function dataFusionText(cell: Cell, nested: boolean): string {
  if (cell === null) return 'NULL';
  switch (cell.t) {
    case 'bool':
      return cell.v ? 'true' : 'false';
    case 'int':
      return cell.v.toString();
    case 'float':
      return dataFusionFloat(cell.v, cell.single);
    case 'decimal':
      return dataFusionDecimal(cell.unscaled, cell.scale);
    case 'string':
      return cell.v === '' && !nested ? '(empty)' : cell.v;
    case 'binary':
      return hex(cell.v);
    case 'date':
      return dateText(cell.days);
    case 'timestamp':
      return arrowTimestampText(cell.micros, cell.zone);
    case 'interval-ym':
      return yearMonthIntervalText(cell.months);
    case 'interval-dt':
      return dayTimeIntervalText(cell.micros);
    case 'list':
      return `[${cell.items.map((c) => dataFusionText(c, true)).join(', ')}]`;
    case 'struct':
      return `{${cell.fields.map((f) => `${f.name}: ${dataFusionText(f.value, true)}`).join(', ')}}`;
    case 'map':
      return `{${cell.entries.map((e) => `${dataFusionText(e.key, true)}: ${dataFusionText(e.value, true)}`).join(', ')}}`;
  }
}
