import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPlanViaApi, newUserContext } from './support/browser.ts';
import { growStoredPlan } from './support/largePlan.ts';
import { collectPageErrors, openItem } from './support/planPage.ts';
import { useWebApp } from './support/webApp.ts';

// Issue 4 item 9, the functional side: a code-split bundle and a big plan that opens and renders lazily. Bundle size,
// time to an editable plan and typing latency are measured (against their targets) in `npm run bench`, not here.
describe('code splitting and large plans', () => {
  const app = useWebApp();

  it('keeps the entry script tiny and Tiptap/ProseMirror in a chunk of their own', () => {
    const html = readFileSync(join(app.webDist, 'index.html'), 'utf8');
    const entry = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeTruthy();
    // The entry only starts the requests and downloads for the address; React and the pages are chunks.
    const entrySource = readFileSync(join(app.webDist, 'assets', entry!), 'utf8');
    expect(entrySource).not.toContain('prosemirror');
    expect(entrySource.length).toBeLessThan(20_000);
    // The app's chunk downloads alongside the entry instead of after it.
    expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/renderApp-[^"]+\.js">/);
    // What it takes to show the plan (the plan page's chunk and everything it imports) holds no ProseMirror.
    const assets = join(app.webDist, 'assets');
    const source = (file: string): string => readFileSync(join(assets, file), 'utf8');
    const planPage = readdirSync(assets).find((file) => /^PlanPage-.*\.js$/.test(file));
    expect(planPage).toBeTruthy();
    const needed = new Set<string>();
    const visit = (file: string): void => {
      if (needed.has(file)) return;
      needed.add(file);
      for (const [, imported] of source(file).matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(imported!);
    };
    visit(planPage!);
    expect(needed.size).toBeGreaterThan(3);
    expect([...needed].filter((file) => source(file).includes('prosemirror'))).toEqual([]);
    // ... while the editor's chunks do.
    const editorChunk = readdirSync(assets).find((file) => /^RichTextEditor-.*\.js$/.test(file));
    expect(editorChunk).toBeTruthy();
    expect(needed.has(editorChunk!)).toBe(false);
    expect(readdirSync(assets).some((file) => file.endsWith('.js') && source(file).includes('prosemirror'))).toBe(true);
  });

  it('shows the plan and takes typing before the rich-text editor code has arrived', async () => {
    // No service worker: once it keeps the shell, it answers the editor chunk and the route below never sees it.
    const { context, page } = await newUserContext(app.browser, app.server.url, 'Kari Nilsen', {
      serviceWorkers: 'block',
    });
    const errors = collectPageErrors(page);
    const planId = await createPlanViaApi(context, { demo: true, creatorRole: 'foresatt' });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let editorRequested = false;
    await page.route('**/assets/RichTextEditor-*.js', async (route) => {
      editorRequested = true;
      await released;
      await route.continue();
    });
    await page.goto(`/planer/${planId}/mal`);
    await page.locator('.connection[data-state="connected"]').waitFor();
    await openItem(page.locator('li[data-goal-id] > article').first());
    const title = page.locator('li[data-goal-id] textarea:not([readonly])').first();
    await title.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' i friminuttene');
    await expect.poll(() => title.inputValue()).toMatch(/ i friminuttene$/);
    // The descriptions show as HTML meanwhile; their editors wait for the code.
    await expect.poll(() => editorRequested).toBe(true);
    expect(await page.locator('li[data-goal-id] .rich-text__static').first().textContent()).not.toBe('');
    expect(await page.locator('.ProseMirror').count()).toBe(0);
    release();
    await page.locator('li[data-goal-id] .ProseMirror[contenteditable="true"]').first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens the demo plan ready for typing', async () => {
    const { context, page } = await newUserContext(app.browser, app.server.url, 'Kari Nilsen');
    const errors = collectPageErrors(page);
    const planId = await createPlanViaApi(context, { demo: true, creatorRole: 'foresatt' });
    await page.goto(`/planer/${planId}/mal`);
    await page.locator('.connection[data-state="connected"]').waitFor();
    await openItem(page.locator('li[data-goal-id] > article').first());
    const title = page.locator('li[data-goal-id] textarea:not([readonly])').first();
    await title.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' og i gymsalen');
    await expect.poll(() => title.inputValue()).toMatch(/ og i gymsalen$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a plan with 100 goals, 200 measures and 40 meetings, mounting editors only where needed', async () => {
    const { context, page, user } = await newUserContext(app.browser, app.server.url, 'Sofie Andersen');
    const errors = collectPageErrors(page);
    const planId = await createPlanViaApi(context, { title: 'Stor plan', creatorRole: 'foresatt' });
    await growStoredPlan(app.server, planId, user.id);

    await page.goto(`/planer/${planId}/mal`);
    await page.locator('.connection[data-state="connected"]').waitFor();
    await openItem(page.locator('li[data-goal-id] > article').first());
    await page.locator('li[data-goal-id] textarea:not([readonly])').first().waitFor();
    await page.locator('li[data-goal-id]').nth(99).waitFor({ state: 'attached' });
    expect(await page.locator('li[data-goal-id]').count()).toBe(100);
    // Only the editors near the screen (or in use) exist, not one per rich-text field of every goal.
    expect(await page.locator('.ProseMirror').count()).toBeLessThan(30);

    const editor = page.locator('li[data-goal-id] .ProseMirror').first();
    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Vi prøver igjen i morgen.');
    await expect.poll(() => editor.textContent()).toContain('Vi prøver igjen i morgen.');

    await page.locator('.section-nav a[data-section="tiltak"]').click();
    await page.locator('li[data-measure-id]').nth(199).waitFor({ state: 'attached' });
    expect(await page.locator('li[data-measure-id]').count()).toBe(200);
    await page.locator('.section-nav a[data-section="moter"]').click();
    await page.locator('li[data-meeting-id]').nth(39).waitFor({ state: 'attached' });
    expect(await page.locator('li[data-meeting-id]').count()).toBe(40);
    expect(errors).toEqual([]);
    await context.close();
  });
});
