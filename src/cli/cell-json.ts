/**
 * One value as JSON text for the json/jsonl formats: numbers stay numbers (64-bit integers and
 * decimals are written digit-exact, never through a double), nested values become arrays/objects.
 */
import type { Cell } from '../slt/arrow-cells.js';
import { cellText } from './cell-text.js';

export function cellJson(cell: Cell, timeZone = 'UTC'): string {
  if (cell === null) return 'null';
  switch (cell.t) {
    case 'bool':
      return cell.v ? 'true' : 'false';
    case 'int':
      return cell.v.toString();
    case 'float':
      return Number.isFinite(cell.v) ? String(cell.v) : JSON.stringify(cellText(cell, timeZone));
    case 'decimal':
      return cellText(cell, timeZone) ?? 'null';
    case 'list':
      return `[${cell.items.map((c) => cellJson(c, timeZone)).join(',')}]`;
    case 'struct':
      return `{${cell.fields.map((f) => `${JSON.stringify(f.name)}:${cellJson(f.value, timeZone)}`).join(',')}}`;
    case 'map':
      return `{${cell.entries.map((e) => `${JSON.stringify(cellText(e.key, timeZone) ?? 'null')}:${cellJson(e.value, timeZone)}`).join(',')}}`;
    default:
      return JSON.stringify(cellText(cell, timeZone));
  }
}
