/** The package version, as engineInfo (`deltasql/<version>`) and `--version` report it. */
import { readFileSync } from 'node:fs';

function readVersion(): string {
  // Works from the sources (src/common) and from the build (dist/src/common): package.json is two or three levels up.
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'deltasql' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}

export const PACKAGE_VERSION = readVersion();
export const ENGINE_INFO = `deltasql/${PACKAGE_VERSION}`;
