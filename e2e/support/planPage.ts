import type { Locator, Page } from 'playwright-core';
import { waitFor } from './waitFor.ts';

/** Opens a plan (or one of its sections) and waits until it is loaded and connected. */
export async function openPlan(page: Page, planId: string, section?: string): Promise<void> {
  await page.goto(`/planer/${planId}${section ? `/${section}` : ''}`);
  await waitForConnected(page);
}

export async function waitForConnected(page: Page, timeout = 20_000): Promise<void> {
  await page.locator('.connection[data-state="connected"]').waitFor({ timeout });
}

/** The live editor (ProseMirror) of a labelled rich-text field, mounting it if it is still the static view. */
export async function richTextEditor(scope: Page | Locator, label: string): Promise<Locator> {
  const page = 'goto' in scope ? scope : scope.page();
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const field = scope
    .locator('.rich-text')
    .filter({ has: page.locator('.field__label', { hasText: exact }) })
    .first();
  const editor = field.locator('.ProseMirror');
  // On screen the editor also mounts by itself, a moment after the page: the static view may go mid-click.
  await waitFor(
    async () => {
      if ((await editor.count()) > 0) return true;
      await field
        .locator('.rich-text__static')
        .click({ timeout: 1000 })
        .catch(() => undefined);
      return (await editor.count()) > 0;
    },
    { message: `editor of ${label}` },
  );
  return editor;
}

/** The text of a rich-text editor, paragraphs joined by newlines, without other people's caret labels. */
export async function editorText(editor: Locator): Promise<string> {
  return editor.evaluate((element) =>
    [...element.querySelectorAll('p')]
      .map((node) => {
        const copy = node.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
        return copy.textContent ?? '';
      })
      .join('\n'),
  );
}

/** Collects uncaught page errors so a test can fail on them. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export async function expectText(locator: Locator, expected: string | RegExp, timeout = 15_000): Promise<void> {
  await waitFor(
    async () => {
      const text = (await locator.textContent()) ?? '';
      return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
    },
    { timeout, message: `text ${String(expected)}` },
  );
}

/** Opens an item's card to edit (its own «Endre», not a delmål's), and waits for its form. */
export async function openItem(card: Locator): Promise<void> {
  const own = card.locator(':scope > .item-card__header').getByRole('button', { name: /^Endre/ });
  if ((await own.count()) > 0) await own.click();
  await card.locator(':scope > .item-card__form').waitFor();
}

/** Closes every item open to edit on the page («Ferdig»), so the page shows the reading view. */
export async function closeItems(page: Page): Promise<void> {
  const done = page.locator('.item-card__header').getByRole('button', { name: /^Ferdig/ });
  while ((await done.count()) > 0) await done.first().click();
  await page.locator('.item-card__form').first().waitFor({ state: 'detached' });
}
