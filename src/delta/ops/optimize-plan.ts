/**
 * Which files OPTIMIZE rewrites, in bins (Spark's OptimizeExecutor): per partition, files
 * smaller than the target (or carrying deletion vectors) packed greedily by size into bins of
 * at most the target; a bin of one file without a DV is left alone, so compaction is
 * idempotent. ZORDER BY takes each partition's files as one bin.
 */
import type { DeltaFile } from '../delta-file.js';

export interface OptimizeBin {
  readonly partitionKey: string;
  readonly files: readonly DeltaFile[];
}

export interface OptimizePlan {
  readonly bins: readonly OptimizeBin[];
  readonly consideredFiles: number;
}

export function planOptimize(files: readonly DeltaFile[], targetFileSize: number, zOrder: boolean): OptimizePlan {
  const byPartition = new Map<string, DeltaFile[]>();
  for (const f of files) {
    const key = JSON.stringify(Object.entries(f.partitionValues).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    let list = byPartition.get(key);
    if (list === undefined) byPartition.set(key, (list = []));
    list.push(f);
  }
  const bins: OptimizeBin[] = [];
  for (const [partitionKey, list] of byPartition) {
    if (zOrder) {
      if (list.length > 1 || list.some((f) => f.deletionVector !== undefined)) bins.push({ partitionKey, files: list });
      continue;
    }
    const candidates = list.filter((f) => f.size < targetFileSize || f.deletionVector !== undefined).sort((a, b) => a.size - b.size);
    let current: DeltaFile[] = [];
    let size = 0;
    const close = (): void => {
      if (current.length > 1 || (current.length === 1 && current[0]?.deletionVector !== undefined)) bins.push({ partitionKey, files: current });
      current = [];
      size = 0;
    };
    for (const f of candidates) {
      if (current.length > 0 && size + f.size > targetFileSize) close();
      current.push(f);
      size += f.size;
    }
    close();
  }
  return { bins, consideredFiles: files.length };
}
