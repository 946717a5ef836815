/** Runs work one at a time per key (a plan), in the order it was asked for; a failure does not stop the next. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly waiting = new Map<string, number>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    this.waiting.set(key, (this.waiting.get(key) ?? 0) + 1);
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, settled);
    void settled.then(() => {
      const left = (this.waiting.get(key) ?? 1) - 1;
      if (left === 0) this.waiting.delete(key);
      else this.waiting.set(key, left);
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return next;
  }

  /** How many runs for `key` have not finished (the one running included). */
  queued(key: string): number {
    return this.waiting.get(key) ?? 0;
  }

  /** Settles once everything queued so far has run. */
  async idle(): Promise<void> {
    await Promise.all(this.tails.values());
  }
}
