/**
 * Reader protocol gating (PROTOCOL.md "Table Features", "Reader Version Requirements"): refuse a
 * table whose reader version or reader features we do not implement, naming what is missing.
 */
import { DeltaSqlError } from '../common/errors.js';
import type { ProtocolAction } from './actions/action-types.js';

export const MAX_READER_VERSION = 3;

/** Reader features this reader implements fully. */
export const SUPPORTED_READER_FEATURES: ReadonlySet<string> = new Set([
  'columnMapping',
  'deletionVectors',
  'timestampNtz',
  'v2Checkpoint',
  'vacuumProtocolCheck',
  'typeWidening',
  'typeWidening-preview',
]);

/** The reader features a protocol requires (reader version 3 lists them; 2 implies columnMapping). */
export function readerFeaturesOf(protocol: ProtocolAction): readonly string[] {
  if (protocol.minReaderVersion >= 3) return protocol.readerFeatures ?? [];
  if (protocol.minReaderVersion === 2) return ['columnMapping'];
  return [];
}

export function isReaderFeatureActive(protocol: ProtocolAction, feature: string): boolean {
  return readerFeaturesOf(protocol).includes(feature);
}

export function checkReadSupported(protocol: ProtocolAction, table: string): void {
  if (protocol.minReaderVersion < 1 || protocol.minReaderVersion > MAX_READER_VERSION) {
    throw new DeltaSqlError(
      'PROTOCOL_UNSUPPORTED',
      `table ${table} requires Delta reader version ${protocol.minReaderVersion}; deltasql supports reader versions 1 to ${MAX_READER_VERSION}`,
    );
  }
  if (protocol.minReaderVersion === 3) {
    const missing = (protocol.readerFeatures ?? []).filter((f) => !SUPPORTED_READER_FEATURES.has(f));
    if (missing.length > 0) {
      throw new DeltaSqlError(
        'PROTOCOL_UNSUPPORTED',
        `table ${table} requires the unsupported Delta reader feature${missing.length > 1 ? 's' : ''} ${missing.map((f) => `'${f}'`).join(', ')}`,
      );
    }
  }
}
