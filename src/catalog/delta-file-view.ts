/** A snapshot file seen by the planner: partition values and stats keyed by logical column names. */
import type { DeltaFile } from '../delta/delta-file.js';
import type { Snapshot } from '../delta/snapshot.js';
import type { DeltaFileInfo, FileStats } from './table-source.js';

export class DeltaFileView implements DeltaFileInfo {
  private logicalPartitions: Record<string, string | null> | undefined;

  constructor(
    private readonly file: DeltaFile,
    private readonly partitionNames: readonly { readonly name: string; readonly physicalName: string }[],
  ) {}

  get path(): string {
    return this.file.path;
  }

  get size(): number {
    return this.file.size;
  }

  get partitionValues(): Readonly<Record<string, string | null>> {
    if (this.logicalPartitions === undefined) {
      const out: Record<string, string | null> = {};
      for (const p of this.partitionNames) {
        const raw = this.file.partitionValues[p.physicalName] ?? this.file.partitionValues[p.name];
        out[p.name] = raw ?? null;
      }
      this.logicalPartitions = out;
    }
    return this.logicalPartitions;
  }

  get stats(): FileStats | undefined {
    const s = this.file.stats;
    if (s === undefined) return undefined;
    // Deletion vectors remove rows: counts no longer bound the live rows from below, but
    // min/max still bound them, and nullCount ≥ live nulls; numRecords stays an upper bound.
    return { numRecords: s.numRecords, minValues: s.minValues, maxValues: s.maxValues, nullCount: s.nullCount, tightBounds: s.tightBounds };
  }
}

export function fileViews(snapshot: Snapshot): DeltaFileView[] {
  const parts = snapshot.partitionFields;
  return snapshot.files().map((f) => new DeltaFileView(f, parts));
}
