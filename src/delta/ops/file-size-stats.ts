/** OPTIMIZE's file statistics (Spark's FileSizeStats) and the size percentiles it records. */

export interface FileSizeStats {
  readonly min: number | null;
  readonly max: number | null;
  readonly avg: number;
  readonly totalFiles: number;
  readonly totalSize: number;
}

export function fileSizeStats(sizes: readonly number[]): FileSizeStats {
  const total = sizes.reduce((s, x) => s + x, 0);
  return {
    min: sizes.length === 0 ? null : Math.min(...sizes),
    max: sizes.length === 0 ? null : Math.max(...sizes),
    avg: sizes.length === 0 ? 0 : total / sizes.length,
    totalFiles: sizes.length,
    totalSize: total,
  };
}

/** Nearest-rank percentile of the sizes (0 when empty). */
export function percentile(sizes: readonly number[], p: number): number {
  if (sizes.length === 0) return 0;
  const sorted = [...sizes].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}
