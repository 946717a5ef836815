import type { Commit, CommitFeed, CommitListener } from './CommitFeed.ts';

/**
 * The CommitFeed of one server process: listeners run synchronously, after the commit, in subscription order. A
 * listener that throws is reported to `onError` and the others still run: what is committed stays committed.
 */
export class InProcessCommitFeed implements CommitFeed {
  private readonly byPlan = new Map<string, Set<CommitListener>>();
  private readonly everyPlan = new Set<CommitListener>();
  private readonly onError: (error: Error) => void;

  constructor(onError: (error: Error) => void = () => {}) {
    this.onError = onError;
  }

  publish(commits: readonly Commit[], origin: unknown): void {
    const planId = commits[0]?.planId;
    if (planId === undefined) return;
    for (const listener of [...(this.byPlan.get(planId) ?? []), ...this.everyPlan]) {
      try {
        listener(commits, origin);
      } catch (error) {
        this.onError(error as Error);
      }
    }
  }

  /** Tells only the plan's own listeners (commits another instance made and projects). */
  publishToPlan(commits: readonly Commit[], origin: unknown): void {
    const planId = commits[0]?.planId;
    if (planId === undefined) return;
    for (const listener of [...(this.byPlan.get(planId) ?? [])]) {
      try {
        listener(commits, origin);
      } catch (error) {
        this.onError(error as Error);
      }
    }
  }

  subscribe(planId: string, listener: CommitListener): () => void {
    let listeners = this.byPlan.get(planId);
    if (!listeners) {
      listeners = new Set();
      this.byPlan.set(planId, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.byPlan.get(planId) === listeners) this.byPlan.delete(planId);
    };
  }

  subscribeAll(listener: CommitListener): () => void {
    this.everyPlan.add(listener);
    return () => this.everyPlan.delete(listener);
  }
}
