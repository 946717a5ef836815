import type { NewAccessLogEntry } from './AccessLogStore.ts';

/** `restore`: an update the server made to bring back an earlier version (on behalf of `userId`). */
export type UpdateKind = 'edit' | 'restore';

/** One update as it is kept in a plan's append-only log. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
  userId: string | null;
  createdAt: number;
  kind: UpdateKind;
}

/** An update to append, with who made it. */
export interface PendingUpdate {
  update: Uint8Array;
  userId: string | null;
  /** Defaults to `edit`. */
  kind?: UpdateKind;
  /** Innsynslogg entries that go in with it, in the same transaction, given the seq it gets (a restore's). */
  log?: (seq: number) => readonly NewAccessLogEntry[];
  /** Yjs client ids this update's writer claims (the first account to write with one owns it), kept with it. */
  claims?: readonly number[];
}

/** The stored state of a plan: its latest checkpoint plus the log entries after it. */
export interface LoadedDocument {
  /** Merged state up to `checkpointSeq`, or null when the plan has no checkpoint yet. */
  checkpoint: Uint8Array | null;
  /** Encoded state vector of `checkpoint`, kept beside it so loading need not parse the checkpoint. */
  checkpointStateVector: Uint8Array | null;
  checkpointSeq: number;
  /** Updates with seq > checkpointSeq, in order. */
  updates: Uint8Array[];
  lastSeq: number;
}

export interface Checkpoint {
  upToSeq: number;
  state: Uint8Array;
  stateVector: Uint8Array;
}

/** The merged state of a plan right after update `seq`: a starting point for reading it as it was then. */
export interface Snapshot {
  seq: number;
  state: Uint8Array;
}

/**
 * Durable storage of plan documents: an append-only update log per plan plus checkpoints.
 * Every method may be asynchronous so a networked implementation (PostgreSQL) fits the same callers.
 * `append` resolves only once the updates are committed.
 */
export interface DocumentStore {
  load(planId: string): Promise<LoadedDocument>;
  /** Appends in one transaction and resolves with the seq of the last entry. */
  append(planId: string, updates: readonly PendingUpdate[]): Promise<number>;
  /** The plan's stored checkpoint (another instance may have written it since this one loaded the plan). */
  readCheckpoint(planId: string): Promise<Checkpoint | undefined>;
  /** Records merged state up to a seq; log entries are kept as the plan's history. */
  writeCheckpoint(planId: string, checkpoint: Checkpoint): Promise<void>;
  /** Log entries after `afterSeq` (and up to `upToSeq`, when given), in order, at most `limit`. */
  history(planId: string, options: { afterSeq: number; limit: number; upToSeq?: number }): Promise<StoredUpdate[]>;
  /** The account each Yjs client id of the plan belongs to: the one whose update first claimed it. */
  clientOwners(planId: string): Promise<Map<number, string>>;
  /** The seq of the plan's last update (0 for none). */
  lastSeq(planId: string): Promise<number>;
  /** The last seq of each of the plans in one go; a plan without updates is left out. */
  lastSeqsOf(planIds: readonly string[]): Promise<Map<string, number>>;
  /** The plan's last update: its seq, when it was committed and by whom (undefined for a plan with none). */
  lastWrite(planId: string): Promise<{ seq: number; at: number; userId: string | null } | undefined>;
  /** The seq of the last update committed at or before `time` (ms; 0 for none). */
  seqAt(planId: string, time: number): Promise<number>;
  /** Keeps a snapshot (kept as it is if one exists at that seq). */
  writeSnapshot(planId: string, snapshot: Snapshot): Promise<void>;
  /** The latest snapshot at or before `seq`. */
  snapshotAtOrBefore(planId: string, seq: number): Promise<Snapshot | undefined>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
