import type { Page } from 'playwright-core';

/** Where the page's watcher (watchForText) leaves the time it saw the text on screen. */
declare global {
  interface Window {
    __readableAt?: Promise<number>;
  }
}

/**
 * Makes every document the page opens from now on watch for `text`: the page's own clock (ms since navigation
 * start) at the first animation frame in which it is on screen, as text in an element with a size. Call before
 * navigating. The watcher works from the DOM's mutations and looks at the page only when the text has been added,
 * so measuring does not take the page's time: polling every frame with a walk over the whole document (as this
 * did first) cost the page about a tenth of its main thread at 4× CPU slowdown.
 */
export async function watchForText(page: Page, text: string): Promise<void> {
  // A string, not a function: tsx would give the inner functions a `__name` helper the page does not have.
  await page.addInitScript(`(() => {
    const expected = ${JSON.stringify(text)};
    let resolve;
    window.__readableAt = new Promise((done) => (resolve = done));
    let looking = false;
    const observer = new MutationObserver((records) => {
      if (looking) return;
      for (const record of records) {
        const added = record.type === 'characterData' ? [record.target] : [...record.addedNodes];
        if (added.some((node) => node.textContent && node.textContent.includes(expected))) {
          looking = true;
          requestAnimationFrame(look);
          return;
        }
      }
    });
    function look() {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.nodeValue || !node.nodeValue.includes(expected)) continue;
        const box = node.parentElement && node.parentElement.getBoundingClientRect();
        if (box && box.width > 0 && box.height > 0) {
          observer.disconnect();
          resolve(performance.now());
          return;
        }
      }
      // In the document but not on screen yet (a hidden part): look again at the next frame.
      requestAnimationFrame(look);
    }
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  })()`);
}

/** The time the page's watcher (watchForText, installed before navigating) saw its text on screen. */
export async function readableAt(page: Page, timeoutMs = 60_000): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the text was not on screen within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const at = await Promise.race([
      page.evaluate(() => {
        if (!window.__readableAt) throw new Error('no watchForText installed before this document');
        return window.__readableAt;
      }),
      timeout,
    ]);
    return Math.round(at);
  } finally {
    clearTimeout(timer);
  }
}
