import type { Page } from 'playwright-core';

/**
 * The page's own clock (ms since navigation start) at the first animation frame in which `text` is on screen: as a
 * text field's value or as text, in an element with a size. The page is already navigating.
 */
export async function readableAt(page: Page, text: string): Promise<number> {
  // No named inner functions (tsx would add a `__name` helper the page does not have) and no string (the CSP
  // forbids eval).
  const found = await page.waitForFunction(
    (expected: string) => {
      for (const field of document.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea, input')) {
        // The value first: measuring a box forces a layout, which the polling must not add every frame.
        if (field.value !== expected) continue;
        const box = field.getBoundingClientRect();
        if (box.width > 0 && box.height > 0) return performance.now();
      }
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.nodeValue?.includes(expected)) continue;
        const box = node.parentElement?.getBoundingClientRect();
        if (box && box.width > 0 && box.height > 0) return performance.now();
      }
      return false;
    },
    text,
    { polling: 'raf', timeout: 60_000 },
  );
  return Math.round((await found.jsonValue()) as number);
}
