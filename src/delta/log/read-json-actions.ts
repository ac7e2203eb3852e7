/**
 * Newline-delimited JSON log files (commits, compactions, JSON v2 checkpoints) → typed actions.
 * A line that is not JSON or has a malformed known action is CORRUPT_LOG naming file and line.
 */
import { DeltaSqlError } from '../../common/errors.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { Action } from '../actions/action-types.js';
import { ActionFormatError, parseActions } from '../actions/parse-action.js';

const decoder = new TextDecoder();

export function parseJsonActions(text: string, fileName: string): Action[] {
  const out: Action[] = [];
  let lineNo = 0;
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    lineNo++;
    const line = text.slice(pos, end).trim();
    pos = end + 1;
    if (line === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new DeltaSqlError('CORRUPT_LOG', `corrupt Delta log file ${fileName}, line ${lineNo}: not valid JSON (${(error as Error).message})`, {
        cause: error,
      });
    }
    try {
      parseActions(json, out);
    } catch (error) {
      if (error instanceof ActionFormatError) {
        throw new DeltaSqlError('CORRUPT_LOG', `corrupt Delta log file ${fileName}, line ${lineNo}: ${error.message}`, { cause: error });
      }
      throw error;
    }
  }
  return out;
}

export async function readJsonActions(store: ObjectStore, path: string): Promise<Action[]> {
  const bytes = await store.get(path);
  return parseJsonActions(decoder.decode(bytes), path);
}
