/** `VERSION AS OF n` / `TIMESTAMP AS OF t` / `@v5`: a cache key and the snapshot to load. */
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import type { Expr, TimeTravel } from '../../grammar/ast/index.js';
import type { SnapshotSpec } from '../../src/catalog/table-source.js';
import { parseTimestampLtz } from './temporal-literal.js';

function exprText(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return e.text;
    case 'string':
    case 'typedLiteral':
      return e.value;
    default:
      return unsupported('time travel to a non-literal version or timestamp', { position: e.span.start });
  }
}

export function timeTravelKey(tt: TimeTravel): string {
  return `${tt.by}:${exprText(tt.value)}`;
}

export function timeTravelSpec(tt: TimeTravel, timeZone: string): SnapshotSpec {
  const text = exprText(tt.value);
  if (tt.by === 'version') {
    if (!/^\d+$/.test(text)) throw new DeltaSqlError('INVALID_ARGUMENT', `invalid version '${text}'`, { position: tt.span.start });
    return { kind: 'version', version: Number(text) };
  }
  // `@yyyyMMddHHmmssSSS` arrives as digits.
  const normalized = /^\d{17}$/.test(text)
    ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)} ${text.slice(8, 10)}:${text.slice(10, 12)}:${text.slice(12, 14)}.${text.slice(14)}`
    : text;
  const micros = parseTimestampLtz(normalized, timeZone);
  if (micros === undefined) throw new DeltaSqlError('INVALID_ARGUMENT', `invalid timestamp '${text}'`, { position: tt.span.start });
  return { kind: 'timestamp', timestampMs: Number(micros / 1000n) };
}
