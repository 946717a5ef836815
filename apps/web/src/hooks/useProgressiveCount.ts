import { useEffect, useState } from 'react';

const FIRST = 12;
const STEP = 24;

/**
 * How many items of a long list to render now: the first screenful at once, the rest a batch per frame, so a
 * plan with hundreds of cards shows and takes input immediately instead of after one long render.
 */
export function useProgressiveCount(total: number): number {
  const [count, setCount] = useState(() => Math.min(total, FIRST));
  useEffect(() => {
    if (count >= total) return;
    const frame = requestAnimationFrame(() => setCount((current) => Math.min(total, current + STEP)));
    return () => cancelAnimationFrame(frame);
  }, [count, total]);
  return Math.min(count, total);
}
