/**
 * --complete for sqllogictest files: replaces the result sections of the given query records
 * and keeps every other byte of the file as it was.
 */
import type { QueryRecord, SltFile } from './slt-record.js';

export function completeSltText(file: SltFile, rewrites: ReadonlyMap<QueryRecord, readonly string[]>): string {
  const raw = [...file.raw];
  const ordered = [...rewrites.entries()].sort((a, b) => b[0].lastLineIndex - a[0].lastLineIndex);
  for (const [record, lines] of ordered) {
    const eol = (raw[record.lastLineIndex] ?? '').endsWith('\r') ? '\r' : '';
    const body = lines.map((l) => l + eol);
    if (record.separatorIndex >= 0) {
      raw.splice(record.separatorIndex + 1, record.lastLineIndex - record.separatorIndex, ...body);
    } else if (body.length > 0) {
      raw.splice(record.lastLineIndex + 1, 0, `----${eol}`, ...body);
    }
  }
  return raw.join('\n');
}
