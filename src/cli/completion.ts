/**
 * Tab completion: the word under the cursor against keywords, functions, table names and the
 * columns of tables named earlier in the line. Matching is case-insensitive; the completion
 * keeps the case the user started typing in for keywords.
 */
import type { CliSession } from './cli-session.js';

const DOT_COMMANDS = ['.help', '.tables', '.schema', '.mode', '.timer', '.read', '.open', '.quit', '.exit'];

export async function completeWord(line: string, session: CliSession): Promise<[string[], string]> {
  const word = /[\w.]*$/.exec(line)?.[0] ?? '';
  if (line.trimStart().startsWith('.') && !line.includes(' ')) {
    return [DOT_COMMANDS.filter((c) => c.startsWith(word)), word];
  }
  if (word === '') return [[], word];
  const lower = word.toLowerCase();
  const tables = await session.tableNames().catch(() => [] as string[]);
  const mentioned = tables.filter((t) => new RegExp(`\\b${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(line));
  const columns = (await Promise.all(mentioned.map((t) => session.columnNames(t).catch(() => [] as string[])))).flat();
  const upper = word === word.toUpperCase() && /[A-Z]/.test(word);
  const vocabulary = session.vocabulary().map((w) => (upper ? w.toUpperCase() : w.toLowerCase()));
  const candidates = new Set([...columns, ...tables, ...vocabulary].filter((c) => c.toLowerCase().startsWith(lower)));
  return [[...candidates].sort(), word];
}
