import type { StoredUpdate } from '../storage/DocumentStore.ts';

const PAGE = 1000;
/** Replaying runs in slices of at most this long, so it never stalls the sync path of other plans. */
const SLICE_MS = 4;

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Visits a plan's logged updates after `afterSeq`, in order, a page at a time (`readPage` reads the page after a
 * seq), yielding to the event loop every few milliseconds, at most `max` of them. Resolves with the seq of the last
 * update visited and whether `max` stopped it before the end.
 */
export async function replayLog(
  readPage: (afterSeq: number, limit: number) => Promise<StoredUpdate[]>,
  afterSeq: number,
  visit: (stored: StoredUpdate) => void | Promise<void>,
  max = Number.POSITIVE_INFINITY,
): Promise<{ seq: number; more: boolean }> {
  let seq = afterSeq;
  let left = max;
  let sliceStart = performance.now();
  for (;;) {
    const page = await readPage(seq, Math.min(PAGE, left));
    for (const stored of page) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
      await visit(stored);
      seq = stored.seq;
    }
    left -= page.length;
    if (left <= 0) return { seq, more: page.length > 0 };
    if (page.length < Math.min(PAGE, left + page.length)) return { seq, more: false };
  }
}
