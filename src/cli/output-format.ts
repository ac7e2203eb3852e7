/**
 * Result formats of the CLI and REPL: table (for a terminal), csv, tsv, json (one array),
 * jsonl (one object per line), markdown, and arrow (an IPC stream, binary).
 */
import * as arrow from 'apache-arrow';
import Table from 'cli-table3';
import { tableCells, type Cell } from '../slt/arrow-cells.js';
import { cellJson } from './cell-json.js';
import { cellText } from './cell-text.js';

export const OUTPUT_FORMATS = ['table', 'csv', 'tsv', 'json', 'jsonl', 'markdown', 'arrow'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

export interface FormatOptions {
  readonly timeZone: string;
  /** table: terminal width to fit (columns shrink, wide values are cut with `…`). */
  readonly width?: number;
  /** table: at most this many rows shown (first and last halves, with a note). */
  readonly maxRows?: number;
  /** table: how NULL looks (the REPL dims it). */
  readonly nullText?: string;
}

function csvField(text: string | null, separator: string): string {
  if (text === null) return '';
  if (text.includes(separator) || /["\r\n]/.test(text) || text !== text.trim()) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

function tsvField(text: string | null): string {
  if (text === null) return 'NULL';
  return text.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r');
}

function markdownField(text: string | null): string {
  if (text === null) return 'NULL';
  return text.replaceAll('|', '\\|').replaceAll('\n', '<br>');
}

function truncate(text: string, width: number): string {
  const chars = Array.from(text.replaceAll('\n', '↵'));
  return chars.length <= width ? chars.join('') : `${chars.slice(0, Math.max(1, width - 1)).join('')}…`;
}

/** Column widths that fit `total`: shrink the widest columns first, never below 4. */
function fitWidths(natural: number[], total: number): number[] {
  const widths = [...natural];
  const overhead = widths.length * 3 + 1;
  while (widths.reduce((a, b) => a + b, 0) + overhead > total) {
    let widest = 0;
    for (let i = 1; i < widths.length; i++) if ((widths[i] ?? 0) > (widths[widest] ?? 0)) widest = i;
    if ((widths[widest] ?? 0) <= 4) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return widths;
}

function isNumberCell(cell: Cell | undefined): boolean {
  return cell !== null && cell !== undefined && (cell.t === 'int' || cell.t === 'float' || cell.t === 'decimal');
}

function renderTable(names: string[], rows: Cell[][], options: FormatOptions): string {
  const nullText = options.nullText ?? 'NULL';
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const shown = rows.length > maxRows ? [...rows.slice(0, Math.ceil(maxRows / 2)), undefined, ...rows.slice(rows.length - Math.floor(maxRows / 2))] : rows;
  const textRows = shown.map((row) => (row === undefined ? names.map(() => '…') : row.map((c) => cellText(c, options.timeZone))));
  const natural = names.map((name, c) => Math.max(Array.from(name).length, ...textRows.map((r) => Array.from(r[c] ?? 'NULL').length)));
  const widths = fitWidths(natural, options.width ?? Number.POSITIVE_INFINITY);
  const numeric = names.map((_, c) => rows.some((r) => isNumberCell(r[c])) && rows.every((r) => r[c] === null || isNumberCell(r[c])));
  const table = new Table({
    head: names.map((n, c) => truncate(n, widths[c] ?? 4)),
    style: { head: [], border: [] },
    // No rule between body rows, as psql and the DuckDB shell print tables.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of textRows) {
    table.push(row.map((t, c) => ({ content: t === null ? nullText : truncate(t, widths[c] ?? 4), hAlign: numeric[c] ? ('right' as const) : ('left' as const) })));
  }
  const note = rows.length > maxRows ? `\n(${rows.length - maxRows} rows not shown; use .mode csv or LIMIT to see them)` : '';
  return `${table.toString()}${note}\n`;
}

/** Formats a whole result. `arrow` returns bytes; every other format returns text. */
export function formatResult(result: arrow.Table, format: OutputFormat, options: FormatOptions): string | Uint8Array {
  if (format === 'arrow') return arrow.tableToIPC(result, 'stream');
  const { names, rows } = tableCells(result);
  const text = (c: Cell): string | null => cellText(c, options.timeZone);
  switch (format) {
    case 'table':
      // EXPLAIN's single `plan` column reads best as the plain lines it holds.
      if (names.length === 1 && names[0] === 'plan') return `${rows.map((r) => text(r[0] ?? null) ?? '').join('\n')}\n`;
      return renderTable(names, rows, options);
    case 'csv':
    case 'tsv': {
      const field = format === 'csv' ? (t: string | null) => csvField(t, ',') : tsvField;
      const sep = format === 'csv' ? ',' : '\t';
      const lines = [names.map((n) => field(n)).join(sep), ...rows.map((r) => r.map((c) => field(text(c))).join(sep))];
      return `${lines.join('\n')}\n`;
    }
    case 'markdown': {
      const lines = [
        `| ${names.map(markdownField).join(' | ')} |`,
        `|${names.map(() => '---').join('|')}|`,
        ...rows.map((r) => `| ${r.map((c) => markdownField(text(c))).join(' | ')} |`),
      ];
      return `${lines.join('\n')}\n`;
    }
    case 'json':
    case 'jsonl': {
      const objects = rows.map((r) => `{${r.map((c, i) => `${JSON.stringify(names[i] ?? '')}:${cellJson(c, options.timeZone)}`).join(',')}}`);
      return format === 'jsonl' ? objects.map((o) => `${o}\n`).join('') : `[${objects.join(',\n')}]\n`;
    }
  }
}
