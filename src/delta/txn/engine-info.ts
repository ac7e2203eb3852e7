/** `engineInfo` for commitInfo: `deltasql/<package version>`, read once from package.json. */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

function packageVersion(): string {
  // src/delta/txn → package root is three levels up; compiled code (dist/src/delta/txn) four.
  for (const rel of ['../../../package.json', '../../../../package.json']) {
    try {
      const json: unknown = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8'));
      if (typeof json === 'object' && json !== null && (json as Record<string, unknown>)['name'] === 'deltasql') {
        const v = (json as Record<string, unknown>)['version'];
        if (typeof v === 'string') return v;
      }
    } catch {
      // try the next candidate
    }
  }
  return 'unknown';
}

export function engineInfo(): string {
  cached ??= `deltasql/${packageVersion()}`;
  return cached;
}
