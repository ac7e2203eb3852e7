/**
 * An error as the CLI prints it: the message, then (when the error has a position) the
 * offending line of the statement with a caret under the column, then the hint.
 */
import { DeltaSqlError } from '../common/errors.js';

export function errorText(error: unknown, sql?: string): string {
  if (!(error instanceof DeltaSqlError)) {
    const message = error instanceof Error ? error.message : String(error);
    return `Error: ${message}`;
  }
  const lines = [`Error [${error.code}]: ${error.message}`];
  const pos = error.position;
  if (pos && sql !== undefined) {
    const line = sql.split('\n')[pos.line - 1];
    if (line !== undefined) {
      const prefix = `  ${pos.line} | `;
      lines.push(`${prefix}${line}`, `${' '.repeat(prefix.length + Math.max(0, pos.column - 1))}^`);
    }
  }
  if (error.hint) lines.push(`Hint: ${error.hint}`);
  return lines.join('\n');
}
