/** The union of two protocols: what RESTORE commits so that it never downgrades a table. */
import type { ProtocolAction } from '../actions/action-types.js';
import { readerFeaturesOf } from '../protocol-support.js';
import { writerFeaturesOf } from '../write/writer-features.js';

export function mergeProtocol(current: ProtocolAction, target: ProtocolAction): ProtocolAction {
  const legacy = (p: ProtocolAction): boolean => p.minWriterVersion < 7 && p.minReaderVersion < 3;
  if (legacy(current) && legacy(target)) {
    return {
      kind: 'protocol',
      minReaderVersion: Math.max(current.minReaderVersion, target.minReaderVersion),
      minWriterVersion: Math.max(current.minWriterVersion, target.minWriterVersion),
      readerFeatures: undefined,
      writerFeatures: undefined,
    };
  }
  // Table features: list every feature either side has (legacy versions expand to theirs).
  const writer = [...new Set([...writerFeaturesOf(current), ...writerFeaturesOf(target)])].sort();
  const reader = [...new Set([...readerFeaturesOf(current), ...readerFeaturesOf(target)])].sort();
  // Reader features are listed only at reader version 3; version 2 implies columnMapping alone.
  const minReaderVersion = Math.max(current.minReaderVersion, target.minReaderVersion);
  return {
    kind: 'protocol',
    minReaderVersion,
    minWriterVersion: 7,
    readerFeatures: minReaderVersion >= 3 ? reader : undefined,
    writerFeatures: writer,
  };
}

export function sameProtocol(a: ProtocolAction, b: ProtocolAction): boolean {
  const list = (x: readonly string[] | undefined): string => (x === undefined ? '-' : [...x].sort().join(','));
  return (
    a.minReaderVersion === b.minReaderVersion &&
    a.minWriterVersion === b.minWriterVersion &&
    list(a.readerFeatures) === list(b.readerFeatures) &&
    list(a.writerFeatures) === list(b.writerFeatures)
  );
}
