export interface WriteBudgetOptions {
  /** Bytes of updates one member may write into one plan at once (a full budget); never less than one message. */
  bytes: number;
  /** How long a spent budget takes to fill again. */
  windowMs: number;
  now?: () => number;
}

/** Budgets kept before the full ones are forgotten (a full budget is what an unknown member has). */
const KEPT_BEFORE_PRUNING = 10_000;

/**
 * How much each member writes into each plan, as a token bucket: full at `bytes`, filling at `bytes` per
 * `windowMs`. Every committed update is history for good (the family cannot purge it), so a member with write access
 * cannot pour gigabytes into it: what goes past the budget is held back on the writer's device until it has filled
 * again (Room closes the socket with 4529; the app reconnects after the wait and sends it then). What a person types
 * or pastes stays far below it. Kept per instance, past a room's closing, so leaving and coming back gives no new
 * budget.
 */
export class WriteBudget {
  private readonly options: WriteBudgetOptions;
  private readonly now: () => number;
  private readonly budgets = new Map<string, { bytes: number; at: number }>();

  constructor(options: WriteBudgetOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  /** Spends `bytes` of the member's budget in the plan; 0 when spent, or how many ms until it can be. */
  spend(planId: string, userId: string, bytes: number): number {
    const key = `${planId}\n${userId}`;
    const now = this.now();
    const left = this.left(key, now);
    if (left < bytes) return Math.ceil(((bytes - left) * this.options.windowMs) / this.options.bytes);
    if (this.budgets.size >= KEPT_BEFORE_PRUNING && !this.budgets.has(key)) this.prune(now);
    this.budgets.set(key, { bytes: left - bytes, at: now });
    return 0;
  }

  private left(key: string, now: number): number {
    const budget = this.budgets.get(key);
    if (!budget) return this.options.bytes;
    const filled = ((now - budget.at) * this.options.bytes) / this.options.windowMs;
    return Math.min(this.options.bytes, budget.bytes + filled);
  }

  private prune(now: number): void {
    for (const key of this.budgets.keys()) {
      if (this.left(key, now) >= this.options.bytes) this.budgets.delete(key);
    }
  }
}
