/**
 * Action reconciliation (PROTOCOL.md "Action Reconciliation"): checkpoint, then commits in order.
 * Live files are unique by path (the newest add wins); a remove drops the live file only when its
 * (path, deletion vector id) matches, so "remove old DV + add new DV" works in either order.
 */
import { DeltaSqlError } from '../../common/errors.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type {
  Action,
  AddAction,
  CommitInfoAction,
  DomainMetadataAction,
  MetadataAction,
  ProtocolAction,
  RemoveAction,
  TxnAction,
} from '../actions/action-types.js';
import { decodeLogPath, deletionVectorId } from '../delta-file.js';
import { canonicalFileKey } from '../file-location.js';
import type { LogSegment } from './log-segment.js';
import { readCheckpointActions } from './read-checkpoint.js';
import { readJsonActions } from './read-json-actions.js';

export interface ReplayResult {
  readonly version: number;
  readonly protocol: ProtocolAction;
  readonly metadata: MetadataAction;
  /** Live files by canonical path (decoded; relative when under the table root). */
  readonly files: ReadonlyMap<string, AddAction>;
  /** Remove tombstones by `path \0 dvId`. */
  readonly tombstones: ReadonlyMap<string, RemoveAction>;
  readonly txns: ReadonlyMap<string, TxnAction>;
  readonly domains: ReadonlyMap<string, DomainMetadataAction>;
  /** commitInfo of the snapshot version's own commit, when it was read. */
  readonly commitInfo: CommitInfoAction | undefined;
}

class ReplayState {
  constructor(private readonly root: string) {}

  private key(path: string): string {
    return canonicalFileKey(this.root, decodeLogPath(path));
  }

  protocol: ProtocolAction | undefined;
  metadata: MetadataAction | undefined;
  readonly files = new Map<string, AddAction>();
  readonly tombstones = new Map<string, RemoveAction>();
  readonly txns = new Map<string, TxnAction>();
  readonly domains = new Map<string, DomainMetadataAction>();
  commitInfo: CommitInfoAction | undefined;

  apply(actions: readonly Action[], fromTargetCommit: boolean): void {
    for (const a of actions) {
      switch (a.kind) {
        case 'add': {
          const path = this.key(a.path);
          this.files.set(path, a);
          if (this.tombstones.size > 0) this.tombstones.delete(`${path}\u0000${deletionVectorId(a.deletionVector)}`);
          break;
        }
        case 'remove': {
          const path = this.key(a.path);
          const dvId = deletionVectorId(a.deletionVector);
          const live = this.files.get(path);
          if (live !== undefined && deletionVectorId(live.deletionVector) === dvId) this.files.delete(path);
          this.tombstones.set(`${path}\u0000${dvId}`, a);
          break;
        }
        case 'metaData':
          this.metadata = a;
          break;
        case 'protocol':
          this.protocol = a;
          break;
        case 'txn':
          this.txns.set(a.appId, a);
          break;
        case 'domainMetadata':
          if (a.removed) this.domains.delete(a.domain);
          else this.domains.set(a.domain, a);
          break;
        case 'commitInfo':
          if (fromTargetCommit) this.commitInfo = a;
          break;
        default:
          // cdc, checkpointMetadata and sidecar do not change the snapshot.
          break;
      }
    }
  }
}

/** Run `tasks` with at most `limit` in flight, keeping result order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function replayLog(store: ObjectStore, segment: LogSegment): Promise<ReplayResult> {
  const state = new ReplayState(store.root);
  const [checkpointActions, deltaActions] = await Promise.all([
    segment.checkpoint ? readCheckpointActions(store, segment.checkpoint) : Promise.resolve([]),
    mapLimited(segment.deltas, 32, (d) => readJsonActions(store, d.file.path)),
  ]);
  state.apply(checkpointActions, false);
  segment.deltas.forEach((d, i) => state.apply(deltaActions[i] ?? [], d.endVersion === segment.version && d.version === d.endVersion));
  if (state.protocol === undefined || state.metadata === undefined) {
    throw new DeltaSqlError(
      'CORRUPT_LOG',
      `the Delta log at ${store.root} has no ${state.protocol === undefined ? 'protocol' : 'metaData'} action up to version ${segment.version}`,
    );
  }
  return {
    version: segment.version,
    protocol: state.protocol,
    metadata: state.metadata,
    files: state.files,
    tombstones: state.tombstones,
    txns: state.txns,
    domains: state.domains,
    commitInfo: state.commitInfo,
  };
}
