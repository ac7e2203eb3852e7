/**
 * Classify `_delta_log/` entries by name (PROTOCOL.md "File Types", "Checkpoint Naming Scheme").
 * Anything unrecognised (`.crc`, Hadoop `.x.crc`, `_last_checkpoint`, temp files) is `undefined`.
 */

export type LogFileName =
  | { readonly kind: 'commit'; readonly version: number }
  | { readonly kind: 'checkpoint'; readonly version: number; readonly format: 'classic' }
  | { readonly kind: 'checkpoint'; readonly version: number; readonly format: 'multipart'; readonly part: number; readonly parts: number }
  | { readonly kind: 'checkpoint'; readonly version: number; readonly format: 'uuid'; readonly uuid: string; readonly fileType: 'json' | 'parquet' }
  | { readonly kind: 'compaction'; readonly version: number; readonly endVersion: number };

const COMMIT = /^(\d{20})\.json$/;
const CLASSIC = /^(\d{20})\.checkpoint\.parquet$/;
const MULTIPART = /^(\d{20})\.checkpoint\.(\d{10})\.(\d{10})\.parquet$/;
const UUID = /^(\d{20})\.checkpoint\.([0-9a-fA-F-]{36})\.(json|parquet)$/;
const COMPACTION = /^(\d{20})\.(\d{20})\.compacted\.json$/;

export function parseLogFileName(name: string): LogFileName | undefined {
  let m = COMMIT.exec(name);
  if (m) return { kind: 'commit', version: Number(m[1]) };
  m = CLASSIC.exec(name);
  if (m) return { kind: 'checkpoint', version: Number(m[1]), format: 'classic' };
  m = MULTIPART.exec(name);
  if (m) return { kind: 'checkpoint', version: Number(m[1]), format: 'multipart', part: Number(m[2]), parts: Number(m[3]) };
  m = UUID.exec(name);
  if (m) return { kind: 'checkpoint', version: Number(m[1]), format: 'uuid', uuid: m[2] ?? '', fileType: m[3] === 'json' ? 'json' : 'parquet' };
  m = COMPACTION.exec(name);
  if (m) return { kind: 'compaction', version: Number(m[1]), endVersion: Number(m[2]) };
  return undefined;
}

export function commitFileName(version: number): string {
  return `${String(version).padStart(20, '0')}.json`;
}

export const LOG_DIR = '_delta_log/';
