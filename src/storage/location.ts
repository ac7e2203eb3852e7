/**
 * Table locations as URIs: a plain path (relative to the cwd), `file://…`,
 * `s3://bucket/prefix` (also `s3a://`), `memory://name`.
 */
import * as nodePath from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DeltaSqlError } from '../common/errors.js';

export type Location =
  | { readonly kind: 'file'; readonly path: string; readonly uri: string }
  | { readonly kind: 's3'; readonly bucket: string; readonly prefix: string; readonly uri: string }
  | { readonly kind: 'memory'; readonly name: string; readonly uri: string };

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//;

/** Path segments with empty ones dropped, '/'-joined: no leading or trailing slash. */
function trimSlashes(text: string): string {
  return text.split('/').filter((part) => part !== '').join('/');
}

export function parseLocation(uri: string): Location {
  const trimmed = uri.trim();
  if (trimmed === '') throw new DeltaSqlError('INVALID_ARGUMENT', 'empty table location');
  const match = SCHEME.exec(trimmed);
  // A one-letter "scheme" is a Windows drive letter, not a URI.
  if (match === null || match[1]?.length === 1) {
    const path = nodePath.resolve(trimmed);
    return { kind: 'file', path, uri: pathToFileURL(path).href };
  }
  const scheme = (match[1] ?? '').toLowerCase();
  const rest = trimmed.slice(match[0].length);
  switch (scheme) {
    case 'file': {
      let path: string;
      try {
        path = fileURLToPath(trimmed);
      } catch (error) {
        throw new DeltaSqlError('INVALID_ARGUMENT', `invalid file location '${uri}'`, { cause: error });
      }
      return { kind: 'file', path, uri: pathToFileURL(path).href };
    }
    case 's3':
    case 's3a': {
      const slash = rest.indexOf('/');
      const bucket = slash < 0 ? rest : rest.slice(0, slash);
      if (bucket === '') throw new DeltaSqlError('INVALID_ARGUMENT', `S3 location '${uri}' names no bucket`);
      const prefix = slash < 0 ? '' : trimSlashes(rest.slice(slash + 1));
      return { kind: 's3', bucket, prefix, uri: `s3://${bucket}${prefix === '' ? '' : `/${prefix}`}` };
    }
    case 'memory': {
      const name = trimSlashes(rest);
      if (name === '') throw new DeltaSqlError('INVALID_ARGUMENT', `memory location '${uri}' names no store`);
      return { kind: 'memory', name, uri: `memory://${name}` };
    }
    default:
      throw new DeltaSqlError('UNSUPPORTED', `storage scheme '${scheme}://' is not supported`, {
        hint: 'use a local path, file://, s3://bucket/prefix or memory://name',
      });
  }
}

/**
 * A child location under `base`. An absolute `child` (a URI, or an absolute
 * path) is returned as is. Plain-path bases give plain paths; URI bases give URIs.
 */
export function joinLocation(base: string, child: string): string {
  if (SCHEME.test(child) || nodePath.isAbsolute(child)) return child;
  const match = SCHEME.exec(base);
  if (match === null || match[1]?.length === 1) return nodePath.join(base, child);
  const head = base.replace(/\/+$/, '');
  const tail = child.replace(/^\/+/, '');
  return tail === '' ? head : `${head}/${tail}`;
}
