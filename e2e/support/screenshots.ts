import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const dir = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** Saves a full-page PNG into e2e/screenshots/ (committed, so changes in how pages look show up in review). */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  // Stable pictures: no blinking caret, and every card laid out (the app skips laying out off-screen cards).
  await page
    .addStyleTag({
      content: '*{caret-color:transparent !important} .item-list > li{content-visibility:visible !important}',
    })
    .catch(() => undefined);
  await page.screenshot({ path, fullPage: options.fullPage ?? true, animations: 'disabled' });
  return path;
}
