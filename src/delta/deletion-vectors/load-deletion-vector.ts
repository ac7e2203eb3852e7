/**
 * Load a deletion vector's row indexes (PROTOCOL.md "Deletion Vectors"): inline (`i`, Z85 in the
 * log), relative UUID file (`u`, optional random-prefix folder) or absolute path (`p`). Files hold
 * a version byte, then per DV a big-endian size, the bitmap, and a big-endian CRC-32 of the bitmap.
 */
import { crc32 } from 'node:zlib';
import { DeltaSqlError } from '../../common/errors.js';
import type { StorageOptions } from '../../storage/open-store.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { DeletionVectorDescriptor } from '../actions/action-types.js';
import { resolveFileLocation, type FileLocation } from '../file-location.js';
import { decodeRoaringBitmapArray } from './roaring-bitmap-array.js';
import { z85Decode, z85DecodeUuid } from './z85.js';

/** Store path of a `u` DV: `<prefix>/deletion_vector_<uuid>.bin`. */
export function relativeDeletionVectorPath(pathOrInlineDv: string): { dir: string; name: string; uuid: string } {
  if (pathOrInlineDv.length < 20) throw new DeltaSqlError('CORRUPT_LOG', `invalid deletion vector id '${pathOrInlineDv}'`);
  const prefix = pathOrInlineDv.slice(0, -20);
  const uuid = z85DecodeUuid(pathOrInlineDv.slice(-20));
  return { dir: prefix === '' ? '' : `${prefix}/`, name: `deletion_vector_${uuid}.bin`, uuid };
}

/**
 * Some writers put a fixed text before `deletion_vector_<uuid>.bin`; when the canonical name is
 * missing, look for exactly one file in the folder ending with it.
 */
async function findPrefixedFile(store: ObjectStore, dir: string, name: string): Promise<string | undefined> {
  const entries = await store.list(dir);
  const matches = entries.filter((e) => {
    const rest = e.path.slice(dir.length);
    return !rest.includes('/') && rest.endsWith(name);
  });
  return matches.length === 1 ? matches[0]?.path : undefined;
}

async function readFramed(loc: FileLocation, dv: DeletionVectorDescriptor, fallback?: () => Promise<string | undefined>): Promise<Uint8Array> {
  const offset = dv.offset ?? 1;
  const range = { start: offset, end: offset + 4 + dv.sizeInBytes + 4 };
  let bytes: Uint8Array;
  try {
    bytes = await loc.store.get(loc.path, range);
  } catch (error) {
    const alt = error instanceof DeltaSqlError && error.code === 'FILE_NOT_FOUND' && fallback ? await fallback() : undefined;
    if (alt === undefined) {
      if (error instanceof DeltaSqlError && error.code === 'FILE_NOT_FOUND') {
        throw new DeltaSqlError('FILE_NOT_FOUND', `deletion vector file not found: ${loc.path} (in ${loc.store.root})`, { cause: error });
      }
      throw error;
    }
    bytes = await loc.store.get(alt, range);
  }
  if (bytes.length < range.end - range.start) {
    throw new DeltaSqlError('CORRUPT_DATA', `deletion vector in ${loc.path} at offset ${offset} is truncated`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = view.getUint32(0, false);
  if (size !== dv.sizeInBytes) {
    throw new DeltaSqlError('CORRUPT_DATA', `deletion vector in ${loc.path} at offset ${offset} has size ${size}, the log says ${dv.sizeInBytes}`);
  }
  const data = bytes.subarray(4, 4 + size);
  const expected = view.getUint32(4 + size, false);
  if (crc32(data) >>> 0 !== expected) {
    throw new DeltaSqlError('CORRUPT_DATA', `deletion vector in ${loc.path} at offset ${offset} fails its CRC-32 check`);
  }
  return data;
}

/** Sorted row indexes the deletion vector removes. */
export async function loadDeletionVector(store: ObjectStore, dv: DeletionVectorDescriptor, storage?: StorageOptions): Promise<Float64Array> {
  let bitmap: Uint8Array;
  switch (dv.storageType) {
    case 'i':
      bitmap = z85Decode(dv.pathOrInlineDv).subarray(0, dv.sizeInBytes);
      break;
    case 'u': {
      const { dir, name } = relativeDeletionVectorPath(dv.pathOrInlineDv);
      bitmap = await readFramed({ store, path: dir + name }, dv, () => findPrefixedFile(store, dir, name));
      break;
    }
    case 'p':
      bitmap = await readFramed(resolveFileLocation(store, dv.pathOrInlineDv, storage), dv);
      break;
  }
  const rows = decodeRoaringBitmapArray(bitmap);
  if (rows.length !== dv.cardinality) {
    throw new DeltaSqlError('CORRUPT_DATA', `deletion vector holds ${rows.length} rows, the log says ${dv.cardinality}`);
  }
  return rows;
}
