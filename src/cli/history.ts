/** Persistent REPL history (`~/.deltasql_history`): newest last in the file, newest first in readline. */
import { appendFile, readFile } from 'node:fs/promises';

const KEEP = 1000;

export async function loadHistory(file: string): Promise<string[]> {
  try {
    const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
    return lines.slice(-KEEP).reverse();
  } catch {
    return [];
  }
}

export async function appendHistory(file: string, entry: string): Promise<void> {
  try {
    await appendFile(file, `${entry.replaceAll('\n', ' ')}\n`, 'utf8');
  } catch {
    // History is a convenience: an unwritable home folder must not break the shell.
  }
}
