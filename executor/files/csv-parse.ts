/**
 * A small RFC 4180 CSV parser: quoted fields with doubled quotes, any one-character delimiter,
 * LF or CRLF line ends; blank lines are skipped. Cells come back as strings, with NULL for an
 * empty unquoted cell (or one equal to `nullValue`).
 */
import { DeltaSqlError } from '../../src/common/errors.js';

export interface CsvOptions {
  readonly header: boolean;
  readonly delimiter: string;
  readonly nullValue: string;
}

export function csvOptions(options: Readonly<Record<string, string>>): CsvOptions {
  const get = (k: string): string | undefined => {
    for (const [key, v] of Object.entries(options)) if (key.toLowerCase() === k) return v;
    return undefined;
  };
  const header = (get('header') ?? 'true').toLowerCase() !== 'false';
  const delimiter = get('delimiter') ?? get('sep') ?? get('delim') ?? ',';
  if (delimiter.length !== 1) throw new DeltaSqlError('INVALID_ARGUMENT', `CSV delimiter must be one character, got '${delimiter}'`);
  return { header, delimiter, nullValue: get('nullvalue') ?? '' };
}

/** Rows of cells (string or null). */
export function parseCsv(text: string, opts: CsvOptions): (string | null)[][] {
  const rows: (string | null)[][] = [];
  const d = opts.delimiter.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row: (string | null)[] = [];
  while (i < n) {
    let cell: string | null;
    if (text.charCodeAt(i) === 34) {
      let j = i + 1;
      let out = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new DeltaSqlError('CORRUPT_DATA', 'unterminated quoted CSV field');
        out += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          out += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      cell = out;
      while (i < n && text.charCodeAt(i) !== d && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
        j++;
      }
      const raw = text.slice(i, j);
      cell = raw === '' || raw === opts.nullValue ? null : raw;
      i = j;
    }
    row.push(cell);
    const c = i < n ? text.charCodeAt(i) : 10;
    if (c === d) {
      i++;
      if (i >= n) row.push(null);
      continue;
    }
    if (c === 13) i++;
    if (i < n && text.charCodeAt(i) === 10) i++;
    if (!(row.length === 1 && row[0] === null)) rows.push(row);
    row = [];
  }
  return rows;
}
