/**
 * Microseconds on the system-wide monotonic clock (CLOCK_MONOTONIC behind process.hrtime): comparable
 * between processes on one machine, so a receiver can subtract a sender's timestamp.
 */
export function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Timer precision (about 1 ms); cheap enough for hundreds of peers. */
export async function sleepUntilUs(targetUs: number): Promise<void> {
  const ms = (targetUs - nowUs()) / 1000;
  if (ms > 0) await sleep(ms);
}

/** Sub-millisecond precision for window boundaries: sleeps, then spins the last millisecond. */
export async function sleepUntilUsPrecise(targetUs: number): Promise<void> {
  await sleep((targetUs - nowUs()) / 1000 - 2);
  while (nowUs() < targetUs) await new Promise((resolve) => setImmediate(resolve));
}

/** A small seeded PRNG (mulberry32), so every run generates the same edits. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `work` and says how long it took (ms). */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}
