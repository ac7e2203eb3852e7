/** Table retention properties (`interval 1 week`, `30 days`, ...) → milliseconds. */
import { DeltaSqlError } from '../../../common/errors.js';

const UNIT_MS: Readonly<Record<string, number>> = {
  millisecond: 1,
  second: 1000,
  minute: 60000,
  hour: 3600000,
  day: 86400000,
  week: 7 * 86400000,
};

export function parseIntervalMs(text: string, property: string): number {
  const body = text.trim().toLowerCase().replace(/^interval\s+/, '');
  const parts = body.split(/\s+/);
  let total = 0;
  if (parts.length === 0 || parts.length % 2 !== 0) throw new DeltaSqlError('INVALID_ARGUMENT', `invalid ${property} '${text}': expected e.g. 'interval 7 days'`);
  for (let i = 0; i < parts.length; i += 2) {
    const n = Number(parts[i]);
    const unit = (parts[i + 1] ?? '').replace(/s$/, '');
    const ms = UNIT_MS[unit];
    if (!Number.isFinite(n) || ms === undefined) throw new DeltaSqlError('INVALID_ARGUMENT', `invalid ${property} '${text}': expected e.g. 'interval 7 days'`);
    total += n * ms;
  }
  return total;
}

type Config = Readonly<Record<string, string | null>>;

export function deletedFileRetentionMs(configuration: Config): number {
  return parseIntervalMs(configuration['delta.deletedFileRetentionDuration'] ?? 'interval 1 week', 'delta.deletedFileRetentionDuration');
}

export function logRetentionMs(configuration: Config): number {
  return parseIntervalMs(configuration['delta.logRetentionDuration'] ?? 'interval 30 days', 'delta.logRetentionDuration');
}

export function checkpointInterval(configuration: Config): number {
  const n = Number(configuration['delta.checkpointInterval'] ?? '10');
  if (!Number.isInteger(n) || n < 1) throw new DeltaSqlError('INVALID_ARGUMENT', `invalid delta.checkpointInterval '${configuration['delta.checkpointInterval']}': expected a positive integer`);
  return n;
}

/** Spark's default is on. */
export function expiredLogCleanupEnabled(configuration: Config): boolean {
  return (configuration['delta.enableExpiredLogCleanup'] ?? 'true').toLowerCase() !== 'false';
}
