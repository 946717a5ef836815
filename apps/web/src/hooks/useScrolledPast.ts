import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether the element has scrolled up out of sight (it is above the top of the screen), following scrolling and
 * resizing. False while it is in sight or below it, and where IntersectionObserver is missing.
 */
export function useScrolledPast(ref: RefObject<Element | null>): boolean {
  const [past, setPast] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry) setPast(!entry.isIntersecting && entry.boundingClientRect.bottom <= 0);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return past;
}
