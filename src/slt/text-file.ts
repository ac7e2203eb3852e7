/**
 * Reading and writing golden files without assuming UTF-8 (FORMAT.md §1.1): a file that is
 * valid UTF-8 is decoded as such, anything else as Latin-1 (one char per byte, never fails).
 * The encoding is remembered so --complete writes the same bytes back for untouched lines.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { DeltaSqlError } from '../common/errors.js';

export type TextEncodingName = 'utf8' | 'latin1';

export interface TextFile {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array): TextFile {
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), encoding: 'latin1' };
  }
}

export async function readTextFile(path: string): Promise<TextFile> {
  try {
    return decodeText(await readFile(path));
  } catch (error) {
    throw new DeltaSqlError('FILE_NOT_FOUND', `cannot read golden file ${path}: ${(error as Error).message}`, { cause: error });
  }
}

export async function writeTextFile(path: string, text: string, encoding: TextEncodingName): Promise<void> {
  try {
    await writeFile(path, Buffer.from(text, encoding));
  } catch (error) {
    throw new DeltaSqlError('IO', `cannot write golden file ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Splits on `\n` and removes one trailing `\r` per line (FORMAT.md §1.1). `raw` keeps the
 * exact pieces (a final '' when the text ends with a newline) so `raw.join('\n')` is the input.
 */
export function splitLines(text: string): { lines: string[]; raw: string[] } {
  const raw = text.split('\n');
  const lines = raw.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  return { lines, raw };
}
