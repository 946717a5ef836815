/** One committed update of a plan's log. */
export interface Commit {
  planId: string;
  seq: number;
  update: Uint8Array;
  userId: string | null;
}

/** Receives the commits of one append, in seq order; `origin` is whoever appended (a Room skips its own). */
export type CommitListener = (commits: readonly Commit[], origin: unknown) => void;

/**
 * Committed updates, published to every Room that has the plan open and to the projections. In-process by
 * default (InProcessCommitFeed); across several instances it is Redis (the multi-instance issue).
 */
export interface CommitFeed {
  publish(commits: readonly Commit[], origin: unknown): void;
  /** Listens to one plan's commits; returns the unsubscribe. */
  subscribe(planId: string, listener: CommitListener): () => void;
  /** Listens to every plan's commits (projections). */
  subscribeAll(listener: CommitListener): () => void;
}
