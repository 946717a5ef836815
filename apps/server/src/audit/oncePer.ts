/** Keys remembered before those past their window are forgotten. */
const KEPT = 10_000;

/**
 * Whether something is to be logged for `key` now: once per `windowMs` per key, in this process (a client that
 * sends the same refused edit again and again, a member paging through the history, is one entry per window).
 */
export function oncePer(windowMs: number, now: () => number = Date.now): (key: string) => boolean {
  const last = new Map<string, number>();
  return (key) => {
    const at = now();
    if ((last.get(key) ?? -Infinity) > at - windowMs) return false;
    if (last.size >= KEPT) for (const [stale, when] of last) if (when <= at - windowMs) last.delete(stale);
    last.set(key, at);
    return true;
  };
}
