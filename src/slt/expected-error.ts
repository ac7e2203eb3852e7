/** Checking an error against what a golden file expects of it. */
import { isDeltaSqlError } from '../common/errors.js';
import type { ExpectedError } from './slt-record.js';

export function errorText(error: unknown): string {
  if (isDeltaSqlError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Why `error` does not satisfy `expected`, or undefined when it does. An internal error or a
 * non-DeltaSqlError is a bug, never the user error a test expects. Message checks (a regex
 * from the header, or a substring after `----`) apply only when `checkMessages` is on.
 */
export function expectedErrorMismatch(error: unknown, expected: ExpectedError, checkMessages: boolean): string | undefined {
  if (!isDeltaSqlError(error)) return `expected an error, got a non-deltasql exception (a bug): ${errorText(error)}`;
  if (error.code === 'INTERNAL') return `expected an error, got an internal error (a bug): ${error.message}`;
  if (!checkMessages) return undefined;
  const text = errorText(error);
  if (expected.pattern !== undefined && !matches(expected.pattern, text)) {
    return `error does not match /${expected.pattern}/: ${text}`;
  }
  if (expected.message !== undefined) {
    const m = expected.message.startsWith('<REGEX>:') ? expected.message.slice('<REGEX>:'.length) : undefined;
    const ok = m !== undefined ? matches(m, text) : text.includes(expected.message) || matches(expected.message, text);
    if (!ok) return `error does not contain the expected message: ${text}`;
  }
  return undefined;
}

function matches(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern).test(text);
  } catch {
    return text.includes(pattern);
  }
}
