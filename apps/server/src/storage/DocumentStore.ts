/** One update as it is kept in a plan's append-only log. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
  userId: string | null;
  createdAt: number;
}

/** An update to append, with who made it. */
export interface PendingUpdate {
  update: Uint8Array;
  userId: string | null;
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

/**
 * Durable storage of plan documents: an append-only update log per plan plus checkpoints.
 * Every method may be asynchronous so a networked implementation (PostgreSQL) fits the same callers.
 * `append` resolves only once the updates are committed.
 */
export interface DocumentStore {
  load(planId: string): Promise<LoadedDocument>;
  /** Appends in one transaction and resolves with the seq of the last entry. */
  append(planId: string, updates: readonly PendingUpdate[]): Promise<number>;
  /** Records merged state up to a seq; log entries are kept as the plan's history. */
  writeCheckpoint(planId: string, checkpoint: Checkpoint): Promise<void>;
  history(planId: string, options: { afterSeq: number; limit: number }): Promise<StoredUpdate[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
