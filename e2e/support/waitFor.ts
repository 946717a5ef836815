/** Polls until `check` returns a value other than false (or stops throwing), instead of sleeping. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeout = 15_000, interval = 50, message }: { timeout?: number; interval?: number; message?: string } = {},
): Promise<Exclude<T, false>> {
  const deadline = Date.now() + timeout;
  let lastError: unknown = null;
  for (;;) {
    try {
      const result = await check();
      if (result !== false) return result as Exclude<T, false>;
      lastError = null;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`${message ?? 'condition not met'} within ${timeout} ms${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
