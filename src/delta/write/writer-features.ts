/**
 * Writer protocol gating (PROTOCOL.md "Table Features", "Writer Version Requirements"): the
 * features a protocol requires of writers, and refusal, by name, of the ones we do not implement.
 */
import { DeltaSqlError } from '../../common/errors.js';
import type { ProtocolAction } from '../actions/action-types.js';
import { checkReadSupported } from '../protocol-support.js';

/**
 * Writer features this writer honours. Constraint-like features (invariants, checkConstraints,
 * generatedColumns) are enforced through caller-supplied hooks; see `requiredWriteHooks`.
 */
export const SUPPORTED_WRITER_FEATURES: ReadonlySet<string> = new Set([
  'appendOnly',
  'invariants',
  'checkConstraints',
  'generatedColumns',
  'changeDataFeed',
  'columnMapping',
  'timestampNtz',
  'domainMetadata',
  'deletionVectors',
  'vacuumProtocolCheck',
  'typeWidening',
  'typeWidening-preview',
]);

/** Features that need the reader too (PROTOCOL.md: reader-writer features). */
export const READER_WRITER_FEATURES: ReadonlySet<string> = new Set([
  'columnMapping',
  'deletionVectors',
  'timestampNtz',
  'v2Checkpoint',
  'vacuumProtocolCheck',
  'typeWidening',
  'typeWidening-preview',
  'variantType',
  'variantType-preview',
]);

const LEGACY_WRITER: readonly (readonly [number, string])[] = [
  [2, 'appendOnly'],
  [2, 'invariants'],
  [3, 'checkConstraints'],
  [4, 'changeDataFeed'],
  [4, 'generatedColumns'],
  [5, 'columnMapping'],
  [6, 'identityColumns'],
];

/** Legacy writer version → the features it implies; version 7 lists them. */
export function writerFeaturesOf(protocol: Pick<ProtocolAction, 'minWriterVersion' | 'writerFeatures'>): readonly string[] {
  if (protocol.minWriterVersion >= 7) return protocol.writerFeatures ?? [];
  return LEGACY_WRITER.filter(([v]) => protocol.minWriterVersion >= v).map(([, f]) => f);
}

export function isWriterFeatureActive(protocol: ProtocolAction, feature: string): boolean {
  return writerFeaturesOf(protocol).includes(feature);
}

/** Refuse to write a table we cannot read, or whose writer version/features we do not implement. */
export function checkWriteSupported(protocol: ProtocolAction, table: string): void {
  checkReadSupported(protocol, table);
  if (protocol.minWriterVersion < 1 || protocol.minWriterVersion > 7) {
    throw new DeltaSqlError('PROTOCOL_UNSUPPORTED', `table ${table} requires Delta writer version ${protocol.minWriterVersion}; deltasql writes versions 1 to 7`);
  }
  const missing = writerFeaturesOf(protocol).filter((f) => !SUPPORTED_WRITER_FEATURES.has(f));
  if (missing.length > 0) {
    throw new DeltaSqlError(
      'PROTOCOL_UNSUPPORTED',
      `cannot write to table ${table}: it requires the Delta writer feature${missing.length > 1 ? 's' : ''} ${missing.map((f) => `'${f}'`).join(', ')}, which deltasql does not implement`,
      { hint: 'Read the table with deltasql, or write it with an engine that supports these features.' },
    );
  }
}
