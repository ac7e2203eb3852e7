/** Z85 (ZeroMQ RFC 32) decoding, as Delta uses for inline DVs and DV file UUIDs. */
import { DeltaSqlError } from '../../common/errors.js';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function z85Decode(text: string): Uint8Array {
  if (text.length % 5 !== 0) throw new DeltaSqlError('CORRUPT_LOG', `invalid Z85 text (length ${text.length} is not a multiple of 5)`);
  const out = new Uint8Array((text.length / 5) * 4);
  for (let i = 0, o = 0; i < text.length; i += 5, o += 4) {
    let value = 0;
    for (let j = 0; j < 5; j++) {
      const code = text.charCodeAt(i + j);
      const digit = code < 128 ? (DECODE[code] ?? -1) : -1;
      if (digit < 0) throw new DeltaSqlError('CORRUPT_LOG', `invalid Z85 character '${text[i + j]}'`);
      value = value * 85 + digit;
    }
    if (value > 0xffffffff) throw new DeltaSqlError('CORRUPT_LOG', `invalid Z85 block '${text.slice(i, i + 5)}'`);
    out[o] = value >>> 24;
    out[o + 1] = (value >>> 16) & 0xff;
    out[o + 2] = (value >>> 8) & 0xff;
    out[o + 3] = value & 0xff;
  }
  return out;
}

/** A 20-character Z85 UUID → canonical `8-4-4-4-12` hex form. */
export function z85DecodeUuid(text: string): string {
  const bytes = z85Decode(text);
  if (bytes.length !== 16) throw new DeltaSqlError('CORRUPT_LOG', `invalid Z85 UUID '${text}'`);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
