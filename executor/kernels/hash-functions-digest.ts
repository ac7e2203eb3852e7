/** md5 / sha1 / sha2 (hex text, via node:crypto) and crc32 (IEEE polynomial, table-driven). */
import { createHash } from 'node:crypto';

export function digestHex(algorithm: 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512', bytes: Uint8Array): string {
  return createHash(algorithm).update(bytes).digest('hex');
}

/** sha2(bits): 0 means 256; unsupported lengths give NULL as in Spark. */
export function sha2Hex(bytes: Uint8Array, bits: number): string | null {
  switch (bits) {
    case 0:
    case 256:
      return digestHex('sha256', bytes);
    case 224:
      return digestHex('sha224', bytes);
    case 384:
      return digestHex('sha384', bytes);
    case 512:
      return digestHex('sha512', bytes);
    default:
      return null;
  }
}

const TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  TABLE[n] = c >>> 0;
}

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
