/**
 * File arguments of read_parquet / read_csv / read_json: a file, a directory (its data files,
 * skipping `_`/`.` names), or a name with `*` / `?` wildcards in its last segment.
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import { openStore } from '../../src/storage/open-store.js';
import type { ObjectStore } from '../../src/storage/object-store.js';

export interface ResolvedFile {
  readonly store: ObjectStore;
  readonly path: string;
  readonly size: number;
}

function splitPath(p: string): [string, string] {
  const trimmed = p.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return ['.', trimmed];
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/]*$/.test(trimmed.slice(0, slash))) return [trimmed.slice(0, slash + 1), trimmed.slice(slash + 1)];
  return [trimmed.slice(0, slash) || '/', trimmed.slice(slash + 1)];
}

function globRegex(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

const hidden = (name: string): boolean => {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base.startsWith('_') || base.startsWith('.');
};

export async function resolveFiles(paths: readonly string[], extension: string): Promise<ResolvedFile[]> {
  const out: ResolvedFile[] = [];
  for (const p of paths) {
    const [dir, name] = splitPath(p);
    if (/[*?]/.test(dir)) throw new DeltaSqlError('UNSUPPORTED', `wildcards in directory names are not supported: ${p}`);
    const store = openStore(dir);
    if (/[*?]/.test(name)) {
      const re = globRegex(name);
      const listed = (await store.list('')).filter((m) => !m.path.includes('/') && re.test(m.path));
      for (const m of listed.sort((a, b) => (a.path < b.path ? -1 : 1))) out.push({ store, path: m.path, size: m.size });
      continue;
    }
    const head = await store.head(name);
    if (head) {
      out.push({ store, path: name, size: head.size });
      continue;
    }
    const dirStore = openStore(p);
    const listed = (await dirStore.list('')).filter((m) => !hidden(m.path) && m.path.endsWith(extension));
    if (listed.length === 0) throw new DeltaSqlError('FILE_NOT_FOUND', `no such file or directory: ${p}`);
    for (const m of listed.sort((a, b) => (a.path < b.path ? -1 : 1))) out.push({ store: dirStore, path: m.path, size: m.size });
  }
  return out;
}
