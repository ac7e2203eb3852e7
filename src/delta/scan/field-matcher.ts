/**
 * Resolve a logical field to a Parquet column (PROTOCOL.md "Reader Requirements for Column
 * Mapping"): `id` mode by `PARQUET:field_id`, `name` mode by physical name, else by display name
 * (exact first, then case-insensitive, as Spark resolves). -1 when the file lacks the column.
 */
import type * as arrow from 'apache-arrow';
import type { StructField } from '../../common/types/data-type.js';
import { fieldId, physicalName, type ColumnMappingMode } from '../column-mapping.js';
import type { FieldMatcher } from '../arrow/conform-data.js';

export function fieldMatcher(mode: ColumnMappingMode): FieldMatcher {
  return (target: StructField, candidates: readonly arrow.Field[]): number => {
    if (mode === 'id') {
      const id = fieldId(target);
      if (id !== undefined) {
        const i = candidates.findIndex((c) => c.metadata.get('PARQUET:field_id') === String(id));
        if (i >= 0) return i;
      }
    }
    const name = physicalName(target, mode);
    const exact = candidates.findIndex((c) => c.name === name);
    if (exact >= 0 || mode !== 'none') return exact;
    const lower = name.toLowerCase();
    return candidates.findIndex((c) => c.name.toLowerCase() === lower);
  };
}
