/**
 * An object store over a local folder. Atomic create-if-absent uses a temp
 * file plus `link()`, which fails with EEXIST when the target exists.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import { DeltaSqlError } from '../common/errors.js';
import type { ByteRange, ObjectMeta, ObjectStore } from './object-store.js';

/** Temp files are hidden and never look like Delta log entries. */
const TEMP_PREFIX = '.tmp-';

function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export class LocalStore implements ObjectStore {
  readonly root: string;
  private readonly rootDir: string;

  constructor(rootDir: string) {
    this.rootDir = nodePath.resolve(rootDir);
    this.root = pathToFileURL(this.rootDir).href;
  }

  /** Absolute file path of a store key; refuses keys that escape the root. */
  private resolve(path: string): string {
    const full = nodePath.resolve(this.rootDir, path);
    const rel = nodePath.relative(this.rootDir, full);
    if (rel.startsWith('..') || nodePath.isAbsolute(rel)) {
      throw new DeltaSqlError('INVALID_ARGUMENT', `path '${path}' is outside the store root ${this.root}`);
    }
    return full;
  }

  private ioError(error: unknown, action: string, path: string): DeltaSqlError {
    if (error instanceof DeltaSqlError) return error;
    const code = errnoCode(error);
    if (code === 'ENOENT') {
      return new DeltaSqlError('FILE_NOT_FOUND', `file not found: ${path} (in ${this.root})`, { cause: error });
    }
    const text = error instanceof Error ? error.message : String(error);
    return new DeltaSqlError('IO', `cannot ${action} ${path} in ${this.root}: ${text}`, { cause: error });
  }

  async get(path: string, range?: ByteRange): Promise<Uint8Array> {
    const full = this.resolve(path);
    try {
      if (range === undefined) return new Uint8Array(await fs.readFile(full));
      const handle = await fs.open(full, 'r');
      try {
        const { size } = await handle.stat();
        const start = Math.max(0, range.start);
        const end = Math.min(size, range.end);
        const length = Math.max(0, end - start);
        const out = new Uint8Array(length);
        let done = 0;
        while (done < length) {
          const { bytesRead } = await handle.read(out, done, length - done, start + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        return done === length ? out : out.subarray(0, done);
      } finally {
        await handle.close();
      }
    } catch (error) {
      // A file where a folder should be also means the object does not exist.
      if (errnoCode(error) === 'ENOTDIR') throw new DeltaSqlError('FILE_NOT_FOUND', `file not found: ${path} (in ${this.root})`, { cause: error });
      throw this.ioError(error, 'read', path);
    }
  }

  /** Writes a uniquely named temp file next to `full`, creating parent folders. */
  private async writeTemp(full: string, bytes: Uint8Array): Promise<string> {
    const dir = nodePath.dirname(full);
    await fs.mkdir(dir, { recursive: true });
    const temp = nodePath.join(dir, `${TEMP_PREFIX}${randomUUID()}`);
    await fs.writeFile(temp, bytes);
    return temp;
  }

  async put(path: string, bytes: Uint8Array): Promise<void> {
    const full = this.resolve(path);
    let temp: string | undefined;
    try {
      temp = await this.writeTemp(full, bytes);
      await fs.rename(temp, full);
      temp = undefined;
    } catch (error) {
      throw this.ioError(error, 'write', path);
    } finally {
      if (temp !== undefined) await fs.rm(temp, { force: true });
    }
  }

  async putIfAbsent(path: string, bytes: Uint8Array): Promise<boolean> {
    const full = this.resolve(path);
    let temp: string | undefined;
    try {
      temp = await this.writeTemp(full, bytes);
      await fs.link(temp, full);
      return true;
    } catch (error) {
      if (errnoCode(error) === 'EEXIST') return false;
      throw this.ioError(error, 'create', path);
    } finally {
      if (temp !== undefined) await fs.rm(temp, { force: true });
    }
  }

  async list(prefix: string): Promise<ObjectMeta[]> {
    // Walk only the deepest folder the prefix names, then filter by the full prefix.
    const slash = prefix.lastIndexOf('/');
    const baseKey = slash >= 0 ? prefix.slice(0, slash + 1) : '';
    const out: ObjectMeta[] = [];
    await this.walk(baseKey, prefix, out);
    out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return out;
  }

  private async walk(dirKey: string, prefix: string, out: ObjectMeta[]): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(this.resolve(dirKey === '' ? '.' : dirKey), { withFileTypes: true });
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      throw this.ioError(error, 'list', dirKey);
    }
    const files: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith(TEMP_PREFIX)) continue;
      const key = dirKey + entry.name;
      if (entry.isDirectory()) {
        const dirPrefix = key + '/';
        // Descend only where keys could still match the prefix.
        if (dirPrefix.startsWith(prefix) || prefix.startsWith(dirPrefix)) await this.walk(dirPrefix, prefix, out);
      } else if (key.startsWith(prefix)) {
        files.push(key);
      }
    }
    // Stat a folder's files concurrently: a _delta_log can hold thousands.
    const metas = await Promise.all(
      files.map(async (key) => {
        try {
          const stat = await fs.stat(this.resolve(key));
          return stat.isFile() ? { path: key, size: stat.size, lastModified: stat.mtimeMs } : undefined;
        } catch (error) {
          if (errnoCode(error) === 'ENOENT') return undefined; // deleted while listing
          throw this.ioError(error, 'list', key);
        }
      }),
    );
    for (const meta of metas) if (meta !== undefined) out.push(meta);
  }

  async delete(path: string): Promise<void> {
    try {
      await fs.rm(this.resolve(path), { force: true });
    } catch (error) {
      throw this.ioError(error, 'delete', path);
    }
  }

  async head(path: string): Promise<ObjectMeta | undefined> {
    try {
      const stat = await fs.stat(this.resolve(path));
      if (!stat.isFile()) return undefined;
      return { path, size: stat.size, lastModified: stat.mtimeMs };
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw this.ioError(error, 'stat', path);
    }
  }
}
