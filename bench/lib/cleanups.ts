/** What to undo, newest first, should a section fail before its setups are handed to the load engine. */
export class Cleanups {
  private readonly steps: Array<() => Promise<unknown>> = [];

  add(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }

  /** Runs every step (newest first), each whatever the others do. */
  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) await step().catch(() => {});
  }
}
