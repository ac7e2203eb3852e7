/**
 * Where a path from the log lives: most are relative to the table root; absolute URIs (shallow
 * clones, `p` deletion vectors) are made relative when under the root, else opened on their own.
 */
import { openStore, type StorageOptions } from '../storage/open-store.js';
import type { ObjectStore } from '../storage/object-store.js';

export interface FileLocation {
  readonly store: ObjectStore;
  readonly path: string;
}

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]+:\//;

/** `file:/x` and `file:///x` name the same file; compare in one spelling. */
function normaliseUri(uri: string): string {
  const m = /^file:\/*(.*)$/.exec(uri);
  if (m) return `file:///${m[1] ?? ''}`;
  return uri.replace(/^s3[an]:\/\//, 's3://');
}

/**
 * The reconciliation key of a (decoded) log path: `file:/x` and `file:///x` spell one file, and
 * an absolute URI under the table root is the same file as its relative path.
 */
export function canonicalFileKey(rootUri: string, path: string): string {
  if (!SCHEME.test(path) && !path.startsWith('/')) return path;
  const uri = normaliseUri(path.startsWith('/') ? `file://${path}` : path);
  const root = normaliseUri(rootUri).replace(/\/+$/, '');
  return uri.startsWith(`${root}/`) ? uri.slice(root.length + 1) : uri;
}

export function resolveFileLocation(store: ObjectStore, path: string, storage?: StorageOptions): FileLocation {
  if (!SCHEME.test(path) && !path.startsWith('/')) return { store, path };
  const uri = normaliseUri(path.startsWith('/') ? `file://${path}` : path);
  const root = normaliseUri(store.root).replace(/\/+$/, '');
  if (uri.startsWith(`${root}/`)) return { store, path: uri.slice(root.length + 1) };
  const slash = uri.lastIndexOf('/');
  return { store: openStore(uri.slice(0, slash), storage), path: uri.slice(slash + 1) };
}
