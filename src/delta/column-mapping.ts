/**
 * Column mapping (PROTOCOL.md "Column Mapping"): each logical field may carry a physical name and
 * a field id; data files, partition values and stats use the physical side.
 */
import type { StructField } from '../common/types/data-type.js';
import type { ProtocolAction } from './actions/action-types.js';
import { readerFeaturesOf } from './protocol-support.js';

export type ColumnMappingMode = 'none' | 'name' | 'id';

export const PHYSICAL_NAME_KEY = 'delta.columnMapping.physicalName';
export const FIELD_ID_KEY = 'delta.columnMapping.id';

/** The mode in force: the table property, honoured only when the protocol supports the feature. */
export function columnMappingMode(protocol: ProtocolAction, configuration: Readonly<Record<string, string | null>>): ColumnMappingMode {
  const mode = configuration['delta.columnMapping.mode'];
  if (mode !== 'name' && mode !== 'id') return 'none';
  if (!readerFeaturesOf(protocol).includes('columnMapping')) return 'none';
  return mode;
}

export function physicalName(field: StructField, mode: ColumnMappingMode): string {
  if (mode === 'none') return field.name;
  const p = field.metadata[PHYSICAL_NAME_KEY];
  return typeof p === 'string' && p !== '' ? p : field.name;
}

export function fieldId(field: StructField): number | undefined {
  const id = field.metadata[FIELD_ID_KEY];
  if (typeof id === 'number') return id;
  if (typeof id === 'string' && /^-?\d+$/.test(id)) return Number(id);
  return undefined;
}
