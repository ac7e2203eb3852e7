/** Merging byte ranges into fewer store requests. */
import type { ByteRange } from '../object-store.js';

/**
 * Sorted, merged ranges: two ranges become one request when the gap between them is at most
 * `maxGap` bytes (reading a small gap costs less than another request's latency).
 */
export function coalesceRanges(ranges: readonly ByteRange[], maxGap: number): ByteRange[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: ByteRange[] = [];
  let current: { start: number; end: number } | undefined;
  for (const r of sorted) {
    if (current !== undefined && r.start - current.end <= maxGap) {
      current.end = Math.max(current.end, r.end);
      continue;
    }
    if (current !== undefined) out.push(current);
    current = { start: r.start, end: r.end };
  }
  if (current !== undefined) out.push(current);
  return out;
}
