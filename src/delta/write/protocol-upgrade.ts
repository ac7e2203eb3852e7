/** The protocol a table needs after a schema or property change, when its current one falls short. */
import type { StructField } from '../../common/types/data-type.js';
import type { ProtocolAction } from '../actions/action-types.js';
import { readerFeaturesOf } from '../protocol-support.js';
import { featuresOf, protocolFor } from './new-table.js';
import { writerFeaturesOf } from './writer-features.js';

export function upgradedProtocol(current: ProtocolAction, schema: readonly StructField[], configuration: Readonly<Record<string, string | null>>): ProtocolAction | undefined {
  const props: Record<string, string> = {};
  for (const [k, v] of Object.entries(configuration)) if (v !== null) props[k] = v;
  const needed = featuresOf(schema, props).features;
  const active = new Set([...writerFeaturesOf(current), ...readerFeaturesOf(current)]);
  const missing = [...needed].filter((f) => !active.has(f));
  if (missing.length === 0) return undefined;
  const next = protocolFor(new Set([...active, ...needed]), current.minReaderVersion, current.minWriterVersion);
  return next;
}
