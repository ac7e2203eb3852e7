/**
 * An optimistic transaction (PROTOCOL.md "Delta Log Entries"; Spark's OptimisticTransaction):
 * the snapshot it read, what it read, the actions it will commit and the operation record.
 * `commit()` writes `_delta_log/<v>.json` with putIfAbsent only; on a lost race it checks the
 * winning commits for conflicts, rebases and retries with jittered backoff, or throws the
 * Spark-named conflict error. A failed commit leaves nothing in the log.
 */
import { randomUUID } from 'node:crypto';
import { DeltaSqlError } from '../../common/errors.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { Action, MetadataAction, ProtocolAction } from '../actions/action-types.js';
import { decodeLogPath, type FileContext } from '../delta-file.js';
import { commitFileName, LOG_DIR } from '../log/log-file-name.js';
import { readJsonActions } from '../log/read-json-actions.js';
import type { Snapshot } from '../snapshot.js';
import { actionsToNdjson } from './action-json.js';
import { checkConflicts, type CurrentTxnInfo, type FilePredicate } from './conflict-checker.js';
import { engineInfo } from './engine-info.js';
import { tableIsolationLevel, type IsolationLevel } from './isolation-level.js';
import { encodeMetrics, encodeParameters, type Operation } from './operation.js';

/** What the transaction read: decides which concurrent commits conflict with it. */
export interface ReadInfo {
  readonly wholeTable?: boolean | undefined;
  readonly predicates?: readonly FilePredicate[] | undefined;
  /** Paths (as in the log, or decoded) of the files read. */
  readonly files?: readonly string[] | undefined;
  /** Application ids whose txn version the caller looked at (idempotent writes). */
  readonly appIds?: readonly string[] | undefined;
  /** Domains whose metadata the caller read. */
  readonly domains?: readonly string[] | undefined;
}

export interface CommitOptions {
  /** Attempts before giving up on a busy table (default 100). */
  readonly maxAttempts?: number | undefined;
  /** Called after a successful commit (checkpointing); its failures never fail the commit. */
  readonly postCommit?: ((version: number, actions: readonly Action[]) => Promise<void>) | undefined;
  readonly now?: (() => number) | undefined;
}

export interface CommitResult {
  readonly version: number;
  readonly attempts: number;
  readonly isBlindAppend: boolean;
  readonly isolationLevel: IsolationLevel;
  /** A failure of the post-commit work (e.g. the checkpoint); the commit itself stands. */
  readonly postCommitError?: unknown;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class Transaction {
  readonly readVersion: number;
  private readonly actions: Action[] = [];
  private readonly read = { wholeTable: false, predicates: [] as FilePredicate[], files: new Set<string>(), appIds: new Set<string>(), domains: new Set<string>() };

  constructor(
    readonly store: ObjectStore,
    /** The snapshot read; undefined when creating a table. */
    readonly snapshot: Snapshot | undefined,
  ) {
    this.readVersion = snapshot?.version ?? -1;
  }

  markRead(info: ReadInfo): this {
    if (info.wholeTable === true) this.read.wholeTable = true;
    for (const p of info.predicates ?? []) this.read.predicates.push(p);
    for (const f of info.files ?? []) this.read.files.add(decodeLogPath(f));
    for (const a of info.appIds ?? []) this.read.appIds.add(a);
    for (const d of info.domains ?? []) this.read.domains.add(d);
    return this;
  }

  /** The committed version of an application's txn as this transaction sees it (and marks it read). */
  txnVersion(appId: string): number | undefined {
    this.read.appIds.add(appId);
    return this.snapshot?.txns.get(appId)?.version;
  }

  addActions(...actions: Action[]): this {
    for (const a of actions) {
      if (a.kind === 'commitInfo') throw new DeltaSqlError('INTERNAL', 'internal error: commitInfo is written by the transaction itself');
      this.actions.push(a);
    }
    return this;
  }

  get pendingActions(): readonly Action[] {
    return this.actions;
  }

  get newMetadata(): MetadataAction | undefined {
    return this.actions.find((a): a is MetadataAction => a.kind === 'metaData');
  }

  get newProtocol(): ProtocolAction | undefined {
    return this.actions.find((a): a is ProtocolAction => a.kind === 'protocol');
  }

  /** Spark: no read predicates / files, and every data-changing action is an add. */
  get isBlindAppend(): boolean {
    if (this.read.wholeTable || this.read.predicates.length > 0 || this.read.files.size > 0) return false;
    const changes = this.actions.filter((a) => (a.kind === 'add' || a.kind === 'remove') && a.dataChange);
    return changes.length > 0 && changes.every((a) => a.kind === 'add');
  }

  /** A commit that changes no data (OPTIMIZE, metadata only) drops to snapshot isolation. */
  get isolationLevel(): IsolationLevel {
    const dataChanged = this.actions.some((a) => (a.kind === 'add' || a.kind === 'remove' || a.kind === 'cdc') && a.dataChange);
    if (!dataChanged) return 'SnapshotIsolation';
    const configuration = this.newMetadata?.configuration ?? this.snapshot?.metadata.configuration ?? {};
    return tableIsolationLevel(configuration);
  }

  private validate(): void {
    const count = (kind: Action['kind']): number => this.actions.filter((a) => a.kind === kind).length;
    if (count('metaData') > 1 || count('protocol') > 1) {
      throw new DeltaSqlError('INTERNAL', 'internal error: a commit may hold at most one metaData and one protocol action');
    }
    if (this.snapshot === undefined && (count('metaData') !== 1 || count('protocol') !== 1)) {
      throw new DeltaSqlError('INTERNAL', 'internal error: creating a table needs exactly one protocol and one metaData action');
    }
    const paths = new Set<string>();
    for (const a of this.actions) {
      if (a.kind !== 'add') continue;
      if (paths.has(a.path)) throw new DeltaSqlError('INTERNAL', `internal error: file ${a.path} is added twice in one commit`);
      paths.add(a.path);
    }
  }

  private commitInfo(operation: Operation, timestamp: number): Action {
    const raw: Record<string, unknown> = {
      timestamp,
      operation: operation.name,
      operationParameters: encodeParameters(operation.parameters),
      ...(this.readVersion >= 0 ? { readVersion: this.readVersion } : {}),
      isolationLevel: this.isolationLevel === 'SnapshotIsolation' ? 'SnapshotIsolation' : this.isolationLevel,
      isBlindAppend: this.isBlindAppend,
      ...(operation.metrics !== undefined ? { operationMetrics: encodeMetrics(operation.metrics) } : {}),
      ...(operation.userMetadata !== undefined ? { userMetadata: operation.userMetadata } : {}),
      engineInfo: engineInfo(),
      txnId: randomUUID(),
    };
    return { kind: 'commitInfo', inCommitTimestamp: undefined, timestamp, operation: operation.name, raw };
  }

  private currentInfo(): CurrentTxnInfo {
    const removed = new Set<string>();
    for (const a of this.actions) if (a.kind === 'remove') removed.add(decodeLogPath(a.path));
    const appIds = new Set(this.read.appIds);
    for (const a of this.actions) if (a.kind === 'txn') appIds.add(a.appId);
    const domains = new Set(this.read.domains);
    for (const a of this.actions) if (a.kind === 'domainMetadata') domains.add(a.domain);
    return {
      isolationLevel: this.isolationLevel,
      metadataChanged: this.newMetadata !== undefined,
      creatingTable: this.snapshot === undefined,
      readWholeTable: this.read.wholeTable,
      readPredicates: this.read.predicates,
      readFiles: this.read.files,
      removedFiles: removed,
      appIds,
      domains,
    };
  }

  private fileContext(): FileContext | undefined {
    const s = this.snapshot;
    return s === undefined ? undefined : { schema: s.schema, partitionFields: s.partitionFields, mode: s.columnMappingMode };
  }

  async commit(operation: Operation, options: CommitOptions = {}): Promise<CommitResult> {
    this.validate();
    const now = options.now ?? Date.now;
    const info = this.commitInfo(operation, now());
    // commitInfo first, then protocol and metadata, then the rest (the order Spark writes).
    const rank = (a: Action): number => (a.kind === 'protocol' ? 0 : a.kind === 'metaData' ? 1 : 2);
    const ordered = [info, ...[...this.actions].sort((a, b) => rank(a) - rank(b))];
    const bytes = new TextEncoder().encode(actionsToNdjson(ordered));
    const current = this.currentInfo();
    const maxAttempts = options.maxAttempts ?? 100;
    let version = this.readVersion + 1;
    for (let attempt = 1; ; attempt++) {
      if (await this.store.putIfAbsent(`${LOG_DIR}${commitFileName(version)}`, bytes)) {
        let postCommitError: unknown;
        if (options.postCommit !== undefined) {
          try {
            await options.postCommit(version, ordered);
          } catch (error) {
            // Post-commit work (checkpoints) is an optimisation: the commit itself stands.
            postCommitError = error;
          }
        }
        const result = { version, attempts: attempt, isBlindAppend: this.isBlindAppend, isolationLevel: current.isolationLevel };
        return postCommitError === undefined ? result : { ...result, postCommitError };
      }
      // Lost the race: check every commit that won since our read version, then rebase.
      version = await this.checkWinners(version, current);
      if (attempt >= maxAttempts) {
        throw new DeltaSqlError('IO', `could not commit to ${this.store.root} after ${attempt} attempts: the table is too busy`, {
          hint: 'Retry the statement later.',
        });
      }
      await sleep(Math.random() * Math.min(2 * 2 ** Math.min(attempt, 6), 100));
    }
  }

  /** Check winners from `from` on; returns the next free version to try. */
  private async checkWinners(from: number, current: CurrentTxnInfo): Promise<number> {
    const context = this.fileContext();
    let v = from;
    for (;;) {
      let actions: Action[];
      try {
        actions = await readJsonActions(this.store, `${LOG_DIR}${commitFileName(v)}`);
      } catch (error) {
        if (error instanceof DeltaSqlError && error.code === 'FILE_NOT_FOUND') return v;
        throw error;
      }
      checkConflicts(current, v, actions, context);
      v++;
    }
  }
}
