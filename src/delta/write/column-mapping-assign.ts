/**
 * Column mapping for new columns (PROTOCOL.md "Column Mapping"): every field without one gets a
 * field id (above `delta.columnMapping.maxColumnId`) and a physical name `col-<uuid>`.
 */
import { randomUUID } from 'node:crypto';
import type { DataType, StructField } from '../../common/types/data-type.js';
import { FIELD_ID_KEY, PHYSICAL_NAME_KEY } from '../column-mapping.js';

export const MAX_COLUMN_ID_KEY = 'delta.columnMapping.maxColumnId';

export function assignColumnMapping(fields: readonly StructField[], maxColumnId: number): { fields: StructField[]; maxColumnId: number } {
  let next = maxColumnId;
  const visitType = (t: DataType): DataType => {
    switch (t.kind) {
      case 'struct':
        return { kind: 'struct', fields: t.fields.map(visitField) };
      case 'array':
        return { ...t, element: visitType(t.element) };
      case 'map':
        return { ...t, key: visitType(t.key), value: visitType(t.value) };
      default:
        return t;
    }
  };
  const visitField = (f: StructField): StructField => {
    const metadata: Record<string, unknown> = { ...f.metadata };
    if (metadata[FIELD_ID_KEY] === undefined) metadata[FIELD_ID_KEY] = ++next;
    if (metadata[PHYSICAL_NAME_KEY] === undefined) metadata[PHYSICAL_NAME_KEY] = `col-${randomUUID()}`;
    return { ...f, type: visitType(f.type), metadata };
  };
  const out = fields.map(visitField);
  return { fields: out, maxColumnId: next };
}
