/**
 * An in-memory object store. Stores opened by the same name share their
 * objects (a module-level registry), so `memory://x` opened twice is one table space.
 * A name with slashes (`x/tables/t`) is the space `x` rooted at the sub-prefix `tables/t/`.
 */
import { DeltaSqlError } from '../common/errors.js';
import type { ByteRange, ObjectMeta, ObjectStore } from './object-store.js';

interface Entry {
  readonly bytes: Uint8Array;
  readonly lastModified: number;
}

const registry = new Map<string, Map<string, Entry>>();
let anonymousCount = 0;

export class MemoryStore implements ObjectStore {
  readonly root: string;
  private readonly objects: Map<string, Entry>;
  /** Key prefix inside the shared space: '' or ends with '/'. */
  private readonly base: string;

  /** A store named `name` shares objects with every other store of that name; no name gives a fresh one. */
  constructor(name?: string) {
    const parts = (name ?? `anonymous-${++anonymousCount}`).split('/').filter((part) => part !== '');
    const space = parts[0];
    if (space === undefined) throw new DeltaSqlError('INVALID_ARGUMENT', `invalid memory store name '${name ?? ''}'`);
    let objects = registry.get(space);
    if (objects === undefined) {
      objects = new Map();
      registry.set(space, objects);
    }
    this.objects = objects;
    const sub = parts.slice(1).join('/');
    this.base = sub === '' ? '' : `${sub}/`;
    this.root = `memory://${space}${sub === '' ? '' : `/${sub}`}`;
  }

  /** The shared store registered under `name`. */
  static named(name: string): MemoryStore {
    return new MemoryStore(name);
  }

  /** Forget a named store's objects (tests). */
  static drop(name: string): void {
    registry.delete(name);
  }

  async get(path: string, range?: ByteRange): Promise<Uint8Array> {
    const entry = this.objects.get(this.base + path);
    if (entry === undefined) {
      throw new DeltaSqlError('FILE_NOT_FOUND', `file not found: ${path} (in ${this.root})`);
    }
    const { bytes } = entry;
    if (range === undefined) return bytes.slice();
    const start = Math.max(0, Math.min(bytes.length, range.start));
    const end = Math.max(start, Math.min(bytes.length, range.end));
    return bytes.slice(start, end);
  }

  async put(path: string, bytes: Uint8Array): Promise<void> {
    this.objects.set(this.base + path, { bytes: bytes.slice(), lastModified: Date.now() });
  }

  async putIfAbsent(path: string, bytes: Uint8Array): Promise<boolean> {
    const key = this.base + path;
    if (this.objects.has(key)) return false;
    this.objects.set(key, { bytes: bytes.slice(), lastModified: Date.now() });
    return true;
  }

  async list(prefix: string): Promise<ObjectMeta[]> {
    const out: ObjectMeta[] = [];
    const full = this.base + prefix;
    for (const [key, entry] of this.objects) {
      if (key.startsWith(full)) out.push({ path: key.slice(this.base.length), size: entry.bytes.length, lastModified: entry.lastModified });
    }
    out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return out;
  }

  async delete(path: string): Promise<void> {
    this.objects.delete(this.base + path);
  }

  async head(path: string): Promise<ObjectMeta | undefined> {
    const entry = this.objects.get(this.base + path);
    return entry === undefined ? undefined : { path, size: entry.bytes.length, lastModified: entry.lastModified };
  }
}
