/** Row validity from an Arrow validity bitmap (bit `offset + i`); no bitmap means all valid. */
import * as arrow from 'apache-arrow';

export function isValidAt(data: arrow.Data, i: number): boolean {
  if (data.typeId === arrow.Type.Null) return false;
  const bitmap = data.nullBitmap;
  if (bitmap === undefined || bitmap === null || bitmap.length === 0 || data.nullCount === 0) return true;
  const bit = data.offset + i;
  return ((bitmap[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
}
