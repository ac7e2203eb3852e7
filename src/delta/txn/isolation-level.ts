/** Delta isolation levels (`delta.isolationLevel`); WriteSerializable is the default. */
import { DeltaSqlError } from '../../common/errors.js';

export type IsolationLevel = 'Serializable' | 'WriteSerializable' | 'SnapshotIsolation';

export function tableIsolationLevel(configuration: Readonly<Record<string, string | null>>): IsolationLevel {
  const v = configuration['delta.isolationLevel'];
  if (v === undefined || v === null || v === '') return 'WriteSerializable';
  if (v === 'Serializable' || v === 'WriteSerializable') return v;
  throw new DeltaSqlError('INVALID_ARGUMENT', `invalid delta.isolationLevel '${v}': use Serializable or WriteSerializable`);
}
