/**
 * NOT NULL enforcement (PROTOCOL.md "Column Invariants": nullability): a null in a non-nullable
 * column, or in a non-nullable struct field whose parent row is not null, fails the whole write.
 */
import type * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../common/errors.js';
import type { StructField } from '../../common/types/data-type.js';

function isSet(bitmap: Uint8Array, bit: number): boolean {
  return ((bitmap[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
}

/** Row i valid in `data` (undefined bitmap = all valid). */
function validity(data: arrow.Data): Uint8Array | undefined {
  if (data.nullCount === 0 || data.nullBitmap === undefined || data.nullBitmap.length === 0) return undefined;
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = isSet(data.nullBitmap, data.offset + i) ? 1 : 0;
  return out;
}

function check(field: StructField, data: arrow.Data, parentValid: Uint8Array | undefined, path: string): void {
  const valid = validity(data);
  if (!field.nullable && valid !== undefined) {
    for (let i = 0; i < data.length; i++) {
      if (valid[i] === 0 && (parentValid === undefined || parentValid[i] === 1)) {
        throw new DeltaSqlError('NOT_NULL_VIOLATED', `NOT NULL constraint violated for column: ${path}`, {
          hint: 'The write was not committed; remove the nulls or make the column nullable.',
        });
      }
    }
  }
  if (field.type.kind !== 'struct') return;
  let combined = valid;
  if (parentValid !== undefined) combined = valid === undefined ? parentValid : valid.map((v, i) => v & (parentValid[i] ?? 0));
  field.type.fields.forEach((f, k) => {
    const child = data.children[k];
    if (child !== undefined) check(f, child, combined, `${path}.${f.name}`);
  });
}

/** `batch` is already conformed to `schema`. */
export function checkNotNull(batch: arrow.RecordBatch, schema: readonly StructField[]): void {
  schema.forEach((f, k) => {
    const data = batch.data.children[k];
    if (data !== undefined) check(f, data, undefined, f.name);
  });
}
